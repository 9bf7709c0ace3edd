"""The Pygame face of August Plenum.

The UI reads the game state and submits orders; it holds no rules. Screens form a stack
(``screen.py``; the loop, the stack and partial redraws are in ``app.py``).

    app.py        the window, the loop, the screen stack, toasts, partial flips
    screen.py     the Screen base: widgets, focus (Tab/arrows), hover, tooltips, cached backgrounds
    widgets.py    buttons, choices, text fields, hotspots; panels, bars, monograms, stamps
    text.py       fonts (pygame_gui's Noto Sans / Noto Sans KR) and cached text
    theme.py      the poster palette; faction colours come from the scenario
    session.py    a game in play: players, the AI off the event loop, autosaves, what each side sees
    view.py       state turned into words (names, offices, stance), no rules
    settings.py   settings JSON (a bad file gives defaults and a message)
    sound.py      gavel, murmur, uproar, typewriter, synthesised; silent without a device
    scenarios.py  cached scenario loading
    shots.py      ``plenum shots``: every screen to PNG
    screens/      one module per screen: title, newgame, main_screen, report, action_dialog,
                  event_dialog, plenum_prep (spread chart, tactics), plenum_hall, person, ending,
                  saveload, settings_screen, codex, help (overlay, introduction), pause, handoff,
                  common (message and confirm dialogs, backdrops)
"""
