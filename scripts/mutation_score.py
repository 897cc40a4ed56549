"""Each core rule module's mutation score from the last `mutmut run` (``make mutation``).

Score = mutants the tests caught ÷ (all mutants − the reviewed equivalents in
tests/mutation_equivalents.toml). A mutant no test reaches counts as not caught. An equivalent whose
change no longer matches the text recorded for it is reported as stale, so the list cannot quietly
excuse a different mutant after the code moved. Exits 1 when a module is under the bar or the list
is stale."""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter
from pathlib import Path

from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENTS = ROOT / "tests" / "mutation_equivalents.toml"
CAUGHT = {"killed", "timeout", "caught by type check"}


def modules() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mutmut"]
    return list(config["only_mutate"])


def changed_lines(mutant: str, path: str) -> list[str]:
    """The diff's removed and added lines, stripped: what the equivalents list records."""
    diff = get_diff_for_mutant(mutant, path=path).splitlines()[2:]
    return [line[0] + line[1:].strip() for line in diff if line[:1] in "+-" and line[1:].strip()]


def load_equivalents() -> dict[str, dict[str, str]]:
    if not EQUIVALENTS.exists():
        return {}
    entries = tomllib.loads(EQUIVALENTS.read_text("utf-8")).get("equivalent", [])
    return {entry["mutant"]: entry for entry in entries}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bar", type=float, default=95.0, help="the lowest passing score, in percent")
    parser.add_argument("--survivors", action="store_true", help="list every mutant left alive")
    args = parser.parse_args()

    equivalents = load_equivalents()
    stale: list[str] = []
    failing: list[str] = []
    survivors: list[str] = []
    alive: set[str] = set()
    print(f"{'module':34} {'mutants':>7} {'caught':>6} {'alive':>5} {'no test':>7} {'equiv.':>6} {'score':>7}")
    for path in modules():
        meta = ROOT / "mutants" / (path + ".meta")
        if not meta.exists():
            print(f"{path:34} not run: no {meta.relative_to(ROOT)}")
            failing.append(path)
            continue
        exit_codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        alive.update(mutant for mutant, code in exit_codes.items()
                     if code is not None and status_by_exit_code[code] not in CAUGHT)
        counts: Counter[str] = Counter()
        if all(code is None for code in exit_codes.values()):
            print(f"{path:34} not run (mutmut ran other modules only)")
            continue
        for mutant, code in exit_codes.items():
            status = status_by_exit_code[code]
            if code is None:
                counts["not run"] += 1
                continue
            if status in CAUGHT:
                counts["caught"] += 1
                continue
            entry = equivalents.get(mutant)
            if entry is not None:
                if changed_lines(mutant, path) == [line.strip() for line in entry["change"].splitlines()]:
                    counts["equivalent"] += 1
                    continue
                stale.append(mutant)
            counts["no test" if status == "no tests" else "alive"] += 1
            survivors.append(f"{mutant}: {status}")
        scored = len(exit_codes) - counts["equivalent"] - counts["not run"]
        score = 100.0 * counts["caught"] / scored if scored else 100.0
        if score < args.bar:
            failing.append(path)
        partial = f"  ({counts['not run']} not run)" if counts["not run"] else ""
        print(f"{path:34} {len(exit_codes):7} {counts['caught']:6} {counts['alive']:5} {counts['no test']:7} "
              f"{counts['equivalent']:6} {score:6.1f}%{partial}")
    # Listed but no longer alive (caught now, or gone with the code it changed): drop or review it.
    stale += [mutant for mutant in equivalents if mutant not in alive]
    if args.survivors and survivors:
        print("\nleft alive (see each with: .venv/bin/mutmut show NAME):")
        print("\n".join(f"  {line}" for line in survivors))
    if stale:
        print("\nstale equivalents (caught now, gone, or no longer the recorded change: review them):")
        print("\n".join(f"  {mutant}" for mutant in stale))
    if failing:
        print(f"\nunder {args.bar:.0f} %: {', '.join(failing)}")
    return 1 if stale or failing else 0


if __name__ == "__main__":
    sys.exit(main())
