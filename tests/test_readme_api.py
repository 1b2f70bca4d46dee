"""The Python API examples (README.md, docs/python.md) run as written (doctest), and the API's promises hold."""

from __future__ import annotations

import doctest
import json

import cleaner
from tests.conftest import ROOT, SEEDS


def test_the_readme_examples_run_as_written():
    attempted = failed = 0
    for name in ("README.md", "docs/python.md"):
        result = doctest.testfile(str(ROOT / name), module_relative=False, optionflags=doctest.ELLIPSIS)
        attempted += result.attempted
        failed += result.failed
    assert attempted >= 10
    assert failed == 0


def test_every_public_name_is_exported_and_documented():
    for name in cleaner.__all__:
        obj = getattr(cleaner, name)
        if name != "__version__":
            assert obj.__doc__ and obj.__doc__.strip(), name
    assert (ROOT / "cleaner" / "py.typed").exists()


def test_to_dict_and_to_json_are_the_cli_record(tmp_path):
    from click.testing import CliRunner

    from cleaner.cli import main

    result = CliRunner().invoke(main, ["clean", str(SEEDS[0]), "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = cleaner.clean(SEEDS[0].read_bytes(), source=str(SEEDS[0]))
    assert json.loads(result.stdout) == doc.to_dict()
    assert json.loads(doc.to_json()) == doc.to_dict()
    assert doc.to_json(indent=2) + "\n" == result.stdout
