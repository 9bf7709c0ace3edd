"""All player-facing prose is our own words: no run of eight or more words shared with the seed
articles, except inside a marked quotation whose entry names its source.

The seed articles are not in the repository; tests/fixtures/seed_shingles.txt holds hashes of
their eight-word runs (made by tests/fixtures/make_seed_shingles.py, which also defines the word
rule used here). Bibliography entries (`cite`) are exempt: a title is a quotation by nature.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from game.scenario.loader import load

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCENARIOS = ("august-1956", "campaign-1953")

_spec = importlib.util.spec_from_file_location("make_seed_shingles", FIXTURES / "make_seed_shingles.py")
shingle_rule = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shingle_rule)

# A marked quotation: text in double quotes (straight or curly) or in single quotes that do not
# touch letters on the outside (so apostrophes in "Kim's" are not taken for quotation marks).
QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019|(?<![A-Za-z])'[^']+'(?![A-Za-z])")
SEED_KEYS = {"L1", "L2"}  # the keys under which the two seed articles are cited
NOT_PROSE = {"id", "sources", "cite", "condition", "requires", "available", "targets", "chance", "when"}


def seed_hashes() -> set[str]:
    lines = (FIXTURES / "seed_shingles.txt").read_text(encoding="utf-8").splitlines()
    return {ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")}


def strings(value, path=()):
    """Every prose string inside a dumped model, with where it sits."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in NOT_PROSE:
                yield from strings(v, (*path, k))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from strings(v, (*path, i))


def entries(scn):
    """(label, sources, dumped entry) for everything a player can read."""
    yield "scenario", [], scn.scenario.model_dump()
    for section in ("factions", "patrons", "offices", "people", "actions", "events", "plenums", "endings", "codex"):
        for item in getattr(scn, section):
            yield f"{section}:{item.id}", list(getattr(item, "sources", []) or []), item.model_dump()


@pytest.fixture(scope="module")
def seeds():
    hashes = seed_hashes()
    assert len(hashes) > 1000, "the seed shingle fixture looks empty"
    return hashes


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_eight_word_run_from_the_seeds(name, seeds):
    res = load(ROOT / "game" / "scenarios" / name)
    assert res.scenario is not None, [d.format() for d in res.errors]
    copied, unsourced_quotes = [], []
    for label, sources, dumped in entries(res.scenario):
        for path, text in strings(dumped):
            outside = QUOTED.sub(" | ", text)
            for part in outside.split("|"):
                for h, run in shingle_rule.shingles(part).items():
                    if h in seeds:
                        copied.append(f"{label} {'/'.join(map(str, path))}: '{run}'")
            for m in QUOTED.finditer(text):
                if any(h in seeds for h in shingle_rule.shingles(m.group(0))) and not SEED_KEYS & set(sources):
                    unsourced_quotes.append(f"{label}: {m.group(0)[:80]}")
    assert not copied, "prose shares 8+ word runs with a seed article:\n" + "\n".join(copied)
    assert not unsourced_quotes, "quotations from a seed without its source key:\n" + "\n".join(unsourced_quotes)


def test_the_rule_catches_a_copied_run(seeds):
    """The check is live: a made-up sentence passes, and the fixture matches its own rule."""
    mine = "The committee met late in the summer and the critics were not allowed to finish speaking."
    assert not any(h in seeds for h in shingle_rule.shingles(mine))
    assert len(shingle_rule.shingles("one two three four five six seven eight nine")) == 2
    assert QUOTED.sub("", "Kim's men said \"no\" and 'never'.") == "Kim's men said  and ."


@pytest.mark.parametrize("name", SCENARIOS)
def test_nothing_points_outside_the_repository(name):
    """No web addresses, no paths to files outside the repository, no fact-sheet references,
    anywhere a player can read, in the bibliography included."""
    res = load(ROOT / "game" / "scenarios" / name)
    bad = []
    for label, _sources, dumped in entries(res.scenario):
        for path, text in strings(dumped | {"cite": None}):
            if re.search(r"https?://|www\.|facts\.md|/work/|\.\./shared", text):
                bad.append(f"{label} {'/'.join(map(str, path))}")
        cite = dumped.get("cite")
        if cite and re.search(r"https?://|www\.", " ".join(str(v) for v in cite.values())):
            bad.append(f"{label} cite")
    assert not bad, bad
