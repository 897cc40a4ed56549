"""Each core rule module's mutation score from the last `mutmut run` (``make mutation``).

Score = mutants the tests caught ÷ (all mutants − the reviewed equivalents in
tests/mutation_equivalents.toml). A mutant no test reaches counts as not caught, and so does one the
list marks ``kind = "postgres-only"``: a guard against a second writer, which the fast tests' SQLite
never has (tests/server/test_races.py races those on PostgreSQL); they are shown in their own column.
An entry whose change no longer matches the text recorded for it is reported as stale, so the list
cannot quietly excuse a different mutant after the code moved; ``--relink`` gives such an entry the
name of the one mutant of its function that now makes the recorded change. Exits 1 when a module is
under the bar or the list is stale."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.toml"
CAUGHT = {"killed", "timeout", "caught by type check"}
POSTGRES_ONLY = "postgres-only"


def modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    return list(config["only_mutate"])


def changed_lines(mutant: str, path: str) -> list[str]:
    """The diff's removed and added lines, stripped: what the equivalents list records."""
    diff = get_diff_for_mutant(mutant, path=path).splitlines()[2:]
    return [line[0] + line[1:].strip() for line in diff if line[:1] in "+-" and line[1:].strip()]


def recorded(entry: dict[str, str]) -> list[str]:
    return [line.strip() for line in entry["change"].splitlines() if line.strip()]


def load_equivalents() -> dict[str, dict[str, str]]:
    if not EQUIVALENTS.exists():
        return {}
    entries = tomllib.loads(EQUIVALENTS.read_text("utf-8")).get("equivalent", [])
    return {entry["mutant"]: entry for entry in entries}


def function_of(mutant: str) -> str:
    return mutant.rsplit("__mutmut_", 1)[0]


def relink(stale: list[str], equivalents: dict[str, dict[str, str]], alive_by_path: dict[str, str]) -> int:
    """Renames each stale entry to the one unlisted mutant of its function with the recorded change."""
    text = EQUIVALENTS.read_text("utf-8")
    moved = 0
    for old in stale:
        candidates = [m for m, path in alive_by_path.items() if function_of(m) == function_of(old)
                      and m not in equivalents and changed_lines(m, path) == recorded(equivalents[old])]
        if len(candidates) == 1:
            text = re.sub(rf'mutant = "{re.escape(old)}"', f'mutant = "{candidates[0]}"', text)
            print(f"relinked {old} -> {candidates[0]}")
            moved += 1
        else:
            print(f"not relinked {old}: {len(candidates)} mutants of its function make its change")
    EQUIVALENTS.write_text(text, "utf-8")
    return moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bar", type=float, default=95.0, help="the lowest passing score, in percent")
    parser.add_argument("--survivors", action="store_true", help="list every mutant left alive")
    parser.add_argument("--relink", action="store_true", help="rename stale entries whose change moved")
    args = parser.parse_args()

    equivalents = load_equivalents()
    stale: list[str] = []
    failing: list[str] = []
    survivors: list[str] = []
    alive_by_path: dict[str, str] = {}
    run_modules: set[str] = set()
    print(f"{'module':34} {'mutants':>7} {'caught':>6} {'alive':>5} {'no test':>7} {'pg only':>7} {'equiv.':>6} "
          f"{'score':>7}")
    for path in modules():
        meta = ROOT / "mutants" / (path + ".meta")
        if not meta.exists():
            print(f"{path:34} not run: no {meta.relative_to(ROOT)}")
            failing.append(path)
            continue
        exit_codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        if all(code is None for code in exit_codes.values()):
            print(f"{path:34} not run (mutmut ran other modules only)")
            continue
        run_modules.add(path.removesuffix(".py").replace("/", "."))
        counts: Counter[str] = Counter()
        for mutant, code in exit_codes.items():
            status = status_by_exit_code[code]
            if code is None:
                counts["not run"] += 1
                continue
            if status in CAUGHT:
                counts["caught"] += 1
                continue
            alive_by_path[mutant] = path
            entry = equivalents.get(mutant)
            if entry is not None and changed_lines(mutant, path) == recorded(entry):
                if entry.get("kind") == POSTGRES_ONLY:
                    counts["pg only"] += 1
                    survivors.append(f"{mutant}: {POSTGRES_ONLY}")
                else:
                    counts["equivalent"] += 1
                continue
            if entry is not None:
                stale.append(mutant)
            counts["no test" if status == "no tests" else "alive"] += 1
            survivors.append(f"{mutant}: {status}")
        scored = len(exit_codes) - counts["equivalent"] - counts["not run"]
        score = 100.0 * counts["caught"] / scored if scored else 100.0
        if score < args.bar:
            failing.append(path)
        partial = f"  ({counts['not run']} not run)" if counts["not run"] else ""
        print(f"{path:34} {len(exit_codes):7} {counts['caught']:6} {counts['alive']:5} {counts['no test']:7} "
              f"{counts['pg only']:7} {counts['equivalent']:6} {score:6.1f}%{partial}")
    # Listed but no longer alive (caught now, or gone with the code it changed): drop or review it.
    stale += [m for m in equivalents if m not in alive_by_path and m.split(".x")[0] in run_modules]
    if args.survivors and survivors:
        print("\nleft alive (see each with: .venv/bin/mutmut show NAME):")
        print("\n".join(f"  {line}" for line in survivors))
    if stale and args.relink:
        print()
        relink(stale, equivalents, alive_by_path)
    elif stale:
        print("\nstale equivalents (caught now, gone, or no longer the recorded change; --relink renames the"
              " ones whose change only moved):")
        print("\n".join(f"  {mutant}" for mutant in stale))
    if failing:
        print(f"\nunder {args.bar:.0f} %: {', '.join(failing)}")
    return 1 if stale or failing else 0


if __name__ == "__main__":
    sys.exit(main())
