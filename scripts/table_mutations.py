"""Hand-made changes to the rule modules' tables, each of which the fast tests must catch.

mutmut changes code inside functions only; a weekday name, a province code, a state transition or a
pattern lives in a module-level table that it never touches. tests/table_mutations.toml lists such
changes, each with the rule a user would see broken. For each, this applies the change to a scratch copy
of the source and runs the fast tests named for it there: a change the tests let pass is reported, and
the script exits 1. A `find` text that is no longer in the file (or is there twice) is reported too, so
the list follows the code."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

ROOT = Path(__file__).resolve().parent.parent
CHANGES = ROOT / "tests" / "table_mutations.toml"


@dataclass(frozen=True)
class Change:
    file: str
    find: str
    replace: str
    tests: list[str]
    rule: str


def load_changes() -> list[Change]:
    entries = tomllib.loads(CHANGES.read_text("utf-8"))["change"]
    return [Change(e["file"], e["find"], e["replace"], e["tests"], e["rule"]) for e in entries]


def scratch_copy(into: Path) -> None:
    """What mutmut copies: the source packages, the tests and the project's configuration."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    for name in [*config["source_paths"], *config.get("also_copy", []), "tests"]:
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", into / "pyproject.toml")


def try_change(change: Change, copy: Path) -> str:
    """'caught', 'ALIVE', or why the change could not be tried."""
    target = copy / change.file
    original = target.read_text("utf-8")
    if original.count(change.find) != 1:
        return f"STALE: the text to change is in {change.file} {original.count(change.find)} times, not once"
    target.write_text(original.replace(change.find, change.replace), "utf-8")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
             *change.tests],
            cwd=copy, capture_output=True, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
            check=False)
    finally:
        target.write_text(original, "utf-8")
    if result.returncode == 1:
        return "caught"
    if result.returncode == 0:
        return "ALIVE"
    return f"ERROR: pytest exited {result.returncode}\n{result.stdout[-1500:]}{result.stderr[-1500:]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    changes = load_changes()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="table-mutations-") as scratch:
        copies: Queue[Path] = Queue()
        for n in range(args.workers):
            copy = Path(scratch) / f"copy{n}"
            scratch_copy(copy)
            copies.put(copy)

        def run(change: Change) -> str:
            copy = copies.get()
            try:
                return try_change(change, copy)
            finally:
                copies.put(copy)

        with ThreadPoolExecutor(args.workers) as pool:
            outcomes = list(pool.map(run, changes))

    failed = [(c, o) for c, o in zip(changes, outcomes, strict=True) if o != "caught"]
    by_file: dict[str, list[str]] = {}
    for change, outcome in zip(changes, outcomes, strict=True):
        by_file.setdefault(change.file, []).append(outcome)
    print(f"\n{'table changes by hand':34} {'changes':>7} {'caught':>6}")
    for file, results in by_file.items():
        print(f"{file:34} {len(results):7} {results.count('caught'):6}")
    print(f"{len(changes) - len(failed)} of {len(changes)} caught in {time.monotonic() - started:.0f} s")
    for change, outcome in failed:
        print(f"\n{outcome.splitlines()[0]}: {change.file}: {change.find!r} -> {change.replace!r}\n"
              f"  the rule: {change.rule}\n" + "\n".join(outcome.splitlines()[1:]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
