"""Mutation run for the vote rule: plant one small bug at a time and see whether a test notices.

Each mutant is a single-point change to game/engine/plenum.py or game/engine/vote_rule.py (a
coefficient set to zero, a comparison flipped, a term dropped, the envoys' doubling removed,
abstentions counted as votes against, the shout-down roll inverted...). The mutant is written
into a private copy of the tree in a temporary folder, never into the working tree, and the
fast rule tests run there; a red test run means the mutant was killed.

    .venv/bin/python bench/mutants.py                 # every mutant, the rule tests, 2 workers
    .venv/bin/python bench/mutants.py --jobs 4 --only band
    .venv/bin/python bench/mutants.py --tests tests/test_vote_rule.py tests/test_engine.py
    .venv/bin/python bench/mutants.py --tests-dir OLD/tests   # score another version of the tests
    .venv/bin/python bench/mutants.py --list
    .venv/bin/python bench/mutants.py -k 'not formulas_are and not explanation_lines'  # numbers, not texts

Exit status: 0 when the share killed is at least --fail-under (default 0.95), else 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLENUM = "game/engine/plenum.py"
RULE = "game/engine/vote_rule.py"

# The fast tests that guard the rule (a few seconds); the known-answer hashes of fixed games
# are included, the slow subprocess and AI look-ahead checks are not.
DEFAULT_TESTS = [
    "tests/test_rule_terms.py",
    "tests/test_rule_vote.py",
    "tests/test_rule_shout.py",
    "tests/test_vote_rule.py",
    "tests/test_determinism.py::test_known_hash_of_a_scripted_mini_game",
]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str
    new: str


def _coef(name: str, old: str, new: str) -> Mutant:
    """A coefficient of RULE changed at its one definition."""
    pattern = f"    {name}: "
    return Mutant(f"rule.{name} {old} -> {new}", RULE, f"{pattern}{old}", f"{pattern}{new}")


MUTANTS: list[Mutant] = [
    # --- the coefficients, at their one definition
    _coef("band", "int = 6", "int = 5"),
    _coef("noise", "int = 6", "int = 5"),
    _coef("neutral", "int = 50", "int = 0"),
    _coef("loyalty", "float = 0.6", "float = 0"),
    _coef("fear", "float = 0.25", "float = 0"),
    _coef("security", "float = 0.1", "float = 0"),
    _coef("cult", "float = 0.15", "float = 0"),
    _coef("pledge", "float = 0.45", "float = 0.5"),
    _coef("patron", "float = 0.12", "float = 0"),
    _coef("own_patron_tie", "float = 0.5", "float = 0"),
    _coef("envoys_present", "float = 2", "float = 1"),
    _coef("hostile_lean", "int = 20", "int = 15"),
    _coef("shout_offset", "float = 20", "float = 0"),
    _coef("reputation_divisor", "float = 5", "float = 10"),
    _coef("shout_min", "int = 5", "int = 0"),
    _coef("shout_max", "int = 95", "int = 100"),
    _coef("shouted_down_mood", "float = 2", "float = 0"),
    # --- the rule's own logic
    Mutant("band: >= becomes >", RULE, "if lean >= self.band:", "if lean > self.band:"),
    Mutant("band: <= -band becomes <", RULE, "if lean <= -self.band:", "if lean < -self.band:"),
    Mutant("majority: half is enough", RULE, "return present // 2 + 1", "return present // 2"),
    Mutant("majority: two more than half", RULE, "return present // 2 + 1", "return present // 2 + 2"),
    Mutant("shout-down roll inverted", RULE, "return roll <= odds", "return roll > odds"),
    Mutant("shout-down roll < instead of <=", RULE, "return roll <= odds", "return roll < odds"),
    Mutant(
        "shout odds not clamped",
        RULE,
        "return int(max(self.shout_min, min(self.shout_max, round(odds))))",
        "return int(round(odds))",
    ),
    Mutant("shout odds ignore reputation", RULE, " - reputation / self.reputation_divisor", ""),
    Mutant("shout odds ignore interruption", RULE, "self.shout_offset + interrupt -", "self.shout_offset -"),
    Mutant("shout offset added", RULE, "hostile_pct - self.shout_offset", "hostile_pct + self.shout_offset"),
    # --- the lean's terms in plenum.py
    Mutant("cohesion ignored", PLENUM, "fdef.vote_base * fs.cohesion / 100", "fdef.vote_base"),
    Mutant("faction line dropped", PLENUM, "    return [\n        line,\n", "    return [\n        0.0,\n"),
    Mutant("loyalty term times 0", PLENUM, "(p.loyalty - r.neutral) * r.loyalty,", "(p.loyalty - r.neutral) * 0,"),
    Mutant("fear times 0", PLENUM, "p.fear * r.fear +", "p.fear * 0 +"),
    Mutant("security dropped from fear", PLENUM, " + (c.security - r.neutral) * r.security", ""),
    Mutant("cult term times 0", PLENUM, "(c.cult - r.neutral) * r.cult,", "(c.cult - r.neutral) * 0,"),
    Mutant("Kim's pledges dropped", PLENUM, "        p.pledge_kim * r.pledge,\n", "        0.0,\n"),
    Mutant(
        "critics' pledges sign flipped", PLENUM, "-p.pledge_opposition * r.pledge,", "p.pledge_opposition * r.pledge,"
    ),
    Mutant("patron term dropped", PLENUM, "        patron_signal,\n", "        0.0,\n"),
    Mutant(
        "envoys' doubling dropped",
        PLENUM,
        "(r.envoys_present if pat_id in patrons_present else 1)",
        "1",
    ),
    Mutant("own-patron tie dropped", PLENUM, "(r.own_patron_tie if fdef.patron == pat_id else 0.0)", "0.0"),
    Mutant("negative standing counted", PLENUM, "max(0, fs.standing.get(pat_id, 0))", "fs.standing.get(pat_id, 0)"),
    Mutant("intervention ignored", PLENUM, " * (1 + pat.intervention / 100)", ""),
    Mutant(
        "patron favour sign flipped",
        PLENUM,
        "(pat.favour_kim - pat.favour_opposition) * weight",
        "(pat.favour_opposition - pat.favour_kim) * weight",
    ),
    Mutant(
        "severity ignores the proposer",
        PLENUM,
        "motion_term = -severity if kim_motion else severity",
        "motion_term = severity",
    ),
    Mutant("severity dropped", PLENUM, "        float(motion_term),\n", "        0.0,\n"),
    Mutant("mood dropped from the lean", PLENUM, "        float(mood),\n", "        0.0,\n"),
    Mutant("own judgement dropped", PLENUM, "        float(noise),\n", "        0.0,\n"),
    # --- the vote
    Mutant(
        "abstain counted as against",
        PLENUM,
        'if side == "abstain":\n            v = "abstain"',
        'if side == "abstain":\n            v = "against"',
    ),
    Mutant("for and against swapped", PLENUM, "elif side in welcomed:", "elif side not in welcomed:"),
    Mutant(
        "only the proposer's side votes for",
        PLENUM,
        "welcomed = motion.welcomed()",
        "welcomed = (motion.proposer,)",
    ),
    Mutant(
        "pass needs more than the majority", PLENUM, 'passed = tally["for"] >= needed', 'passed = tally["for"] > needed'
    ),
    Mutant(
        "pass counts abstentions for",
        PLENUM,
        'passed = tally["for"] >= needed',
        'passed = tally["for"] + tally["abstain"] >= needed',
    ),
    Mutant("envoys never in the hall", PLENUM, "    patrons = tuple(pdef.patrons_present)\n", "    patrons = ()\n"),
    Mutant("exact total rounded", PLENUM, "        totals[pid] = lean\n", "        totals[pid] = round(lean)\n"),
    Mutant(
        "projection majority off by one",
        PLENUM,
        '"majority": RULE.majority(len(members)),',
        '"majority": len(members) // 2,',
    ),
    Mutant("explanation not largest first", PLENUM, "return sorted(pairs, key=lambda t: -abs(t[1]))", "return pairs"),
    # --- the session
    Mutant(
        "judgement drawn from 0..noise", PLENUM, "rng.randint(-RULE.noise, RULE.noise)", "rng.randint(0, RULE.noise)"
    ),
    Mutant(
        "candidates left out of the hall",
        PLENUM,
        "everyone = sorted(present_members(state, candidates=True))",
        "everyone = sorted(present_members(state))",
    ),
    Mutant("hostile: > instead of >=", PLENUM, ">= RULE.hostile_lean)", "> RULE.hostile_lean)"),
    Mutant("hostile count ignores mood", PLENUM, "today[pid] + mood + noise[pid]", "today[pid] + noise[pid]"),
    Mutant("hostile count ignores judgement", PLENUM, "today[pid] + mood + noise[pid]", "today[pid] + mood"),
    Mutant(
        "shouted down moves the hall the wrong way",
        PLENUM,
        "mood += RULE.shouted_down_mood",
        "mood -= RULE.shouted_down_mood",
    ),
    Mutant(
        "speech modifiers ignored",
        PLENUM,
        "mood -= sp.power + _speech_bonus(state, scn, pdef, sp.side)",
        "mood -= sp.power",
    ),
    Mutant("speech modifier for either side", PLENUM, "if m.side == side and _requires", "if _requires"),
    Mutant("speech modifier condition ignored", PLENUM, " and _requires(state, scn, m.when, pdef.id)", ""),
    Mutant(
        "critic's speech moves the hall toward Kim", PLENUM, "mood -= sp.power + _speech", "mood += sp.power + _speech"
    ),
    Mutant("tactic mood ignored", PLENUM, "            mood += tdef.mood\n", ""),
    Mutant("tactic interruption ignored", PLENUM, "            interrupt += tdef.interrupt\n", ""),
]


def _copy_tree(dest: Path, tests_dir: Path | None) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    shutil.copytree(ROOT / "game", dest / "game", ignore=ignore)
    shutil.copytree(tests_dir or ROOT / "tests", dest / "tests", ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", dest / "pyproject.toml")


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(tree),
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def _pytest(tree: Path, tests: list[str], timeout: float, keyword: str | None = None) -> tuple[int, str]:
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-o", "addopts=", *tests]
    if keyword:
        cmd += ["-k", keyword]
    try:
        proc = subprocess.run(cmd, cwd=tree, env=_env(tree), capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 124, "timed out"
    return proc.returncode, proc.stdout + proc.stderr


def _first_failure(output: str) -> str:
    m = re.search(r"^(FAILED|ERROR) (\S+)", output, re.M)
    return m.group(2) if m else output.strip().splitlines()[-1] if output.strip() else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--tests", nargs="+", default=DEFAULT_TESTS, help="test files or node ids to run per mutant")
    ap.add_argument(
        "--tests-dir", type=Path, help="use this tests/ folder instead of the tree's (to score older tests)"
    )
    ap.add_argument("--only", help="run only mutants whose name contains this text")
    ap.add_argument("-k", "--keyword", help="pytest -k expression to select tests (e.g. 'not formula and not lines')")
    ap.add_argument("--list", action="store_true", help="list the mutants and exit")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--fail-under", type=float, default=0.95, help="share of mutants that must be killed")
    args = ap.parse_args(argv)

    mutants = [m for m in MUTANTS if not args.only or args.only in m.name]
    originals = {p: (ROOT / p).read_text(encoding="utf-8") for p in (PLENUM, RULE)}
    missing = [m.name for m in mutants if originals[m.path].count(m.old) != 1]
    if missing:
        print("mutants whose code is not found exactly once (the source changed; update bench/mutants.py):")
        for name in missing:
            print(f"  {name}")
        return 2
    if args.list:
        for m in mutants:
            print(f"{m.path}: {m.name}")
        return 0

    jobs = max(1, min(args.jobs, len(mutants)))
    base = Path(tempfile.mkdtemp(prefix="mutants-"))
    try:
        trees = []
        for i in range(jobs):
            t = base / f"w{i}"
            _copy_tree(t, args.tests_dir)
            trees.append(t)
        probe = subprocess.run(
            [sys.executable, "-c", "import game; print(game.__file__)"],
            cwd=trees[0],
            env=_env(trees[0]),
            capture_output=True,
            text=True,
        )
        if not probe.stdout.strip().startswith(str(trees[0])):
            print(f"the copy does not import its own game package ({probe.stdout.strip()}); aborting")
            return 2
        t0 = time.perf_counter()
        code, out = _pytest(trees[0], args.tests, args.timeout, args.keyword)
        if code != 0:
            print(f"the unmutated tests fail ({_first_failure(out)}); fix them before scoring mutants")
            print(out[-3000:])
            return 2
        print(f"unmutated: green in {time.perf_counter() - t0:.1f}s; {len(mutants)} mutants, {jobs} workers")

        free = list(trees)

        def one(m: Mutant) -> tuple[Mutant, bool, str, float]:
            tree = free.pop()
            try:
                target = tree / m.path
                target.write_text(originals[m.path].replace(m.old, m.new, 1), encoding="utf-8")
                start = time.perf_counter()
                code, out = _pytest(tree, args.tests, args.timeout, args.keyword)
                return m, code != 0, _first_failure(out) if code else "", time.perf_counter() - start
            finally:
                (tree / m.path).write_text(originals[m.path], encoding="utf-8")
                free.append(tree)

        t0 = time.perf_counter()
        results = []
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for m, killed, by, secs in pool.map(one, mutants):
                results.append((m, killed))
                verdict = "killed  " if killed else "SURVIVED"
                print(f"{verdict} {m.name:<48} {secs:5.1f}s  {by}", flush=True)
        killed = sum(1 for _, k in results if k)
        total = len(results)
        print(f"\n{killed}/{total} mutants killed ({100 * killed / total:.0f}%) in {time.perf_counter() - t0:.0f}s")
        survivors = [m.name for m, k in results if not k]
        if survivors:
            print("survived: " + "; ".join(survivors))
        return 0 if killed >= args.fail_under * total else 1
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
