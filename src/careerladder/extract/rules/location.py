"""location: "Location: San Francisco, CA or Remote", "Based in Berlin", "📍 London".

``value``: the place as written (trailing punctuation removed).
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ._util import full_text, requirement

_LABEL = re.compile(r"^\s*(?:job\s+|work\s+|office\s+)?locations?\s*[:\-–]\s*(?P<place>[^.;|]{2,120})", re.I)
_BASED = re.compile(r"\b(?:based\s+in|located\s+in|position\s+is\s+in|role\s+is\s+based\s+in|"
                    r"office\s+in)\s+(?P<place>[A-Z][\w .,'-]{1,60}?)(?=[.;)]|\s+(?:or|and|with)\b|$)")
_PIN = re.compile(r"(?:📍|🌎|🌍|🌏)\s*(?P<place>[^`|\n]{2,80})")


def find(st: Statement, ctx) -> list[Requirement]:
    """At most one location requirement for ``st``."""
    text = full_text(st)
    lower = ctx.lower
    if "locat" not in lower and "based" not in lower and "office in" not in lower and "📍" not in text \
            and "🌎" not in text and "🌍" not in text and "🌏" not in text:
        return []
    for pattern in (_LABEL, _PIN, _BASED):
        m = pattern.search(text)
        if m:
            place = m.group("place").strip(" ,-–:*")
            if place:
                return [requirement("location", st, m.group(0), value=place)]
    return []
