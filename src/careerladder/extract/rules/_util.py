"""Helpers shared by the rules (no matching logic of their own)."""

from __future__ import annotations

from ...model import Requirement, Statement


def requirement(kind: str, st: Statement, text: str, **fields) -> Requirement:
    """A ``Requirement`` of type ``kind`` found in ``st`` (source line and id from the statement)."""
    return Requirement(type=kind, text=text.strip(), line=st.line, statement_id=st.id, **fields)


def full_text(st: Statement) -> str:
    """The statement with its bold label, as a reader sees it ("Location: San Francisco")."""
    return f"{st.label}: {st.text}" if st.label else st.text
