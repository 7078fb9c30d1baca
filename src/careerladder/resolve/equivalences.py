"""A management level and an individual-contributor level of one company that stand at the same level
(``model.Equivalence``).

From what the ladder says, strongest first: the pairs a ladder kept as data declares (basis
``stated``, between any two of its tracks), a sentence of one level naming a level of the other kind
of track with an equivalence word ("Staff Engineer is the individual equivalent of a Senior Engineering
Manager"), a table row that pairs the two by title or code, or the same number in both tracks' level
codes (IC5 and M5, D5 and EM5) when the management codes start above 1 (numbers shared as bands: a
ladder whose managers start at M3 numbers both tracks on one scale). Only where the company says none
of these, the
reference mapping of ``vocab.IC_EQUIVALENT`` pairs its individual-contributor and management levels
by their titles' ranks, and every such pair is labelled ``reference``.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..extract.levels import ic_rank, level_code
from ..extract.titles import title_level
from ..model import Document, Equivalence, Role, role_statements
from ..vocab import IC_EQUIVALENT, is_management_track
from .declared import declared_equivalents
from .references import title_tokens

_EQUIVALENT = re.compile(r"\b(?:equivalent|equivalence|equal to|on par with|same level as|parallel to|"
                         r"corresponds? to|maps? to)\b", re.I)


def _named(text: str, others: Sequence[Role]) -> list[Role]:
    """The levels of ``others`` a text names, by title (all its words) or by code."""
    words = title_tokens(text)
    found = []
    for r in others:
        tokens = title_tokens(r.title)
        code = (r.level_code or "").lower()
        if (tokens and tokens <= words and len(tokens) >= 2) or (code and re.search(rf"\b{re.escape(code)}\b",
                                                                                      text.lower())):
            found.append(r)
    # the most specific title wins ("Senior Engineering Manager" over "Engineering Manager")
    return [r for r in found if not any(o is not r and title_tokens(r.title) < title_tokens(o.title)
                                        for o in found)]


def equivalences(levels: Sequence[Role], track_of: dict[str, str], pages: Sequence[Document] = ()
                 ) -> list[Equivalence]:
    """Equivalences among the levels of one company (see module docstring); each pair once.
    ``pages``: the company's pages without a role (a README with a table of equivalent levels)."""
    out: dict[frozenset, Equivalence] = {}
    managing = {r.id: bool(is_management_track(track_of[r.id])) for r in levels}

    def add(a: Role, b: Role, basis: str, line: int | None = None, source: str | None = None) -> None:
        if managing[a.id] != managing[b.id] and frozenset((a.id, b.id)) not in out:
            out[frozenset((a.id, b.id))] = Equivalence(a.id, b.id, basis, source, line)

    by_id = {r.id: r for r in levels}
    for r in levels:  # what a ladder kept as data states, between any two tracks
        for other, line in declared_equivalents(r):
            if other in by_id and track_of[other] != track_of[r.id] and frozenset((r.id, other)) not in out:
                out[frozenset((r.id, other))] = Equivalence(r.id, other, "stated", r.source, line)
    for r in levels:
        others = [o for o in levels if managing[o.id] != managing[r.id]]
        for _, st in role_statements(r):
            if st.kind == "row":
                named = _named(st.text, levels)
                if r in named:
                    named.remove(r)
                tracks = {track_of[n.id] for n in named}
                if len(named) == 2 and len(tracks) == 2:
                    add(named[0], named[1], "table", st.line, r.source)
            elif _EQUIVALENT.search(st.text):
                for o in _named(st.text, others):
                    add(r, o, "stated", st.line, r.source)
    for page in pages:
        for block in page.blocks:
            if block.kind == "row" and not block.level:  # a body row of a table: its cells name levels
                cells = [c for c in (_named(cell, levels) for cell in block.text.split(" | ")) if len(c) == 1]
                named = [c[0] for c in cells]
                if len(named) == 2:
                    add(named[0], named[1], "table", block.line, page.source)
    codes = {r.id: level_code(r.heading or r.title, r.source, r.metadata) for r in levels}
    managers = [r for r in levels if managing[r.id] and codes[r.id] and codes[r.id].scheme.isupper()]
    if managers and min(codes[r.id].number for r in managers) > 1:  # codes shared as bands
        for m in managers:
            for ic in levels:
                cm, ci = codes[m.id], codes[ic.id]
                if not managing[ic.id] and ci and ci.scheme.isupper() and ci.scheme != cm.scheme \
                        and ci.number == cm.number:
                    add(ic, m, "shared code")
    if out:
        return list(out.values())
    managers = {title_level(r.title): r for r in levels if title_level(r.title) in IC_EQUIVALENT.values()}
    for r in levels:
        rank = ic_rank(r.title)
        if rank in IC_EQUIVALENT and IC_EQUIVALENT[rank] in managers:
            add(r, managers[IC_EQUIVALENT[rank]], "reference")
    return list(out.values())


__all__ = ["equivalences"]
