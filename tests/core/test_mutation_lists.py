"""The lists `make mutation` reads stay in step with the code, checked on every `make test` (the
mutation run itself is not part of it)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_each_hand_made_table_change_still_finds_its_text_once():
    """A table edited since the change was written would make `make mutation` report the change as
    stale; this says so at once, naming the entry."""
    changes = tomllib.loads((ROOT / "tests" / "table_mutations.toml").read_text("utf-8"))["change"]
    mutated = set(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]["only_mutate"])
    for change in changes:
        assert change["file"] in mutated, change
        assert (ROOT / change["file"]).read_text("utf-8").count(change["find"]) == 1, change
        assert change["replace"] != change["find"] and change["rule"] and change["tests"], change
        for tests in change["tests"]:
            assert (ROOT / tests).exists(), change


def test_each_equivalent_mutant_has_its_change_and_a_reason():
    equivalents = tomllib.loads((ROOT / "tests" / "mutation_equivalents.toml").read_text("utf-8"))
    names = [entry["mutant"] for entry in equivalents.get("equivalent", [])]
    assert len(names) == len(set(names))
    for entry in equivalents.get("equivalent", []):
        assert entry["change"].strip() and entry["reason"].strip(), entry
