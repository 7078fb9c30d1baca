"""The tracks of a company's ladder, and the pages that are variants of a level rather than levels.

A level's *kind* of track, from the strongest evidence first: its level code's scheme (``M4`` is a
manager's level, ``IC3`` an individual contributor's: ``extract`` sets ``Role.track`` from it), its
title ("Engineering Director" manages, "Staff Data Engineer" does not), then the folder it sits in
(``management/``, ``engineer-track/``). Within one kind a company may name several tracks: levels
whose codes use different schemes (``D1``.., ``TL4``.., ``TPM4``..; ``M1``.. and ``E1``..), or
individual-contributor levels of different families each with two levels or more ("Data Engineer"
IC1-IC5 beside "Reliability Engineer" IC1-IC7), are tracks of their own.

Two pages under one title are one level (a ``duplicate``) when one is a level's own page and the other
a section of a page of many (an index summing levels up), or when they say mostly the same
(``thresholds.VARIANT_DUPLICATE_OVERLAP``); otherwise (two sections of one page, two pages that differ)
they stay two levels, for lint to report as DUPLICATE_TITLE.

*Variants*: a deprecated or draft page of a level that exists, and pages that repeat a level of the
same track under the same name plus a specialisation ("Senior Engineering Manager, Development"
beside "Senior Engineering Manager") are kept with that level (``Role.variant``, ``variant_of``),
not counted as levels. The page a level has to itself wins over a section of a page holding many.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from .. import thresholds as T
from ..extract.levels import level_code, title_family, title_track
from ..model import role_statements
from .references import title_tokens

MANAGEMENT, IC = "management", "individual_contributor"
#: Folder-name words that name a track.
_FOLDER_TRACK = ((re.compile(r"manag|leader|executive|mgmt|\bem\b"), MANAGEMENT),
                 (re.compile(r"individual|contributor|\bic\b|engineer|developer|technical"), IC))
#: Names of tracks a code scheme stands for when a company uses several schemes on one kind of track.
_SCHEME_NAMES = {"M": "management", "EM": "management", "MANAGER": "management", "E": "executive",
                 "D": "developer", "TL": "tech lead", "TPM": "technical program manager",
                 "IC": "individual_contributor", "L": "individual_contributor"}
#: Words that name the field of a level, not its rank ("Director, Engineering" = "Director, Development").
_AREA = re.compile(r"(?i)\b(?:engineering|development|technology)\b")


def kind_of(role) -> str | None:
    """``management`` or ``individual_contributor`` for a ladder level (see module docstring)."""
    code = level_code(role.heading or role.title, role.source, role.metadata)
    if code and code.scheme in _SCHEME_NAMES and role.track in (MANAGEMENT, IC):
        return role.track  # extract set it from the code's scheme
    by_title = title_track(role.title)
    if by_title:
        return by_title
    folders = role.id.split("#", 1)[0].lower().split("/")[:-1]
    for pattern, kind in _FOLDER_TRACK:
        if any(pattern.search(f) for f in folders):
            return kind
    return role.track


def _scheme(role) -> str | None:
    """The prefix scheme of a level's code (``M``, ``IC``, ``TL``...); None for none or a title's own number."""
    code = level_code(role.heading or role.title, role.source, role.metadata)
    return code.scheme if code and code.scheme and code.scheme.isupper() else None


def _families(group: Sequence) -> dict[str, str]:
    """Role id -> family, a bare family ("engineer": "Staff Engineer") joined to the one family that
    ends with it ("software engineer"), so a ladder's generic titles stay on its track."""
    fam = {r.id: title_family(r.title) for r in group}
    sizes = Counter(fam.values())
    for name in list(sizes):
        longer = [n for n in sizes if n != name and n.endswith(" " + name)]
        if len(longer) == 1 and sizes[longer[0]] >= sizes[name]:
            fam = {rid: longer[0] if f == name else f for rid, f in fam.items()}
    return fam


def tracks(members: Sequence) -> dict[str, str]:
    """Role id -> track name for the levels of one company (variants included)."""
    kinds = {r.id: kind_of(r) or IC for r in members}
    out: dict[str, str] = {}
    for kind in (MANAGEMENT, IC):
        group = [r for r in members if kinds[r.id] == kind]
        schemes = Counter(s for s in map(_scheme, group) if s)
        split = [s for s, n in schemes.items() if n >= 2]
        if len(split) >= 2:  # several code schemes on one kind of track: a track each
            for r in group:
                s = _scheme(r)
                out[r.id] = _SCHEME_NAMES.get(s, s.lower()) if s in split else kind
            continue
        if kind == IC:
            family = _families(group)
            families = Counter(family.values())
            big = [f for f, n in families.items() if n >= 2 and f]
            if len(big) >= 2:  # several families of two levels or more: a track each, named by the family
                largest = max(big, key=lambda f: (families[f], f))
                for r in group:
                    out[r.id] = family[r.id] if family[r.id] in big else largest
                continue
        for r in group:
            out[r.id] = kind
    return out


def _base(role) -> frozenset[str]:
    """What a level's title says of its rank: its words without field words and without what a marker
    added ("Deprecated", "Appendix")."""
    title = re.sub(r"(?i)\b(?:deprecated|legacy|archived|draft|wip|appendix|addendum)\b", " ", role.title)
    head = re.split(r",\s+|\s+[-–—]\s+|\s*\(", title, maxsplit=1)[0]  # "Director, Platform Engineering"
    return title_tokens(_AREA.sub(" ", head)) or title_tokens(head) or title_tokens(title)


def variants(members: Sequence, track_of: dict[str, str], pages_per_source: Counter) -> dict[str, tuple[str, str]]:
    """Role id -> (variant kind, role id of the level it belongs to), for the variants of one company.

    Pages of one track whose titles name the same rank in the same words (field words aside) are one
    level; so is a page without a level code beside one with a code. Distinct codes keep levels apart.
    ``pages_per_source``: roles per source file (a level's own page beats a section of a page of many).
    """
    out: dict[str, tuple[str, str]] = {}
    groups: dict[tuple, list] = defaultdict(list)
    for r in members:
        groups[(track_of[r.id], _base(r))].append(r)
    order = {r.id: i for i, r in enumerate(members)}
    for group in groups.values():
        if len(group) < 2:
            continue
        codes = {r.id: level_code(r.heading or r.title, r.source, r.metadata) for r in group}
        coded = [r for r in group if codes[r.id]]
        live = [r for r in group if not r.variant]
        if len({codes[r.id].text.lower() for r in coded}) > 1:  # distinct codes: levels of their own
            homes = sorted(coded, key=lambda r: (codes[r.id].number, order[r.id]))
            for r in group:
                if not codes[r.id]:
                    out[r.id] = (r.variant or "duplicate", homes[0].id)
            continue
        primary = min(live or group, key=lambda r: (codes[r.id] is None, pages_per_source[r.source] > 1,
                                                    len(title_tokens(r.title)), order[r.id]))
        for r in group:
            if r is primary:
                continue
            same_title = r.title.strip().lower() == primary.title.strip().lower()
            if r.variant:
                out[r.id] = (r.variant, primary.id)
            elif not same_title:
                out[r.id] = ("specialisation", primary.id)
            elif r.source != primary.source and pages_per_source[r.source] + pages_per_source[primary.source] > 2:
                out[r.id] = ("duplicate", primary.id)  # a level's page and its summary on a page of many
            elif _overlap(r, primary) >= T.VARIANT_DUPLICATE_OVERLAP:  # the same page again
                out[r.id] = ("duplicate", primary.id)
            # else: two levels under one title, each its own (lint's DUPLICATE_TITLE tells the authors)
    return out


def _statements(role) -> set[str]:
    return {" ".join(st.text.lower().split()) for _, st in role_statements(role) if not st.reference}


def _overlap(a, b) -> float:
    """Share of statements two pages have in common (Jaccard, whitespace and case aside)."""
    x, y = _statements(a), _statements(b)
    return len(x & y) / len(x | y) if x | y else 1.0


def apply_variants(roles: dict, found: dict[str, tuple[str, str]]) -> None:
    """Set ``variant``/``variant_of`` on the roles ``found`` names (in place, in the ``roles`` table)."""
    for rid, (kind, of) in found.items():
        roles[rid] = replace(roles[rid], variant=kind, variant_of=of)


__all__ = ["IC", "MANAGEMENT", "apply_variants", "kind_of", "tracks", "variants"]
