"""Where profiles come from and which wins: built-in < packs < $CLEANER_PROFILES < --profiles-dir."""

from __future__ import annotations

import pickle
import sys
import types
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from cleaner import load_profiles
from cleaner.errors import ProfileError
from cleaner.profiles import builtin_dir, profile_dirs


def platform(folder: Path, name: str, description: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(
        f'[profile]\nname = "{name}"\nkind = "platform"\ndescription = "{description}"\nfingerprints = ["^zz$"]\n'
    )
    return path


@pytest.fixture
def pack(tmp_path: Path, monkeypatch):
    """An installed profile pack: a package with TOML files, named by an entry point."""
    folder = tmp_path / "site-packages" / "acme_profiles"
    platform(folder, "wix", "from the pack")
    platform(folder, "acme", "from the pack")
    module = types.ModuleType("acme_profiles")
    module.__file__ = str(folder / "__init__.py")
    monkeypatch.setitem(sys.modules, "acme_profiles", module)
    eps = [EntryPoint(name="acme", value="acme_profiles", group="cleaner.profiles")]
    monkeypatch.setattr("cleaner.profiles.entry_points", lambda group: eps if group == "cleaner.profiles" else [])
    monkeypatch.delenv("CLEANER_PROFILES", raising=False)
    return folder


def test_order_of_sources(pack: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CLEANER_PROFILES", f"{tmp_path / 'env1'}:{tmp_path / 'env2'}")
    dirs, problems = profile_dirs([tmp_path / "cli"])
    assert problems == []
    assert dirs == [builtin_dir(), pack, tmp_path / "env1", tmp_path / "env2", tmp_path / "cli"]


def test_a_pack_adds_and_overrides(pack: Path):
    profiles = load_profiles()
    assert profiles.get("acme").description == "from the pack"
    assert profiles.get("wix").description == "from the pack"


def test_env_overrides_a_pack_and_cli_overrides_env(pack: Path, tmp_path: Path, monkeypatch):
    platform(tmp_path / "env", "wix", "from the environment")
    monkeypatch.setenv("CLEANER_PROFILES", str(tmp_path / "env"))
    assert load_profiles().get("wix").description == "from the environment"
    platform(tmp_path / "cli", "wix", "from --profiles-dir")
    assert load_profiles([tmp_path / "cli"]).get("wix").description == "from --profiles-dir"


def test_a_pack_that_does_not_load_is_reported(monkeypatch):
    eps = [EntryPoint(name="broken", value="no_such_module_here", group="cleaner.profiles")]
    monkeypatch.setattr("cleaner.profiles.entry_points", lambda group: eps)
    with pytest.raises(ProfileError) as caught:
        load_profiles()
    assert str(caught.value) == (
        "<entry point broken = no_such_module_here>:1:1: "
        "cannot load profile pack: No module named 'no_such_module_here'"
    )


def test_a_missing_env_folder_is_reported(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CLEANER_PROFILES", str(tmp_path / "nope"))
    with pytest.raises(ProfileError) as caught:
        load_profiles()
    assert str(caught.value) == f"{tmp_path / 'nope'}:1:1: profile folder does not exist"


def test_a_really_installed_pack_is_found(tmp_path: Path, monkeypatch):
    """End to end through importlib.metadata: a distribution on sys.path declaring the group."""
    site = tmp_path / "site"
    platform(site / "zeta_pack", "zeta", "from an installed pack")
    (site / "zeta_pack" / "__init__.py").write_text("")
    dist = site / "zeta_pack-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: zeta-pack\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[cleaner.profiles]\nzeta = zeta_pack\n")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("CLEANER_PROFILES", raising=False)
    assert load_profiles().get("zeta").description == "from an installed pack"


def test_builtin_patterns_compile_on_first_use_others_at_load(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("CLEANER_PROFILES", raising=False)
    folder = tmp_path / "mine"
    platform(folder, "acme", "mine")
    profiles = load_profiles([folder])
    builtin = [p for p in profiles if p.path.parent == builtin_dir()]
    assert builtin and all(pattern._compiled is None for p in builtin for pattern in p.fingerprints)
    assert all(pattern._compiled is not None for pattern in profiles.by_name["acme"].fingerprints)
    # first use compiles; a pickled copy (what a worker gets) compiles again when used
    pattern = builtin[0].fingerprints[0]
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy._compiled is None and copy.pattern == pattern.pattern and copy.flags == pattern.flags
    pattern.search("")
    assert pattern._compiled is not None


def test_a_bad_regex_outside_the_builtins_is_reported_at_load(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("CLEANER_PROFILES", raising=False)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "bad.toml").write_text('[profile]\nname = "bad"\nkind = "platform"\nfingerprints = ["(unclosed"]\n')
    with pytest.raises(ProfileError) as err:
        load_profiles([folder])
    assert "bad regex" in str(err.value.problems[0])
