"""Helpers shared by the rules (no matching logic of their own)."""

from __future__ import annotations

from ...model import Requirement, Statement


def requirement(kind: str, st: Statement, text: str, **fields) -> Requirement:
    """A ``Requirement`` of type ``kind`` found in ``st`` (source line and id from the statement)."""
    return Requirement(type=kind, text=text.strip(), line=st.line, statement_id=st.id, **fields)


def full_text(st: Statement) -> str:
    """The statement with its bold label, as a reader sees it ("Location: San Francisco")."""
    return f"{st.label}: {st.text}" if st.label else st.text


def may_contain(lower: str, words: tuple[str, ...]) -> bool:
    """False only when lower-cased ``lower`` surely holds none of ``words`` (lower-case ASCII), so a
    case-insensitive pattern that needs one of them cannot match: a test at C speed before the
    pattern. Non-ASCII text is always True (``re.I`` also matches "ſ" for "s", "ı"/"İ" for "i",
    "K" for "k")."""
    if not lower.isascii():
        return True
    for word in words:
        if word in lower:
            return True
    return False
