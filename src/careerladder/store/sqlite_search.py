"""SQLite full-text search helpers: safe FTS5 queries, the filter words each statement carries in the
index, and snippets (used by ``store.sqlite``)."""

from __future__ import annotations

from typing import Any, Mapping

from .. import thresholds as T
from .base import MARK_END, MARK_START


def fts_query(text: str) -> str:
    """A safe FTS5 query for user text: every word quoted (AND), the last one as a prefix."""
    words = ["".join(ch for ch in w if ch.isalnum() or ch in "-_'") for w in text.split()]
    words = [w.replace('"', "") for w in words if w.strip("-_'")]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def filter_tag(value: str | None) -> str:
    """A filter value as one index word: letters and digits only (user input cannot reach MATCH syntax)."""
    return "".join(ch for ch in (value or "none") if ch.isalnum()) or "none"


def search_tags(role: Mapping[str, Any], competency: str | None) -> str:
    """The filter words a statement carries in the full-text index: ``zk<kind> zl<level> zc<competency>``
    (underscores dropped, ``none`` when unknown), so that filters are part of the MATCH (migration 3
    computes the same words in SQL for statements stored before)."""
    level = (role.get("leveling") or {}).get("level")
    return f"zk{filter_tag(role.get('kind'))} zl{filter_tag(level)} zc{filter_tag(competency)}"


def snippet(text: str, words: list[str]) -> str:
    """``text`` around its first word matching a query word, matches between ``MARK_START``/``MARK_END``,
    cut to ``thresholds.SEARCH_SNIPPET_CONTEXT`` words each side with "…". A text word matches when it
    starts with the query word, or shares its first ``thresholds.SEARCH_SNIPPET_STEM`` letters (FTS5
    matched it through its stemmer)."""
    stem = T.SEARCH_SNIPPET_STEM
    prefixes = tuple(w[:stem] if len(w) > stem else w for w in words if w)
    tokens = text.split()
    hits = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        bare = low if low.isalnum() else "".join(ch for ch in low if ch.isalnum() or ch == "-")
        if bare and bare.startswith(prefixes):
            hits.append(i)
            tokens[i] = MARK_START + tok + MARK_END
    first = hits[0] if hits else 0
    context = T.SEARCH_SNIPPET_CONTEXT
    lo, hi = max(0, first - context), min(len(tokens), first + context + 1)
    return ("…" if lo else "") + " ".join(tokens[lo:hi]) + ("…" if hi < len(tokens) else "")
