"""The main screen's explanations: every tooltip's text, built from the state, the side's one
picture of the committee and the rule's own constants (no numbers of the rule are written here).
A mixin of MainScreen: it reads ``self.s`` (the session) and ``self.app``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.plenum import present_members
from game.engine.vote_rule import RULE
from game.engine.world import INFLUENCE_PULL
from game.ui import view as V
from game.ui.forecast import band
from game.ui.forecast import lines as forecast_lines
from game.ui.screens import common
from game.words import why_closed, words

if TYPE_CHECKING:
    from game.ui.session import Session


class MainTips:
    s: Session  # set by MainScreen, the class this mixes into

    def why_closed(self, v) -> str:
        """Why an action is greyed out, in words (one wording with the terminal's)."""
        return why_closed(v, self.s.state, self.s.scn)

    def faction_tip(self, fid):
        st, scn = self.s.state, self.s.scn
        f, fd = st.factions[fid], scn.get("faction", fid)

        members = present_members(st)
        seats = sum(1 for pid in members if st.people[pid].faction == fid)
        share = 100 * seats / max(1, len(members))
        total = sum(x.influence for x in st.factions.values())
        lines = [
            f"{fd.name}  {fd.name_ko}  — {'with Kim' if fd.bloc == 'kim' else 'among the critics'}",
            f"Influence {f.influence} of 100: the faction's share of the weight in the party (the big figure "
            f"beside each faction; together they make {total}"
            + (", about 100 after rounding" if total != 100 else "")
            + f"). Each turn it moves {INFLUENCE_PULL:.0%} of the way toward its share of the full Central "
            f"Committee members present: {seats} of {len(members)} = {share:.0f}%.",
            f"Cohesion {f.cohesion}: how solidly its members follow the faction line. The 'faction line' "
            f"term of each member's vote is {fd.vote_base:+d} × {f.cohesion}% = {fd.vote_base * f.cohesion / 100:+.0f}.",
            "Standing with patrons: "
            + ", ".join(
                f"{scn.get('patron', k).name if scn.get('patron', k) else k} {v:+d}" for k, v in f.standing.items()
            ),
            fd.description.strip(),
            "Click to list its people.",
        ]
        return lines

    def patron_tip(self, pid):
        st, scn = self.s.state, self.s.scn
        p, pd = st.patrons[pid], scn.get("patron", pid)
        return [
            f"{pd.name}: favour to Kim {p.favour_kim:+d}, to the opposition {p.favour_opposition:+d}",
            f"Favour moves members' votes: each member feels (favour to Kim − favour to the opposition) × {RULE.patron:g}, "
            f"weighted by their faction's ties to this patron and its will to intervene; × {RULE.envoys_present:g} "
            "when its envoys sit in the hall.",
            f"Will to intervene {p.intervention} · leverage {p.leverage} · aid {p.aid} · advisers {p.advisers} · "
            f"troops {p.troops} · doctrinal pressure {p.doctrine}",
            "Intervention and doctrine fade a little each turn; aid feeds the economy in proportion to favour to Kim.",
            pd.description.strip(),
        ]

    def country_tip(self, k):
        st = self.s.state
        c = st.country
        tips = {
            "economy": [
                f"Economy {c.economy}",
                "Reconstruction runs on aid: each turn the economy moves 10% toward "
                "30 + the patrons' aid weighted by their favour to Kim. Purging senior officials costs it.",
            ],
            "support": [f"Popular support {c.support}", "Support for the regime among the people."],
            "security": [
                f"Security grip {c.security}",
                f"Adds (security − {RULE.neutral}) × {RULE.security:g} = {(c.security - RULE.neutral) * RULE.security:+.1f} to "
                "every member's fear term when they vote. At 60 or more it feeds the cult by 1 a turn.",
            ],
            "cult": [
                f"Personality cult {c.cult}",
                f"Adds (cult − {RULE.neutral}) × {RULE.cult:g} = {(c.cult - RULE.neutral) * RULE.cult:+.1f} toward Kim "
                "to every member's vote.",
            ],
            "rift": [
                f"Sino-Soviet rift {st.rift}",
                "How far Moscow and Beijing have drifted apart. Above 50, each courts Kim and dares less against him.",
            ],
            "intel": [
                f"Your intelligence {st.intel.get(self.s.viewer, 0)}",
                "How well your informers count the committee: the error of your estimates is about "
                "(100 − intelligence) / 6. Kim's opponents have intelligence you cannot see.",
            ],
        }
        return tips[k]

    def exposure_tip(self):
        from game.engine.intel import EXPOSURE_BANDS

        v = self.s.view()
        found = {
            "no sign": "You have no sign that Kim's people know of the plot.",
            "suspected": "Your contacts fear the plot is known: act before Kim does, or lie low.",
            "known": "Your contacts in the ministries are sure of it: Kim's people know who is plotting, and with whom.",
        }.get(v.plot_found, "")
        return [
            f"Your exposure: {v.exposure}",
            v.exposure_text or "",
            found,
            "How much of the plotting Kim's people have seen. Each turn they may piece it together: the more "
            "they have seen and the sharper their intelligence, the likelier. Approaches that are refused, "
            "meetings and speeches raise it; lying low lowers it.",
            *self.hunt_lines(),
            "Bands: " + "; ".join(w for _, w, _ in EXPOSURE_BANDS) + ".",
        ]

    def hunt_lines(self) -> list[str]:
        """What feeds Kim's hunt for the plot, from the scenario's own odds: the actions of Kim's
        that set the 'plot found out' flag, their odds in words. What the plot has built counts
        there, and lying low does not undo it."""
        s = self.s
        out = []
        for a in s.scn.actions:
            if a.side != "kim" or not any(fx.kind == "flag" and fx.value == "plot_discovered" for fx in a.success):
                continue
            out.append(
                f"Kim's “{a.name}” finds the plot with odds of {words(a.chance, s.scn)} (%). What the plot has "
                "built counts there, and lying low lowers only your exposure, not what you have built."
            )
        return out

    def estimate_tip(self, key):
        s = self.s
        v, e = s.estimate(key)
        maj = s.estimate("majority")[0]
        intel = s.state.intel.get(s.viewer, 0)
        what = {
            "kim": "would vote with Kim today",
            "opposition": "would vote with the critics today",
            "swing": "would abstain today: the swing voters",
        }[key]
        own = key == s.viewer
        return [
            f"Estimate: {v} ± {e} full members {what}",
            f"A motion needs {maj} votes in favour (more than half of the full members present); abstentions "
            "count against it.",
            f"Your intelligence is {intel}: the error is about (100 − {intel}) / 6"
            + (", smaller for your own side's pledges." if own else "."),
            self.count_vs_vote(),
            # (world.estimates: the error is drawn once a turn and laid over the live leanings, so
            # a player's own moves show at once. This line said the opposite until a hand game.)
            "Your informers' error is redrawn at the start of each turn; what you do shows in the count at once.",
        ]

    def count_vs_vote(self) -> str:
        """One line: the count is today's leanings; the vote on the day can differ by the forecast
        band (the session's one played-out forecast, as the plenum-prep screen shows it)."""
        s = self.s
        pdef, _pl = V.plenum_next(s.scn, s.state)
        played = s.played(pdef) if pdef is not None else None
        if played is None:
            return (
                "This is today's leanings: the vote can differ (the motion's weight, the hall's mood, the "
                "speeches and shout-downs on the day)."
            )
        return (
            f"This is today's leanings: the vote can differ by the forecast band (“{played.first_motion}”: "
            f"for it {band(played.for_it)}, needs {played.needed})."
        )

    def log_tip(self, e):
        who = {
            "all": "Known to both sides.",
            "kim": "Known only to Kim's side.",
            "opposition": "Known only to the opposition.",
        }.get(e.visible_to, "")
        kind = {
            "event": "A decision point",
            "decision": "A decision taken",
            "action": "An action",
            "plenum": "The plenum",
            "intel": "Intelligence",
            "news": "News",
            "info": "Note",
            "ending": "The end",
        }.get(e.kind, e.kind.title())
        story = V.entry_story(self.s.scn, e)
        return [f"{kind}, {common.date_text(e.date)}", e.text, *([story] if story else []), who]

    def plenum_tip(self):
        st, scn = self.s.state, self.s.scn
        pdef, pl = V.plenum_next(scn, st)
        lines = ["The plenum of the Central Committee"]
        if pdef:
            lines.append(
                f"{pdef.title}: {common.date_text(pl.date)}." + (f" {pdef.agenda.strip()}" if pdef.agenda else "")
            )
        else:
            lines.append("No plenum is on the calendar yet. Events and actions call one (or put it off).")
        lines += [
            "When it sits, each side chooses a tactic; the critics speak and may be shouted down; then "
            "each motion is voted by the full members present. A motion needs more than half of them.",
            "The bars below are your informers' count of how the full members would vote today.",
        ]
        if pdef:
            lines += forecast_lines(self.s.view(), pdef, self.s.played(pdef), st.people)
        for p2 in scn.plenums:
            rec = st.plenums[p2.id].record
            if rec:
                for stg in rec["stages"]:
                    if stg.get("kind") == "vote":
                        t = stg["tally"]
                        lines.append(
                            f"{p2.title}: {stg['title']}: {'carried' if stg['passed'] else 'defeated'} "
                            f"{t['for']}–{t['against']}–{t['abstain']}"
                        )
        return lines

    def aim_text(self) -> str:
        s = self.s
        maj = s.estimate("majority")[0]
        pdef, _pl = V.plenum_next(s.scn, s.state)
        held = any(pl.status == "held" for pl in s.state.plenums.values())
        if pdef is None and held:
            # After the sessions: the aim follows what is left to play for.
            if s.viewer == "kim":
                return (
                    "Hold what the plenum gave you to the end of the year: keep the patrons calm and the party in line."
                )
            return (
                "No plenum is called. Keep your people safe and your patrons interested: a new session, "
                "or the patrons' pressure, is the only way back."
            )
        tail = (
            "Secure the waverers, find the plotters, strike when ready."
            if s.viewer == "kim"
            else "Recruit the swing voters quietly: a refusal may be reported."
        )
        if pdef is None:
            # Not yet called (August's plenum waits for someone to call it): the next one due.
            waiting = [p for p in s.scn.plenums if getattr(s.state.plenums.get(p.id), "status", "") == "unscheduled"]
            pdef = min(waiting, key=lambda p: p.date, default=None)
        if pdef is not None:
            far = V.far_plenum_words(s.scn, s.state, s.state.plenums[pdef.id].date, s.viewer)
            if far:
                # (Hand play in the campaign: in July 1953 this said "recruit the swing voters",
                # whose pledges are gone long before December 1955.)
                tail = far
        if pdef is not None and pdef.motions:
            # The question the next session puts, from the scenario's own plenum: in the campaign
            # the first is December 1955's case against Pak Il-u, not August's cult resolution.
            m = pdef.motions[0]
            if m.proposer == s.viewer:
                return f"Carry “{m.title}” at {V.mid_sentence(pdef.title)}: it needs {maj} votes. {tail}"
            # Defeating it is half a win where the session has a motion of this side's own to
            # discipline the critics (August: Kim wins only if it carries, after a counter-attack).
            then = next((x for x in pdef.motions if x.proposer == s.viewer and x.kind == "expel_critics"), None)
            if then is not None:
                return (
                    f"Defeat “{m.title}” at {V.mid_sentence(pdef.title)} (keep it under {maj} votes), then carry the vote to "
                    f"discipline the critics. {tail}"
                )
            return f"Defeat “{m.title}” at {V.mid_sentence(pdef.title)}: keep it under {maj} votes. {tail}"
        if s.viewer == "kim":
            return f"Keep the chair: no motion of the critics may reach {maj} votes at the plenum. {tail}"
        return f"Win {maj} votes at the plenum: condemn the cult, then replace Kim. {tail}"

    def aim_tip(self):
        return [
            "Your aim",
            self.aim_text(),
            "The introduction (F1, then I) explains the budget, the plenum and "
            "how each side wins. Every number on this screen has a tooltip.",
        ]

    def date_tip(self):
        st, scn = self.s.state, self.s.scn
        return [
            f"{common.date_text(st.date)}, turn {st.turn}",
            f"Each turn covers {scn.scenario.calendar.turn_days} days. The game ends by "
            f"{common.date_text(st.end_date)} at the latest, or sooner if an ending is reached.",
        ]

    def budget_tip(self):
        s = self.s
        v = s.viewer
        return [
            f"Action points: {s.g.remaining(v)} of {s.state.budget.get(v, 0)} left",
            "Every action costs points. The budget refills each turn; events can add or take away "
            "points for the next turn. Unspent points are lost.",
        ]
