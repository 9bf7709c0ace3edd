"""The window, the loop and the screen stack.

Only what changed is redrawn: when no input arrives and no screen animates, the frame is not
drawn or flipped at all (under Xvfb most of a frame's time is ``flip()``).
"""

from __future__ import annotations

import os
import time
import traceback
from typing import TYPE_CHECKING, Any

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame

from game.engine.expr import RuleError
from game.ui import settings as S
from game.ui import text as T
from game.ui import theme as C
from game.ui import widgets as W
from game.ui.director import Director
from game.ui.display import display_size
from game.ui.sound import Sound

if TYPE_CHECKING:
    from game.ui.session import Session

FPS = 60
WARM_BUDGET_S = 0.006  # building glyphs ahead, per idle frame (a frame is 16.7 ms)


# The smallest window the layouts are made for; smaller windows are scaled down to it.
MIN_CANVAS = (1180, 660)
MIN_WINDOW = (960, 540)
TOASTS_SHOWN = 2


TOAST_W = 440


def free_spot(top, size, width: int, height: int) -> pygame.Rect | None:
    """Where passing messages hide nothing that matters: not a control (any widget), not a title
    band (the window's header, a dialog card's title). A dialog's messages go outside its card
    where there is room, else into a free strip of it; a full screen's along its foot, then its top."""
    if top is None:
        return None
    sw, sh = size
    avoid = [w.rect for w in top.widgets if w.visible]
    avoid += top.title_bands() if hasattr(top, "title_bands") else []
    card = top.card() if hasattr(top, "card") else None
    cands: list[pygame.Rect] = []
    if card is not None:
        card = pygame.Rect(card)
        avoid.append(pygame.Rect(card.x, card.y, card.width, 44))
        for x in (12, sw - 12 - width):
            for y in range(sh - 12 - height, 58, -24):
                cands.append(pygame.Rect(x, y, width, height))
        cands = [c for c in cands if not c.colliderect(card)]
        for y in (card.bottom - 12 - height, card.y + 50):
            for x in range(card.x + 12, card.right - 12 - width + 1, 24):
                cands.append(pygame.Rect(x, y, width, height))
    else:
        for x in range(12, sw - 12 - width + 1, 24):
            cands.append(pygame.Rect(x, sh - 12 - height, width, height))
        for y in range(sh - 12 - height - 24, 58, -24):
            for x in (12, sw - 12 - width):
                cands.append(pygame.Rect(x, y, width, height))
    for c in cands:
        if c.top >= 0 and not any(c.inflate(8, 8).colliderect(a) for a in avoid):
            return c
    return None


class Toast:
    def __init__(self, text: str, kind: str, until: float, turn: int | None = None):
        self.text, self.kind, self.until, self.turn = text, kind, until, turn


class App:
    # Set by set_mode()/relayout() before anything draws; the session once a game is open.
    display: pygame.Surface
    canvas: pygame.Surface
    session: Session | None
    _under: pygame.Surface | None
    _under_key: object
    live: Any  # the file watcher of `plenum --dev`, when on

    # ``dirty``: something must be drawn. Setting it marks a *full* redraw; ``light()`` marks a
    # change confined to the pointer's surroundings (hover, tooltip), which flips only those rects.
    @property
    def dirty(self) -> bool:
        return self._dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self._dirty = value
        if value:
            self._full = True

    def light(self) -> None:
        self._dirty = True

    _dirty = True
    _full = True

    def __init__(
        self,
        settings: S.Settings | None = None,
        settings_msg: str = "",
        *,
        windowed: bool = False,
        size: tuple[int, int] | None = None,
    ):
        if settings is None:
            settings, settings_msg = S.load()
        self.settings = settings
        self.windowed = windowed
        pygame.init()
        T.reset()
        pygame.key.set_repeat(350, 40)
        pygame.display.set_caption("August Plenum")
        try:  # the window icon: a gold star on poster red, drawn here
            icon = pygame.Surface((32, 32))
            icon.fill(C.RED)
            W.star(icon, (16, 17), 14, C.GOLD)
            pygame.display.set_icon(icon)
        except pygame.error:
            pass
        self.forced_size = size
        self.director = Director(self)
        self.scale = 1.0
        self.size = (1280, 720)
        self.set_mode()
        self.sound = Sound(settings.volume, settings.muted)
        self.stack: list = []
        self.toasts: list[Toast] = []
        self.rule_faults: set[tuple[str, str]] = set()  # (where, rule) already told: each is told once
        self.session = None
        self.running = True
        self.dirty = True
        self.clock_s = 0.0
        self._under = None
        self._under_key = None
        self.frame_times: list[float] = []
        if settings_msg:
            self.notify(settings_msg, "error", 9)
        self._problems_told = 0
        try:
            pygame.key.start_text_input()
        except Exception:
            pass

    # ------------------------------------------------------------------ display
    def set_mode(self, window: tuple[int, int] | None = None) -> None:
        """Open (or re-open) the window. ``window``: the size the player dragged it to.
        Full screen uses the display's own size; a window never opens larger than the display."""
        s = self.settings
        want = window or self.forced_size or (s.width, s.height)
        desk = display_size()
        flags = 0
        if s.fullscreen and not self.windowed and not self.forced_size:
            flags = pygame.FULLSCREEN
            want = desk or want
        else:
            flags = pygame.RESIZABLE if not self.forced_size else 0
            if desk and not self.forced_size:
                want = (min(want[0], desk[0]), min(want[1], desk[1] - 60))
            want = (max(MIN_WINDOW[0], want[0]), max(MIN_WINDOW[1], want[1]))
        try:
            self.display = pygame.display.set_mode(want, flags)
        except pygame.error:
            self.display = pygame.display.set_mode((1280, 720))
        self.relayout()

    def relayout(self) -> None:
        """Work out the canvas for the window's current size and rebuild every screen on it, so
        the next frame is drawn whole and clicks land where the new layout put things."""
        s = self.settings
        W_, H_ = self.display.get_size()
        want_scale = s.ui_scale or max(1.0, min(W_ / 1280, H_ / 720))
        scale = max(0.5, min(want_scale, W_ / MIN_CANVAS[0], H_ / MIN_CANVAS[1]))
        self.scale = 1.0 if abs(scale - 1.0) < 0.01 else scale
        self.size = (int(W_ / self.scale), int(H_ / self.scale))
        self.canvas = self.display if self.scale == 1.0 else pygame.Surface(self.size)
        self._under = None
        self.dirty = True
        for scr in getattr(self, "stack", []):
            scr.rebuild()

    def apply_settings(self) -> None:
        self.sound.set(self.settings.volume, self.settings.muted)
        self.set_mode()

    # ------------------------------------------------------------------ stack
    @property
    def top(self):
        return self.stack[-1] if self.stack else None

    def push(self, screen) -> None:
        self._under = None
        self.stack.append(screen)
        screen.rebuild()
        screen.on_enter()
        self.dirty = True

    def pop(self, screen=None) -> None:
        if not self.stack:
            return
        if screen is not None and screen is not self.top:
            if screen in self.stack:
                self.stack.remove(screen)
            return
        old = self.stack.pop()
        old.on_exit()
        self._under = None
        self.dirty = True
        if self.top:
            self.top.on_resume()
        else:
            self.running = False

    def replace(self, screen) -> None:
        if self.stack:
            self.stack.pop().on_exit()
        self.push(screen)

    def reset(self, screen) -> None:
        """Clear the stack down to a single screen (back to the title, into a new game)."""
        while self.stack:
            self.stack.pop().on_exit()
        self.push(screen)

    def find(self, cls):
        return next((s for s in reversed(self.stack) if isinstance(s, cls)), None)

    def show(self, name: str, *args, how: str = "push", **kw):
        """Open a screen by name (the director builds it): how = push, replace or reset."""
        return self.director.show(name, *args, how=how, **kw)

    # ------------------------------------------------------------------ messages
    def notify(self, text: str, kind: str = "info", seconds: float = 4.5, *, keep: bool = False) -> None:
        """A passing message. At most two show at once; a game's messages go with its turn.
        ``keep``: news of the game that is not in its log already (a codex entry, a warning):
        kept in the dispatch log of the side that saw it, so nothing is lost when it fades."""
        session = getattr(self, "session", None)  # messages may come before the session is set
        turn = session.state.turn if session is not None else None
        if keep and session is not None:
            session.keep(text)
        if any(t.text == text for t in self.toasts):
            return
        self.toasts.append(Toast(text, kind, self.clock_s + seconds, turn))
        self.toasts = self.toasts[-TOASTS_SHOWN:]
        self.dirty = True

    # ------------------------------------------------------------------ loop
    def scale_event(self, ev):
        if self.scale == 1.0 or not hasattr(ev, "pos"):
            return ev
        d = dict(ev.dict)
        d["pos"] = (int(ev.pos[0] / self.scale), int(ev.pos[1] / self.scale))
        if "rel" in d:
            d["rel"] = (int(d["rel"][0] / self.scale), int(d["rel"][1] / self.scale))
        return pygame.event.Event(ev.type, d)

    def dispatch(self, ev) -> None:
        if ev.type == pygame.QUIT:
            self.running = False
            return
        if ev.type == pygame.VIDEORESIZE:
            if not (self.settings.fullscreen and not self.windowed) and tuple(ev.size) != self.display.get_size():
                self.set_mode(tuple(ev.size))
            else:
                self.relayout()
            return
        if ev.type in (pygame.WINDOWSIZECHANGED, pygame.WINDOWMAXIMIZED):
            if self.display is not None and self.display.get_size() != (
                int(self.size[0] * self.scale),
                int(self.size[1] * self.scale),
            ):
                self.relayout()
            return
        if ev.type in (pygame.WINDOWEXPOSED, pygame.VIDEOEXPOSE, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSGAINED):
            self.dirty = True
            return
        if ev.type == pygame.MOUSEWHEEL and self._tip_more:
            # The wheel scrolls a tooltip too long for the window.
            self.tip_scroll = max(0, self.tip_scroll - ev.y * 3)
            self.light()
            return
        ev = self.scale_event(ev)
        if ev.type == pygame.KEYDOWN:
            if ev.key == pygame.K_F1 and not getattr(self.top, "is_help", False):
                self.show("help")
                return
            if ev.key == pygame.K_m and ev.mod & pygame.KMOD_CTRL:
                self.settings.muted = not self.settings.muted
                self.sound.set(self.settings.volume, self.settings.muted)
                S.save(self.settings)
                self.notify("Sound off." if self.settings.muted else "Sound on.")
                return
            if ev.key == pygame.K_F11:
                self.settings.fullscreen = not self.settings.fullscreen
                self.apply_settings()
                return
            if ev.key == pygame.K_F12:
                self.screenshot()
                return
            # Ctrl+F5 reloads the scenario and mods from disk (game/dev_reload.py) anywhere; F5
            # alone too, but not in a game outside --dev, where F5 means save (on the main screen)
            # and a player pressing it on a dispatch should not reload the rules under the game.
            bare = not any(w.hotkey == pygame.K_F5 for w in getattr(self.top, "widgets", [])) and (
                self.session is None or getattr(self, "live", None) is not None
            )
            if ev.key == pygame.K_F5 and (ev.mod & pygame.KMOD_CTRL or bare):
                from game.dev_reload import on_f5

                on_f5(self)
                return
        if self.top is not None:
            self.top.handle(ev)

    def tick(self, dt: float) -> None:
        self.clock_s += dt
        # Asset problems (a missing font) are found while drawing: say so once, in the window.
        while self._problems_told < len(T.PROBLEMS):
            self.notify(T.PROBLEMS[self._problems_told], "error", 9)
            self._problems_told += 1
        top = self.top
        if top is None:
            self.running = False
            return
        if self.session is not None:
            self.session.poll(dt)
        if not self._dirty and not top.idle_work:  # build ahead while nothing else happens: the backdrop, then glyphs
            if self._ahead_for != self.size:
                self.build_ahead()
            else:
                # A few (style, size) pairs an idle frame, within a few milliseconds: a screen
                # opened after only a handful of idle frames finds most of its glyphs made.
                until = time.perf_counter() + WARM_BUDGET_S
                while True:
                    if not self._names_warm and T.first_warm():
                        self.warm_names()  # after the most used glyphs, the names (then the rest)
                        if not self._names_warm:
                            break  # the scenarios are still loading
                    elif not T.warm_step():
                        break
                    if time.perf_counter() >= until:
                        break
        if getattr(self, "live", None) is not None:
            self.live.poll()  # plenum --dev / F5: reload changed files
        if top.update(dt):
            self.dirty = True
        if top.hover is not None and top.hover.tooltip and 0.3 <= self.clock_s - top.hover_since <= 0.3 + 2 * dt + 0.05:
            self.light()
        before = len(self.toasts)
        turn = self.session.state.turn if self.session is not None else None
        self.toasts = [t for t in self.toasts if t.until > self.clock_s and (t.turn is None or t.turn == turn)]
        if len(self.toasts) != before:
            self.dirty = True

    def render(self) -> None:
        surf = self.canvas
        top = self.top
        if top is None:
            return
        # A modal screen draws over a cached, dimmed picture of what lies beneath it.
        i = len(self.stack) - 1
        while i > 0 and self.stack[i].modal:
            i -= 1
        if i < len(self.stack) - 1:
            key = (id(self.stack[len(self.stack) - 2]), len(self.stack), self.size)
            if self._under is None or self._under_key != key:
                under = pygame.Surface(self.size)
                below = self.stack[i:-1]
                if (
                    len(below) == 1
                    and self._clean is not None
                    and self._clean_for == (id(below[0]), below[0]._build_no, self.size)
                ):
                    # The screen beneath was the last one drawn: its picture is at hand (a dialog
                    # opens without drawing it again).
                    under.blit(self._clean, (0, 0))
                else:
                    for scr in below:
                        scr.draw(under)
                shade = pygame.Surface(self.size, pygame.SRCALPHA)
                shade.fill((20, 8, 6, top.dim))
                under.blit(shade, (0, 0))
                self._under, self._under_key = under, key
            surf.blit(self._under, (0, 0))
        top.draw(surf)
        if not top.modal:
            # Keep the picture before tooltips and toasts: the backdrop of a dialog opened next.
            if self._clean is None or self._clean.get_size() != surf.get_size():
                self._clean = pygame.Surface(surf.get_size())
            self._clean.blit(surf, (0, 0))
            self._clean_for = (id(top), top._build_no, self.size)
        marks = []
        tip = top.tooltip()
        self._tip_more = False
        if tip:
            key = tuple(tip[0])
            if key != self._tip_key:
                self._tip_key, self.tip_scroll = key, 0
            got = W.tooltip_box(
                surf,
                tip[0],
                tip[1],
                avoid=tip[2] if len(tip) > 2 else None,
                scroll=self.tip_scroll,
                above=tip[3] if len(tip) > 3 else None,
            )
            if got:
                marks.append(got[0])
                self._tip_more = got[1] > 0
        else:
            self._tip_key = None
        for w in (top.hover, top.focus):
            if w is not None:
                marks.append(w.rect.inflate(16, 16))
        marks.append(self.draw_toasts(surf))
        marks = [m for m in marks if m is not None]
        # What changed on screen since the last frame: the old and the new marks.
        self.changed = self._marks + marks
        self._marks = marks
        if self.scale != 1.0:
            pygame.transform.smoothscale(surf, self.display.get_size(), self.display)

    def invalidate_under(self) -> None:
        self._under = None
        self._clean_for = None
        self.dirty = True

    _marks: list = []
    changed: list = []
    _tip_key: tuple[Any, ...] | None = None
    _tip_more = False
    tip_scroll = 0

    def build_ahead(self) -> None:
        """The backdrop the game's screens open on (the paper of this window size takes ~30 ms
        to make), in the first idle frame; the glyphs follow, one style and size a frame."""
        if self._ahead_for == self.size:
            return
        from game.ui.screens import common

        common.paper(self.size)
        self._ahead_for = self.size

    def warm_names(self) -> None:
        """Once the scenarios have loaded: their Hangul names, which fill every people list."""
        from game.ui import scenarios as SC

        if SC.loading():
            return
        names = [p.name_ko for res in SC.loaded() for p in res.scenario.people if p.name_ko]
        T.warm_korean("".join(names))
        self._names_warm = True

    _names_warm = False

    _ahead_for: tuple[int, int] | None = None
    _clean: pygame.Surface | None = None
    _clean_for: tuple | None = None

    def draw_toasts(self, surf):
        """Toasts sit in the place the top screen gives them (``toast_area``: somewhere that hides
        no key panel or title), newest at the bottom."""
        area: pygame.Rect | None = None
        for t, lines, r in self.toast_boxes():
            pygame.draw.rect(surf, C.INK, r.move(3, 3))
            pygame.draw.rect(surf, C.RED if t.kind == "error" else C.INK, r)
            pygame.draw.rect(surf, C.GOLD, r, 2)
            yy = r.y + 7
            for ln in lines:
                T.draw(surf, ln, (r.x + 14, yy), 15, C.PAPER_LIGHT, "bold" if t.kind == "error" else "body")
                yy += 20
            area = r.inflate(8, 8) if area is None else area.union(r.inflate(8, 8))
        return area

    def toast_boxes(self) -> list[tuple[Toast, list[str], pygame.Rect]]:
        """Where each toast shown goes, and its lines (a screen may lay its own text out around them)."""
        if not self.toasts:
            return []
        top = self.top
        place = top.toast_area() if top is not None else None
        width = place.width if place is not None else TOAST_W
        boxes = []
        for t in self.toasts:
            lines = T.wrap(t.text, 15, width - 40)
            boxes.append((t, lines, len(lines) * 20 + 14))
        if place is None:
            # No place given: the first free spot that hides no control and no title band.
            while True:
                need = sum(b[2] + 6 for b in boxes) - 6
                place = free_spot(top, self.size, width, need)
                if place is not None or len(boxes) == 1:
                    break
                boxes.pop(0)
            if place is None:
                place = pygame.Rect(12, self.size[1] - 12 - 200, width, 200)
        # Only what fits the place: the newest first, older ones dropped from view (not from the log).
        while len(boxes) > 1 and sum(b[2] + 6 for b in boxes) - 6 > place.height:
            boxes.pop(0)
        # One message taller than its place: its first lines, the rest is in the dispatch log.
        fit = max(1, (place.height - 14) // 20)
        if len(boxes) == 1 and len(boxes[0][1]) > fit:
            t0, lines0, _ = boxes[0]
            cut = lines0[:fit]
            cut[-1] = cut[-1].rstrip(" .,;") + "…"
            boxes = [(t0, cut, len(cut) * 20 + 14)]
        y = place.bottom - sum(b[2] + 6 for b in boxes) + 6
        out = []
        for t, lines, h in boxes:
            r = pygame.Rect(place.x, y, width, h)
            out.append((t, lines, r))
            y = r.bottom + 6
        return out

    def frame(self, events=(), dt: float = 1 / 60, force: bool = False) -> bool:
        """One frame: for the loop, for tests and for the screenshot tool. True when drawn;
        then ``self.flip_rects`` is None for a full flip, or the rects that changed."""
        try:
            for ev in events:
                self.dispatch(ev)
                if not self.running:
                    return False
            self.tick(dt)
        except RuleError as exc:  # a scenario's rule that cannot be worked out: told once, the game goes on
            self.rule_fault(exc)
        if self._dirty or force:
            full = self._full or force or self.scale != 1.0
            try:
                self.render()
            except RuleError as exc:  # the screen cannot be drawn without it: back to the title
                self.rule_fault(exc, drawing=True)
                self.render()
            self.flip_rects = None if full else [r.clip(self.display.get_rect()) for r in self.changed]
            self._dirty = False
            self._full = False
            return True
        return False

    flip_rects: list[pygame.Rect] | None = None

    def rule_fault(self, exc: RuleError, drawing: bool = False) -> None:
        """A rule of the scenario failed in play (``RuleError``): say so once, in its own words,
        naming the rule; then the game goes on, or the player goes back to the title. A fault met
        while drawing a game's screen would come back every frame, so that one leaves the game
        (the autosaves are kept)."""
        from game.ui.screens.common import MessageScreen

        key = (exc.where, exc.source)
        first = key not in self.rule_faults
        self.rule_faults.add(key)
        if drawing and self.session is not None:
            self.director.leave_session()
        elif drawing:
            self.reset(self.director.make("title"))
        if not first and not drawing:
            return
        body = (
            "A rule in this scenario cannot be worked out, so the game could not apply it.\n\n"
            f"Where: {exc.where}\nRule: {exc.source}\nWhy: {exc.detail}\n\n"
            "The scenario's author can check it with `plenum validate`. Your saves are safe."
        )
        buttons: list[tuple[str, Any]] = [("Back to title", self.director.leave_session)] if self.session else []
        buttons.append(("OK" if drawing else "Go on", None))
        self.push(MessageScreen(self, "A scenario rule is broken", body, buttons, error=True))
        self.dirty = True

    def present(self) -> None:
        if self.flip_rects is None:
            pygame.display.flip()
        elif self.flip_rects:
            pygame.display.update(self.flip_rects)

    def run(self) -> int:
        clock = pygame.time.Clock()
        while self.running:
            dt = clock.tick(FPS) / 1000.0
            t0 = time.perf_counter()
            events = pygame.event.get()
            try:
                if self.frame(events, min(dt, 0.1)):
                    self.present()
            except Exception as exc:  # a bug must not lose the player's game: report and go on
                traceback.print_exc()
                self.notify(
                    f"Something went wrong: {exc.__class__.__name__}: {exc}. The game goes on; your saves are safe.",
                    "error",
                    10,
                )
                self.dirty = True
            self.frame_times.append(time.perf_counter() - t0)
            if len(self.frame_times) > 600:
                del self.frame_times[:300]
        if self.session:
            self.session.shutdown()
        pygame.quit()
        return 0

    def screenshot(self, path=None):
        from game.paths import data_dir

        if path is None:
            folder = data_dir() / "screenshots"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / time.strftime("plenum-%Y%m%d-%H%M%S.png")
        self.render()
        pygame.image.save(self.display, str(path))
        self.notify(f"Screenshot saved: {path}")
        return path


def _no_display() -> bool:
    """On Linux with no X or Wayland display and no SDL driver chosen, a window would open
    nowhere; say so instead of running invisibly."""
    import os
    import sys

    if not sys.platform.startswith("linux") or os.environ.get("SDL_VIDEODRIVER"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_app(windowed: bool = False, dev: bool = False) -> int:
    if _no_display():
        import sys

        print(
            "plenum: no display found (DISPLAY is not set), so the game window cannot open.\n"
            "Run it from a desktop session, or play in the terminal:\n"
            "  plenum simulate --kim human --opposition ai",
            file=sys.stderr,
        )
        return 1
    app = App(windowed=windowed)
    if dev:
        from game.dev_reload import attach

        attach(app, watch=True)
    app.show("title")
    return app.run()
