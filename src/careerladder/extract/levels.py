"""What a title (and a level page's heading, file name and front matter) says about a level's place in a
career ladder: its level code, its track, its rank on the individual-contributor scale, its family,
and whether the page is a deprecated or draft variant.

Level codes are the ladder's own numbering: ``M4``, ``IC3``, ``EM5``, ``E1``, ``D2``, ``TL5``, ``L3``,
``Level 3``, ``Manager 5``, ``IC 5``, a trailing number or Roman numeral ("Engineering Manager 5",
"Engineer II"). A code has a *scheme* (its prefix, upper-cased; ``""`` for a bare number) and a
*number*; two codes compare only within one scheme.

>>> level_code("M4 Engineering Manager"), level_code("Team Lead / Senior Engineer (Manager 4 / IC 5)")
(LevelCode(text='M4', scheme='M', number=4.0), LevelCode(text='Manager 4', scheme='MANAGER', number=4.0))
>>> [title_track(t) for t in ("Senior Engineering Director", "Staff Data Engineer", "Technical Program Manager",
...                           "Head of Engineering", "Tech Lead 5")]
['management', 'individual_contributor', 'individual_contributor', 'management', 'individual_contributor']
>>> [ic_rank(t) for t in ("Associate Software Engineer", "Software Engineer", "Sr Software Engineer 2",
...                       "Staff Engineer", "Principal Engineer", "Distinguished Engineer", "Engineering Manager")]
['junior', 'mid', 'senior', 'staff', 'principal', 'distinguished', None]
>>> title_family("IC5 Staff Data Engineer"), title_family("Senior Engineer II")
('data engineer', 'engineer')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from .titles import normalize_title, title_level

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
#: A code: a known prefix and a number ("IC3", "M 4", "EM5", "Level 3", "Manager 5", "IC 3a", "G7").
_CODE = re.compile(
    r"\b(IC|EM|TPM|TL|SCS|M|E|D|L|P|S|G|Level|Manager|Grade|Band|Tier)[\s_-]?(\d{1,2})([a-z])?(?![\w.])", re.I)
#: A file name that starts with a code ("m3_engineering_manager.html", "level1.md", "IC2_Software_Engineer.md").
_FILE_CODE = re.compile(r"^(ic|em|tpm|tl|m|e|d|l|level)[\s_-]?(\d{1,2})(?:[_\-. ]|$)", re.I)
#: A trailing number or Roman numeral of a title ("Engineering Manager 5", "Engineer II", "Sr Software Engineer 2").
_TRAILING = re.compile(r"(?:\s|^)(\d{1,2}|i{1,3}|iv|v|vi{0,3})$", re.I)
#: Code schemes that name a track's levels (a company's own level names: IC3, M4, EM5, D2, TL4, TPM5, E1,
#: "Manager 5"); "Level 3", "L3" and bare numbers only number levels.
TRACK_SCHEMES = frozenset({"IC", "EM", "TPM", "TL", "M", "E", "D", "MANAGER"})
#: Front matter keys that hold a level code.
_CODE_KEYS = ("level", "code", "grade", "band", "level_code")
#: Management words of a title (the title places the level on the management track).
_MANAGEMENT = re.compile(r"\b(?:manager|director|head|vp|cto|chief|supervisor|executive|"
                         r"team\s+lead|tech(?:nical)?\s+lead\s+manager|tlm|(?:family|division|tribe|area|"
                         r"group|department)\s+lead)\b")
#: Manager titles of individual contributors (they manage programs or products, not people).
_NOT_MANAGING = re.compile(r"\b(?:program|programme|product|project|account|release|delivery|community|"
                           r"success|marketing|sales)\s+manager\b")
#: A page that supplements a level or a family rather than being one ("Data Engineer: Appendix").
_SUPPLEMENT = re.compile(r"(?:^|[\s:(\-])(appendix|addendum|supplement|faq)\)?$", re.I)
#: A page about levels rather than one level: a comparison ("Tech Lead vs Engineering Manager") or an
#: overview ("Engineering Executive Career Progression").
_NOT_A_LEVEL = re.compile(r"(?i)\s(?:vs\.?|versus)\s|\b(?:career (?:progression|path|framework|ladder)s?|"
                          r"progression framework|overview|introduction|onboarding)\b")
#: Individual-contributor rank words, lowest first, and the rank each names.
_IC_RANKS = (
    (re.compile(r"\b(?:intern|trainee|apprentice|graduate|junior|associate|entry)\b"), "junior"),
    (re.compile(r"\b(?:distinguished|fellow)\b"), "distinguished"),
    (re.compile(r"\bprincipal\b"), "principal"),
    (re.compile(r"\bstaff\b"), "staff"),
    (re.compile(r"\b(?:senior|lead|seasoned)\b"), "senior"),
)
#: Words that name a rank or a seniority, dropped to find a title's family.
_RANK_WORDS = re.compile(
    r"\b(?:intern|trainee|apprentice|graduate|junior|associate|entry|mid|middle|intermediate|senior|seasoned|"
    r"lead|staff|principal|distinguished|fellow|chief|head|level|i{1,3}|iv|v|vi{0,3}|\d+[a-z]?)\b")
#: A deprecated, legacy, archived or draft page, by its title or file name.
_STALE = re.compile(r"(?:^|[\s_\-(\[,])(deprecated|legacy|archived|obsolete|draft|wip)(?=$|[\s_\-)\].,])", re.I)


@dataclass(frozen=True, slots=True)
class LevelCode:
    """A level code as written (``text``), its ``scheme`` (prefix, upper case) and ``number``."""

    text: str
    scheme: str
    number: float


def _code(match: re.Match) -> LevelCode:
    prefix, number, sub = match.group(1), match.group(2), match.group(3)
    scheme = prefix.upper()
    value = float(number) + (ord(sub.lower()) - ord("a") + 1) / 10 if sub else float(number)
    return LevelCode(match.group(0).strip(), scheme, value)


def level_code(heading: str | None, source: str = "", metadata: Mapping[str, Any] | None = None) -> LevelCode | None:
    """The level code of a level page: front matter (``level``, ``code``, ``grade``...), then the heading,
    then the file name; a trailing number or Roman numeral of the heading last (scheme ``""``).
    None when nothing numbers the level."""
    for key in _CODE_KEYS:
        value = (metadata or {}).get(key)
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            text = str(value).strip()
            m = _CODE.search(text)
            if m:
                return _code(m)
            if text.isdigit():
                return LevelCode(text, "", float(text))
    if heading:
        m = _CODE.search(heading)
        if m:
            return _code(m)
    name = source.replace("\\", "/").rsplit("/", 1)[-1].split("#", 1)[0]
    m = _FILE_CODE.match(name)
    if m:
        return LevelCode(f"{m.group(1).upper()}{m.group(2)}", m.group(1).upper(), float(m.group(2)))
    if heading:
        text = heading.strip().rstrip(")").strip()
        m = _TRAILING.search(text)
        if m and text[: m.start()].strip():
            word = m.group(1).lower()  # the scheme is the title before the number: "Engineer II" < "Engineer III"
            scheme = " ".join(normalize_title(text[: m.start()]).split())
            return LevelCode(m.group(1), scheme, float(word) if word.isdigit() else float(_ROMAN[word]))
    return None


def title_track(title: str | None) -> str | None:
    """``management`` or ``individual_contributor`` from a title alone; None when it names neither."""
    if not title or not title.strip():
        return None
    level = title_level(title)
    if level in ("em", "senior_em", "director", "senior_director", "vp", "cto"):
        return "management"
    t = normalize_title(title)
    if _MANAGEMENT.search(t) and not _NOT_MANAGING.search(t):
        return "management"
    if level == "ic":
        return "individual_contributor"
    return "individual_contributor" if re.search(r"\b(?:engineer|developer|programmer|architect|scientist|"
                                                r"analyst|tester|designer|sre|specialist)s?\b", t) else None


def ic_rank(title: str | None) -> str | None:
    """The individual-contributor rank a title names (``vocab.IC_LEVELS``): ``mid`` for a plain engineer
    title; None for a management title or none."""
    if not title or title_track(title) != "individual_contributor":
        return None
    t = normalize_title(title)
    for pattern, rank in _IC_RANKS:
        if pattern.search(t):
            return rank
    return "mid"


def title_family(title: str | None) -> str:
    """What a title does, without rank, seniority, codes or numbers ("Staff Data Engineer" -> "data engineer")."""
    t = normalize_title(title or "")
    t = _CODE.sub(" ", t)
    t = _STALE.sub(" ", _SUPPLEMENT.sub(" ", t))
    t = re.sub(r"\([^)]*\)|[^a-z/& ]+", " ", _RANK_WORDS.sub(" ", t))
    return " ".join(w for w in t.split() if w not in ("of", "the", "and", "&", "/"))


def stale_marker(title: str | None, source: str = "", metadata: Mapping[str, Any] | None = None) -> str | None:
    """``deprecated`` or ``draft`` when a page says it is one (front matter ``deprecated``/``draft``/``status``,
    or the word in its title or file name), ``appendix`` for a page that supplements a level ("Data
    Engineer: Appendix"), ``overview`` for a page about levels rather than one ("Tech Lead vs Engineering
    Manager", "Engineering Executive Career Progression", "Engineering manager onboarding"); None
    otherwise."""
    meta = metadata or {}
    if meta.get("deprecated") is True or str(meta.get("status", "")).lower() in ("deprecated", "legacy", "archived"):
        return "deprecated"
    if meta.get("draft") is True or str(meta.get("status", "")).lower() in ("draft", "wip"):
        return "draft"
    name = source.replace("\\", "/").rsplit("/", 1)[-1].split("#", 1)[0]
    for text in (title or "", name.rsplit(".", 1)[0]):
        m = _STALE.search(text)
        if m:
            return "draft" if m.group(1).lower() in ("draft", "wip") else "deprecated"
    if _SUPPLEMENT.search((title or "").strip()):
        return "appendix"
    if _NOT_A_LEVEL.search(title or ""):
        return "overview"
    return None


#: A mermaid node: ``id``, then its label in (), [], {} or their doubles.
_NODE = re.compile(r"([A-Za-z_][\w-]*)\s*(?:\(\(([^)]*)\)\)|\(([^)]*)\)|\[\[?([^\]]*)\]?\]|\{([^}]*)\})?")
#: A mermaid edge arrow (with an optional |label|).
_ARROW = re.compile(r"\s*(?:-{2,}>|={2,}>|-\.->|--\s*[^-|>]*\s*-->)\s*(?:\|[^|]*\|\s*)?")
_CLICK = re.compile(r"^\s*click\s+([\w-]+)\s+(?:href\s+)?\"([^\"]+)\"")


def diagram_edges(text: str) -> tuple[list[tuple[str, str]], dict[str, tuple[str, str | None]]]:
    """The edges of a mermaid graph (``a --> b``, chains, ``%%`` comments skipped) and its nodes:
    node id -> (label, link target of a ``click`` line or None)."""
    edges: list[tuple[str, str]] = []
    labels: dict[str, str] = {}
    links: dict[str, str] = {}
    for line in text.splitlines():
        line = line.split("%%", 1)[0].strip()
        if not line or line.lower().startswith(("graph", "flowchart", "classdef", "class ", "style ", "subgraph",
                                                  "end")):
            continue
        click = _CLICK.match(line)
        if click:
            links[click.group(1)] = click.group(2)
            continue
        ids = []
        for part in _ARROW.split(line):
            m = _NODE.match(part.strip())
            if not m:
                ids = []
                break
            label = next((g for g in m.groups()[1:] if g), None)
            if label:
                labels[m.group(1)] = label.strip().strip('"')
            ids.append(m.group(1))
        edges += list(zip(ids, ids[1:]))
    nodes = {n: (labels.get(n, n), links.get(n)) for n in {x for e in edges for x in e} | set(labels)}
    return edges, nodes


__all__ = ["TRACK_SCHEMES", "LevelCode", "level_code", "title_track", "ic_rank", "title_family", "stale_marker", "diagram_edges"]
