"""YAML syntax errors in plain words, pointing where the mistake most likely is.

libyaml reports where it gave up, in parser terms ("did not find expected '-' indicator while
parsing a block collection"). A modder needs what is wrong and what to do, at the line where
the mistake was made: an unclosed quote is reported where it opens, an unclosed bracket where
it was opened, a line indented one space short as such.
"""

from __future__ import annotations

import re

import yaml

from game.scenario.diagnostics import Diagnostic


def _odd_quote_line(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """The first line in [first, last] (0-based) whose quotes do not balance: (line, col, quote)."""
    for i in range(max(first, 0), min(last, len(lines) - 1) + 1):
        text = lines[i]
        stripped = text.split(" #", 1)[0] if '"' not in text and "'" not in text else text
        for q in ('"', "'"):
            body = stripped.replace('\\"', "") if q == '"' else stripped.replace("''", "")
            if body.count(q) % 2 == 1:
                return i, body.index(q), q
    return None


def _unclosed_bracket(lines: list[str], upto: int) -> tuple[int, int, str] | None:
    """The innermost '[' or '{' still open at line `upto` (0-based), skipping quoted text and comments."""
    stack: list[tuple[int, int, str]] = []
    for i in range(min(upto + 1, len(lines))):
        quote = ""
        for j, ch in enumerate(lines[i]):
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "\"'" and (j == 0 or lines[i][j - 1] in " [{,:"):
                quote = ch
            elif ch == "#" and (j == 0 or lines[i][j - 1] == " "):
                break
            elif ch in "[{":
                stack.append((i, j, ch))
            elif ch in "]}" and stack:
                stack.pop()
    return stack[-1] if stack else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def explain(exc: yaml.MarkedYAMLError, text: str, file: str) -> Diagnostic:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    pm = exc.problem_mark
    cm = exc.context_mark
    lines = text.splitlines()
    line, col = (pm.line + 1, pm.column + 1) if pm else (1, 1)
    here = lines[pm.line] if pm and pm.line < len(lines) else ""

    def diag(ln: int, cl: int, msg: str, hint: str) -> Diagnostic:
        return Diagnostic(file, ln, cl, "error", "yaml-syntax", msg, hint)

    # An unclosed quote: libyaml may read on for many lines before it fails. Look for the
    # line where a quote opened and did not close, from where the failing structure began.
    start = cm.line if cm else max(0, (pm.line if pm else 0) - 40)
    if "quoted scalar" in context and cm is not None:
        q = lines[cm.line][cm.column] if cm.line < len(lines) and cm.column < len(lines[cm.line]) else '"'
        return diag(
            cm.line + 1,
            cm.column + 1,
            f"a quoted text starts here ({q}) and is never closed",
            f"add the closing {q} at the end of the text on this line",
        )
    odd = _odd_quote_line(lines, start, pm.line if pm else 0)
    if odd is not None and odd[0] + 1 < line:
        ln, cl, q = odd
        return diag(
            ln + 1,
            cl + 1,
            f"the quote ({q}) opened on this line is not closed on it, so what follows is read as part of "
            f"the text until line {line}",
            f"add the closing {q} on this line",
        )
    # An unclosed bracket or brace: report where it opened.
    m = re.match(r"did not find expected ',' or '([\]}])'", problem)
    if m and cm is not None:
        opener = "[" if m.group(1) == "]" else "{"
        return diag(
            cm.line + 1,
            cm.column + 1,
            f"the '{opener}' opened here is not closed",
            f"close it with '{m.group(1)}' (and separate items with ',')",
        )
    if problem.startswith("did not find expected node content") and "flow" in context:
        opened = _unclosed_bracket(lines, pm.line if pm else len(lines) - 1)
        if opened is not None:
            ln, cl, ch = opened
            close = "]" if ch == "[" else "}"
            return diag(
                ln + 1, cl + 1, f"the '{ch}' opened here is not closed", f"close it with '{close}', or remove it"
            )
    if "found character '\\t'" in problem or "\t" in here[: _indent(here) + 1]:
        return diag(line, col, "a tab character is used for indentation", "YAML indents with spaces only")
    if problem.startswith("did not find expected '-' indicator") or problem.startswith("did not find expected key"):
        what = "list item" if "'-'" in problem else "key"
        ref = lines[cm.line] if cm and cm.line < len(lines) else ""
        expect = _indent(ref) if ref else None
        got = _indent(here)
        above = next((ln for ln in reversed(lines[: pm.line]) if ln.strip()), "") if pm else ""
        is_item = here.lstrip().startswith("- ")
        # Where the keys of the line above start: '- id: x' puts them two past the dash.
        above_keys = _indent(above) + (2 if above.lstrip().startswith("- ") else 0) if above else 0
        if expect is not None and got > expect and above and above_keys > got and not is_item:
            return diag(
                line,
                col,
                f"this line is indented {got} spaces, between the keys of the entry above ({above_keys}) "
                f"and the list items ({expect})",
                f"indent it by {above_keys} spaces to continue the entry above, "
                f"or {expect} to start a new item with '- '",
            )
        if expect is not None and got != expect:
            return diag(
                line,
                col,
                f"this line is indented {got} spaces, but the {what}s it belongs with are indented {expect}",
                f"indent it by {expect} spaces like the {what}s above (from line {cm.line + 1 if cm else 1})",
            )
        if what == "list item" and got == expect and not is_item and above_keys > got:
            return diag(
                line,
                col,
                f"this line is at the level of the list items ({expect} spaces) but does not start with '- '",
                f"indent it by {above_keys} spaces to continue the entry above, or start it with '- ' for a new item",
            )
        return diag(
            line,
            col,
            f"this line does not line up with the {what}s above it",
            "check its indentation against the lines before it, or for a missing '- ' or ':'",
        )
    if problem.startswith("mapping values are not allowed"):
        above = next((ln for ln in reversed(lines[: pm.line]) if ln.strip()), "") if pm else ""
        # The column where the keys of the entry above start ('- id: x' puts them after '- ').
        key_col = _indent(above) + (2 if above.lstrip().startswith("- ") else 0)
        got = _indent(here)
        if above and got != key_col and ":" in here:
            return diag(
                line,
                got + 1,
                f"this line is indented {got} spaces, but the keys of the entry above start at {key_col}",
                f"indent it by {key_col} spaces, like the key on the line above",
            )
        return diag(
            line,
            col,
            "a ':' here starts a key where none is allowed",
            "if the value is text containing ': ', put it in quotes; otherwise check the line's indentation",
        )
    if problem.startswith("could not find expected ':'"):
        return diag(
            cm.line + 1 if cm else line,
            cm.column + 1 if cm else col,
            "a key without a ':' after it (or text that runs on to the next line)",
            "write 'key: value', or put multi-line text in quotes or after '>'",
        )
    if problem.startswith("found undefined alias"):
        return diag(line, col, "an alias ('*name') with no matching anchor ('&name')", "define the anchor first")
    if problem.startswith("found unknown escape character"):
        return diag(
            line,
            col,
            "a backslash in double quotes starts an unknown escape",
            "use single quotes for text with backslashes, or write '\\\\'",
        )
    if problem.startswith("expected <block end>"):
        return diag(
            line,
            col,
            "this line is indented differently from the block it belongs to",
            "line it up with the keys or '- ' items it continues",
        )
    if problem.startswith("but found another document"):
        return diag(
            line,
            col,
            "a second document starts here ('---'); a file holds one",
            "remove the '---' line, or move what follows it into another file",
        )
    if "exceeded maximum nesting depth" in problem:
        return diag(line, col, "brackets nested far too deeply", "no part of the format nests more than a few levels")
    plain = problem or "the file could not be read"
    return diag(
        line,
        col,
        f"YAML syntax error: {plain}" + (f" ({context})" if context else ""),
        "check the indentation and quoting on this line and the one before",
    )
