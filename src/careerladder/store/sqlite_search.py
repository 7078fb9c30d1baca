"""SQLite full-text search helpers: safe FTS5 queries, the filter words each statement carries in the
index, the window of recent matches a search ranks (``search_window``), and snippets (used by
``store.sqlite``)."""

from __future__ import annotations

import math
import sqlite3
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


def search_window(conn: sqlite3.Connection, match: str, wanted: set[str], organization: str | None,
                  min_kept: int | None = None) -> list[tuple[int, float]]:
    """(rowid, bm25) of the most recent matches passing the filters, at most ``thresholds.SEARCH_WINDOW``
    (and ``min_kept``'s default).

    A filter that most recent statements pass is checked on ``thresholds.SEARCH_OVERFETCH`` windows
    read without it; a selective one ("CTO levels"), or one that kept fewer than ``min_kept``, joins
    the MATCH as index words, which is fast exactly when it is selective."""
    window_size = T.SEARCH_WINDOW
    min_kept = window_size if min_kept is None else min_kept
    if organization:
        return conn.execute(
            "SELECT statements_fts.rowid, bm25(statements_fts) FROM statements_fts "
            "JOIN statements s ON s.rowid = statements_fts.rowid JOIN roles r ON r.id = s.role_id "
            "WHERE statements_fts MATCH ? AND r.organization = ? ORDER BY statements_fts.rowid DESC LIMIT ?",
            (_tagged(match, wanted), organization, window_size)).fetchall()
    size = window_size
    if wanted:
        most = window_size * T.SEARCH_OVERFETCH
        share = _share(conn, wanted, most)
        if share * most < T.SEARCH_INDEX_FILTER_FACTOR * min_kept:  # too few would pass: let the index pick
            return _tagged_window(conn, match, wanted, min_kept)
        size = min(most, math.ceil(window_size / share * T.SEARCH_WINDOW_MARGIN))  # about a window kept
    window = conn.execute("SELECT rowid, bm25(statements_fts) FROM statements_fts WHERE statements_fts "
                          "MATCH ? ORDER BY rowid DESC LIMIT ?", (match, size)).fetchall()
    if not wanted:
        return window
    tags: dict[int, str] = {}
    step = T.SQLITE_IN_CHUNK
    for i in range(0, len(window), step):
        chunk = [rowid for rowid, _ in window[i:i + step]]
        tags.update(conn.execute(
            f"SELECT rowid, tags FROM statements WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
    kept = [row for row in window if wanted <= set(tags.get(row[0], "").split())]
    if len(kept) >= min_kept or len(window) < size:  # enough to rank, or every match was looked at
        return kept[:window_size]
    return _tagged_window(conn, match, wanted, min_kept)


def _tagged_window(conn: sqlite3.Connection, match: str, wanted: set[str], min_kept: int) -> list[tuple[int, float]]:
    return conn.execute("SELECT rowid, bm25(statements_fts) FROM statements_fts WHERE statements_fts "
                        "MATCH ? ORDER BY rowid DESC LIMIT ?",
                        (_tagged(match, wanted), min(min_kept, T.SEARCH_WINDOW))).fetchall()


def _share(conn: sqlite3.Connection, wanted: set[str], sample: int) -> float:
    """Share in [0, 1] of the ``sample`` most recently stored statements carrying every tag of
    ``wanted``: the planner's guess of how many over-read matches a filter keeps (~1 ms)."""
    rows = conn.execute("SELECT tags FROM statements ORDER BY rowid DESC LIMIT ?", (sample,)).fetchall()
    return sum(wanted <= set((tags or "").split()) for tags, in rows) / len(rows) if rows else 0.0


def _tagged(match: str, wanted: set[str]) -> str:
    return f"({match}) AND " + " AND ".join(f"tags : {t}" for t in sorted(wanted)) if wanted else match
