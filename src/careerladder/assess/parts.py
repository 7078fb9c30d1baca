"""The parts of a compound expectation: "Plan the team's work with product and design, and own the
delivery commitments the team makes" asks two things, and evidence of one of them is partly
(``benchmarks/assessment/RULES.md`` section 2).

An expectation splits at ", and" and at "and" before a verb of ``VERBS`` (the verbs ladder expectations
start with); a part of fewer than two words of content stays with the part before it
("Interview and hire engineers" is one act). Lists of nouns ("delivery, quality and cost") are not
split: the words around them are not a second act. Pure: no I/O.

>>> parts("Hold weekly 1:1s with every direct report and give honest, timely feedback.")
['Hold weekly 1:1s with every direct report', 'give honest, timely feedback.']
>>> parts("Report on delivery, quality and cost to the CEO and the board.")
['Report on delivery, quality and cost to the CEO and the board.']
"""

from __future__ import annotations

import re

#: Verbs that start an act inside an expectation (base forms, and "that" for "make sure ... and that ...").
VERBS = frozenset("""
align arbitrate build calibrate change coach communicate decide defend design develop find follow give grow
guide handle hire hold improve interview keep know lead make manage negotiate onboard own partner pay plan
prepare present remove report represent restructure review run set shape sit speak sponsor stay take track
turn write that
""".split())

_SPLIT = re.compile(r",\s+and\s+|\s+and\s+(?=(\w+))")
_CONTENT = re.compile(r"[a-z0-9][a-z0-9'’:-]*")
_FILLER = frozenset("a an the and or of to in on for with by at as its their them it they".split())


def _content_words(text: str) -> int:
    return sum(1 for w in _CONTENT.findall(text.lower()) if w not in _FILLER)


def parts(text: str) -> list[str]:
    """The acts ``text`` asks, in order (one element when it asks one)."""
    pieces, last = [], 0
    for m in _SPLIT.finditer(text):
        if m.group(1) is not None and m.group(1).lower() not in VERBS:
            continue
        pieces.append(text[last:m.start()])
        last = m.end()
    pieces.append(text[last:])
    out: list[str] = []
    for piece in pieces:
        piece = piece.strip()
        if out and _content_words(piece) < 2:
            out[-1] = f"{out[-1]} and {piece}"
        elif out and _content_words(out[-1]) < 2:
            out[-1] = f"{out[-1]} and {piece}"
        elif piece:
            out.append(piece)
    return out or [text]


__all__ = ["VERBS", "parts"]
