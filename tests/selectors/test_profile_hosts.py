"""TOML profiles' hosts: compared in IDNA form, and entries that can never match reported."""

from __future__ import annotations

import pytest

from cleaner import ProfileError, load_profiles
from cleaner.check import check

TOML = '[profile]\nname = "ex"\nhosts = ["{host}"]\n'


@pytest.mark.parametrize(
    ("host", "page_host"),
    [
        ("bücher.example", "xn--bcher-kva.example"),
        ("xn--bcher-kva.example", "bücher.example"),
        ("xn--bcher-kva.example", "www.BÜCHER.example"),
        ("example.com", "ｅｘａｍｐｌｅ．ｃｏｍ"),
        ("example.com.", "www.example.com"),  # a trailing dot is normalised away, on both sides
    ],
)
def test_toml_hosts_match_in_any_form(tmp_path, host, page_host):
    (tmp_path / "ex.toml").write_text(TOML.format(host=host), encoding="utf-8")
    found = load_profiles([tmp_path], builtin=False).site_by_host(page_host)
    assert found is not None and found[0].name == "ex"


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("example.com:8080", "has a port; hosts are host names, matched on any port (example.com)"),
        ("example.com/path", "has a path; hosts are host names (example.com)"),
        ("https://x.org/", "is a URL; hosts are host names (example.com)"),
        ("example..com", "is not a host name (white space or an empty label)"),
    ],
)
def test_toml_hosts_that_can_never_match_are_problems(tmp_path, host, message):
    path = tmp_path / "ex.toml"
    path.write_text(TOML.format(host=host), encoding="utf-8")
    expected = f'{path}:3:10: profile.hosts[0]: "{host}" {message}'
    with pytest.raises(ProfileError) as err:
        load_profiles([tmp_path], builtin=False)
    assert str(err.value) == expected
    assert [str(p) for p in check([path])] == [expected]


def test_two_spellings_of_one_host_are_one_claim(tmp_path):
    (tmp_path / "a.toml").write_text('[profile]\nname = "a"\nhosts = ["bücher.example"]\n', encoding="utf-8")
    b = tmp_path / "b.toml"
    b.write_text('[profile]\nname = "b"\nhosts = ["xn--bcher-kva.example"]\n', encoding="utf-8")
    assert [str(p) for p in check([tmp_path])] == [
        f'{b}:3:10: profile.hosts[0]: "xn--bcher-kva.example" is also claimed by profile "a" ({tmp_path}/a.toml)'
    ]
