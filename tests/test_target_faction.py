"""An action aimed at a person may move his faction ('faction: target'), and a filter may ask
whether he holds a post ('target.in_office'): the rules of the shipped demotion, which strips a
critic of his posts and loosens his faction."""

from game.engine import actions as A
from game.engine import effect_kinds as FX
from game.engine.content import Effect
from game.engine.effects import apply_effects
from game.engine.game import Game
from game.words import words
from tests.test_validation import diags, find, write


def _fx(raw):
    return [Effect.model_validate(raw)]


def test_faction_target_moves_the_targets_own_faction(mini):
    g = Game.new(mini, seed=1)
    st = g.state
    was = {k: (f.cohesion, f.influence) for k, f in st.factions.items()}
    apply_effects(st, mini, _fx({"faction": {"faction": "target", "cohesion": -8, "influence": -2}}), target="rebel")
    assert (st.factions["critics"].cohesion, st.factions["critics"].influence) == (
        was["critics"][0] - 8,
        was["critics"][1] - 2,
    )
    assert (st.factions["loyal"].cohesion, st.factions["loyal"].influence) == was["loyal"]


def test_faction_target_of_a_man_of_no_faction_moves_nothing(mini):
    g = Game.new(mini, seed=1)
    st = g.state
    was = {k: f.cohesion for k, f in st.factions.items()}
    apply_effects(st, mini, _fx({"faction": {"faction": "target", "cohesion": -8}}), target="envoy")
    assert {k: f.cohesion for k, f in st.factions.items()} == was


def test_faction_target_says_whose_faction(mini):
    (line,) = FX.describe(mini, _fx({"faction": {"faction": "target", "cohesion": -8}}), "The Rebel")
    assert line == "The Rebel's faction: cohesion -8 (its line holds its members less)"


def test_a_named_factions_cohesion_says_what_it_does_to_each_lean(mini):
    from game.engine.plenum import _faction_terms

    # The critics' vote base is -20: 5 more points of cohesion is 1 lean point more toward them,
    # as the count itself works it out.
    (line,) = FX.describe(mini, _fx({"faction": {"faction": "critics", "cohesion": 5}}))
    assert line == "Critics: cohesion +5 (each member's lean 1 more toward the critics)"
    st = Game.new(mini, seed=1).state
    before = _faction_terms(st, mini, ())["critics"][0]
    apply_effects(st, mini, _fx({"faction": {"faction": "critics", "cohesion": -5}}))
    assert _faction_terms(st, mini, ())["critics"][0] - before == 1.0


def test_faction_target_outside_a_targeted_action_is_an_error(mini_dir):
    text = (mini_dir / "actions.yaml").read_text()
    write(
        mini_dir,
        "actions.yaml",
        text.replace(
            "      - pledge: {faction: critics, side: opposition, add: 20}",
            "      - faction: {faction: target, cohesion: 5}",
        ),
    )
    d = find(diags(mini_dir), "reference", "'target' can only be used in an action that has a target")
    assert d.file.endswith("actions.yaml") and d.line == 17


def test_in_office_reads_whether_he_holds_a_post(mini):
    g = Game.new(mini, seed=1)
    a = mini.get("action", "lean_on").model_copy(update={"targets": "target.in_cc and target.in_office"})
    assert A.candidates(g.state, mini, a) == ["boss", "rebel"]  # the aide holds no post
    g.state.people["rebel"].offices = []
    assert A.candidates(g.state, mini, a) == ["boss"]
    assert words("target.in_office", mini) == "the target holds a post"
    assert words("not target.in_office", mini) == "the target holds no post"


def test_the_demotion_strips_a_post_holder_and_loosens_his_faction(august):
    g = Game.new(august, seed=3)
    st = g.state
    a = august.get("action", "demote_rival")
    pool = A.candidates(st, august, a)
    # Named critics with posts; not the already demoted Pak Yong-bin, who holds none.
    assert "pak_chang_ok" in pool and "choe_chang_ik" in pool and "pak_yong_bin" not in pool
    assert all(st.people[p].offices for p in pool)
    soviet = st.factions["soviet"].cohesion
    (loosen,) = [fx.value.cohesion for fx in a.success if fx.kind == "faction"]
    assert loosen < 0
    apply_effects(st, august, a.success, target="pak_chang_ok")
    p = st.people["pak_chang_ok"]
    assert p.status == "demoted" and p.offices == []
    assert st.factions["soviet"].cohesion == soviet + loosen
    assert "pak_chang_ok" not in A.candidates(st, august, a)  # nothing left to strip


def test_a_self_criticism_blunts_the_critics_speeches_in_august(august):
    from game.engine.plenum import _speech_bonus

    g = Game.new(august, seed=3)
    st = g.state
    pdef = august.get("plenum", "august_plenum")
    (blunt,) = [m.power for m in pdef.speech_modifiers if m.when == "flag.cult_conceded"]
    assert blunt < 0
    before = _speech_bonus(st, august, pdef, "opposition")
    apply_effects(st, august, august.get("action", "self_criticism").success)
    assert st.has_flag("cult_conceded")
    assert _speech_bonus(st, august, pdef, "opposition") == before + blunt
    assert _speech_bonus(st, august, pdef, "kim") == 0


def test_an_appointment_restores_a_sidelined_man(mini):
    st = Game.new(mini, seed=1).state
    apply_effects(st, mini, _fx({"person": {"person": "rebel", "status": "demoted", "clear_offices": True}}))
    assert st.people["rebel"].status == "demoted"
    apply_effects(st, mini, _fx({"person": {"person": "rebel", "add_office": "minister"}}))
    assert st.people["rebel"].status == "active"
    # A status the effect writes itself wins: appointed and sidelined in one stroke stays sidelined.
    apply_effects(st, mini, _fx({"person": {"person": "rebel", "status": "demoted", "add_office": "minister"}}))
    assert st.people["rebel"].status == "demoted"


def test_a_coopted_critic_is_no_longer_a_disgraced_figure_for_a_show_trial(august):
    # Found in play: Choe Chang-ik, demoted in March and co-opted in May, headed a department of
    # the Central Committee while still listed as sidelined, and open to a case as a disgraced man.
    st = Game.new(august, seed=1).state
    for action_id in ("demote_rival", "co_opt_rival"):
        a = august.get("action", action_id)
        apply_effects(st, august, a.success, target="choe_chang_ik")
    assert st.people["choe_chang_ik"].status == "active"
    assert "choe_chang_ik" not in A.candidates(st, august, august.get("action", "open_trial"))


def _august_speakers(august, coopt: str | None) -> list[str]:
    from game.engine.plenum import resolve

    st = Game.new(august, seed=3).state
    if coopt:
        apply_effects(st, august, august.get("action", "co_opt_rival").success, target=coopt)
    pl = st.plenums["august_plenum"]
    pl.tactics = {"opposition": "full_attack", "kim": "answer_in_debate"}
    record = resolve(st, august, august.get("plenum", "august_plenum"))
    return [s["person"] for s in record["stages"] if s["kind"] == "speech" and s["side"] == "opposition"]


def test_a_coopted_critic_does_not_rise_against_kim_at_the_plenum(august):
    # Found in play: Choe Chang-ik, co-opted (out of the opposition's circle), still rose for
    # Yun at the August plenum and was expelled with him.
    assert "choe_chang_ik" in _august_speakers(august, None)
    speakers = _august_speakers(august, "choe_chang_ik")
    assert "choe_chang_ik" not in speakers and "yun_kong_hum" in speakers


def test_a_man_is_coopted_once(august):
    # Found in play: the window offered to co-opt Choe Chang-ik into the department he already
    # headed. The post settles his ambition below what the offer needs.
    st = Game.new(august, seed=1).state
    a = august.get("action", "co_opt_rival")
    assert "choe_chang_ik" in A.candidates(st, august, a)
    apply_effects(st, august, a.success, target="choe_chang_ik")
    assert "choe_chang_ik" not in A.candidates(st, august, a)


def test_the_coopt_line_does_not_say_a_man_leaves_a_circle_he_was_never_in(august):
    lines = FX.describe(august, august.get("action", "co_opt_rival").success, "Cadre 038 (Domestic)")
    assert any("ambition -40" in ln and "is out of the opposition's circle" in ln for ln in lines), lines
