"""Hacker News "Who is hiring" posts: the header line and the comment HTML, shared by the
monthly JSON reader (``hn_json``) and the saved thread page reader (``hn_page``).

HN posts have no title field. The thread asks posters to lead with a header such as
``Company | Role | Location | REMOTE``; ``parse_header`` reads it syntactically:
split on ``|`` (else `` • ``, `` -- ``, `` – ``/`` — ``, `` - ``), then sort the fields:
``Label: value`` fields by label, urls, salaries (a currency sign or ``NNk``),
arrangement fields (only words like ONSITE, full-time, VISA, INTERNS), role fields
(a word of ``vocab.ROLE_NOUNS``, plurals too), and the rest. The company is the
first remaining field (or the first field, even role-like, when another field names
a role); the location is the next remaining field (or one matching a geocoded
location hint). REMOTE is any ``remote`` word not preceded by no/not/non.

**Several roles in one post** (``Codecademy | Product Marketing Manager / Director of
Paid Acquisition | New York``): the post stays ONE Document (one role for parse)
with ``metadata["roles"]`` listing each role named in the header (split at ``/``,
``,``, ``;``, ``&``, ``and`` — a piece naming no role noun is glued back to the one
before, so "Software Engineer, Full Stack" stays one role; pieces that only say
"Full Time" are dropped), and ``title`` is the role text as the poster wrote it
(joined with " | " when roles sit in several fields); with one role, that role. A header naming no role gives the header line itself as ``title``
(``metadata["title_from"]`` says which: ``role``, ``roles`` or ``header``).
"""

from __future__ import annotations

import html as _html
from dataclasses import dataclass, field
from typing import Any

from .. import thresholds as T
from ..model import Block
from ..vocab import ROLE_NOUNS
from .base import clean_text
from .html import html_blocks
from .records import html_blocks_at

#: Field separators, tried in order: the first one present splits the header.
SEPARATORS = ("|", " • ", " -- ", " – ", " — ", " - ", " / ")
ROLE_SPLITS = (" / ", "/", ", ", "; ", " & ", " and ")
#: ("DevOps", "QA" are left out: they name teams as often as roles.)
EXTRA_ROLE_NOUNS = frozenset({"dev", "devs", "sre", "swe", "sde", "hacker", "hackers", "ninja",
                              "cto", "vp", "ceo", "cfo", "pm", "manager", "managers", "technician"})
#: Role nouns that also start company names ("Lead Genius", "Partner Fund"): a first field holding
#: only these is still the company.
WEAK_ROLE_NOUNS = frozenset({"partner", "associate", "owner", "executive", "fellow", "principal", "head",
                             "lead", "chief", "leader", "officer", "intern", "coach", "vice", "president"})
#: Openings that make a first field a role even with a weak noun ("Head of Product").
STRONG_ROLE_STARTS = ("head of ", "chief ", "vp ", "vice president")
#: Compound words ending in a role noun ("WebDeveloper").
ROLE_SUFFIXES = ("developer", "engineer", "designer", "manager", "architect", "scientist", "programmer")
#: First words of a sentence, never of a company name.
SENTENCE_STARTS = frozenset({"we", "i", "our", "my", "hi", "hello", "hey", "here", "here s", "this", "looking",
                             "we re", "join", "are", "is", "if"})
ARRANGEMENT_CORE = frozenset({"remote", "onsite", "fulltime", "parttime", "contract", "contractor", "intern",
                              "interns", "internship", "internships", "visa", "visas", "h1b", "relocation",
                              "permanent", "freelance", "hybrid", "wfh", "full", "part", "site"})
ARRANGEMENT_WORDS = ARRANGEMENT_CORE | frozenset({
    "on", "time", "and", "or", "no", "not", "ok", "okay", "only", "possible", "available", "sponsorship",
    "sponsor", "transfer", "transfers", "partial", "welcome", "considered", "preferred", "option", "perm",
    "temp", "employee", "employment", "in", "office", "a", "with", "some", "flexible", "fully", "mostly",
    "h", "1b", "b", "also", "assistance", "provided", "offered", "to", "the", "for", "friendly", "required",
    "position", "positions", "role", "roles", "job", "jobs", "work", "from", "home", "plus", "salary",
    "equity", "benefits", "competitive", "great", "pay", "negotiable", "doe"})
NEGATIONS = frozenset({"no", "not", "non"})
CURRENCY = ("$", "€", "£", "¥", "₹")
LABELS = {"company": "company", "location": "location", "locations": "location", "position": "role",
          "positions": "role", "role": "role", "roles": "role", "title": "role", "job": "role",
          "salary": "salary", "compensation": "salary", "pay": "salary", "where": "location",
          "what": "role", "who": "company"}


@dataclass(slots=True)
class Header:
    """What a post's first line says: fields as written, and what each one was taken for."""

    text: str
    fields: list[str] = field(default_factory=list)
    company: str | None = None
    roles: list[str] = field(default_factory=list)
    role_text: str | None = None
    location: str | None = None
    remote: bool | None = None
    onsite: bool = False
    salary: str | None = None
    urls: list[str] = field(default_factory=list)

    def title(self) -> tuple[str, str]:
        """(title, where it came from: ``role``, ``roles`` or ``header``)."""
        if len(self.roles) == 1:
            return self.roles[0], "role"
        if self.role_text:
            return self.role_text, "roles"
        text = self.text
        if len(text) > T.HN_MAX_HEADER_TITLE_CHARS:
            text = text[:T.HN_MAX_HEADER_TITLE_CHARS - 1].rstrip() + "…"
        return text, "header"

    def metadata(self) -> dict[str, Any]:
        """Fields for ``Document.metadata`` (None and empty values are dropped by ``records.posting``)."""
        title, source = self.title()
        return {"header": self.text, "company": self.company, "roles": list(self.roles),
                "location": self.location, "remote": self.remote, "onsite": self.onsite or None,
                "salary": self.salary, "urls": list(self.urls), "title_from": source}


def strip_tags(fragment: str) -> str:
    """Text of an HTML fragment: tags removed (``<a>`` keeps its text), entities decoded, spaces collapsed."""
    out, i = [], 0
    while True:
        j = fragment.find("<", i)
        if j < 0:
            out.append(fragment[i:])
            break
        out.append(fragment[i:j])
        k = fragment.find(">", j)
        if k < 0:
            out.append(fragment[j:])
            break
        out.append(" " if fragment[j + 1:j + 3].lower() in ("br", "p>", "p ") else "")
        i = k + 1
    return clean_text(_html.unescape("".join(out)))


def header_html(comment_html: str) -> str:
    """The first line of a comment's HTML: up to the first ``<p>``, ``<br>`` or newline."""
    end = len(comment_html)
    low = comment_html[:T.HN_MAX_HEADER_CHARS * 4].lower()
    for mark in ("<p>", "<p ", "<br", "\n", "<pre"):
        k = low.find(mark)
        if 0 <= k < end and strip_tags(comment_html[:k]):
            end = k
    return comment_html[:end]


def _split_outside_brackets(text: str, seps: tuple[str, ...]) -> list[str]:
    """``text`` split at any of ``seps`` that is not inside () or []."""
    if not any(s in text for s in seps):
        return [text.strip()]
    if "(" not in text and "[" not in text:  # fast path: no brackets to respect
        for sep in sorted(seps, key=len, reverse=True):
            text = text.replace(sep, "\x00")
        return [p.strip() for p in text.split("\x00")]
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            sep = next((s for s in seps if text.startswith(s, i)), None)
            if sep:
                parts.append(text[start:i])
                i += len(sep)
                start = i
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


_PUNCTUATION = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u2013\u2014\u2022\u00a0"})


def words_of(text: str) -> list[str]:
    """Lower-cased words of ``text`` with ASCII punctuation and dashes as spaces (fast, for headers)."""
    return text.lower().translate(_PUNCTUATION).split()


def _outside_brackets(text: str) -> str:
    """``text`` without its ``(...)`` and ``[...]`` parts."""
    if "(" not in text and "[" not in text:
        return text
    out, depth = [], 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def names_role(text: str, strong: bool = False) -> bool:
    """True when ``text`` (outside brackets) holds a role noun ("engineer", "Developers", "CTO");
    ``strong``: ignore nouns that also begin company names (``WEAK_ROLE_NOUNS``)."""
    return _has_role_word(words_of(_outside_brackets(text)), strong)


def _has_role_word(words: list[str], strong: bool = False) -> bool:
    for word in words:
        stem = word[:-1] if word.endswith("s") else word
        if strong and (word in WEAK_ROLE_NOUNS or stem in WEAK_ROLE_NOUNS):
            continue
        if word in ROLE_NOUNS or word in EXTRA_ROLE_NOUNS or stem in ROLE_NOUNS or word.endswith(ROLE_SUFFIXES):
            return True
    return False


def split_roles(text: str) -> list[str]:
    """The roles in one role field; pieces naming no role are glued to the one before."""
    pieces = _split_outside_brackets(text, ROLE_SPLITS)
    seps_kept = []
    rest = text
    for piece in pieces:  # recover each separator as written, to glue pieces back faithfully
        k = rest.find(piece)
        seps_kept.append(rest[:k])
        rest = rest[k + len(piece):]
    roles: list[str] = []
    for piece, sep in zip(pieces, seps_kept):
        if not piece or _is_arrangement(words_of(piece)):  # "Front-end developer, Full Time"
            continue
        if roles and not names_role(piece):
            roles[-1] = roles[-1] + sep + piece
        elif roles and not names_role(roles[-1]):
            roles[-1] = roles[-1] + sep + piece
        else:
            roles.append(piece)
    return [" ".join(r.split()) for r in roles]


def _is_arrangement(words: list[str]) -> bool:
    """True when ``words`` only say how the job is held ("ONSITE, Full Time", "VISA")."""
    return bool(words) and all(w in ARRANGEMENT_WORDS for w in words) and any(w in ARRANGEMENT_CORE for w in words)


def _kind(field_text: str, hint: set[str], first: bool = False) -> str:
    """What a header field is: url, salary, arrangement, location, prose, role, or other.

    ``first``: the header's first field, taken as the location only when it is nothing but the hint.
    """
    low = field_text.lower()
    words = words_of(field_text)
    if low.startswith(("http://", "https://", "www.")) and " " not in field_text:
        return "url"
    outside = words if "(" not in field_text and "[" not in field_text else words_of(_outside_brackets(field_text))
    if len(outside) > T.HN_MAX_FIELD_WORDS:
        many = names_role(field_text) and split_roles(field_text)
        if many and len(many) > 1 and all(len(r.split()) <= T.HN_MAX_FIELD_WORDS for r in many):
            return "role"
        return "prose"
    if any(c in field_text for c in CURRENCY) and any(c.isdigit() for c in field_text) \
            or any(w[:-1].isdigit() and w.endswith("k") for w in words):
        return "salary"
    if _is_arrangement(words):
        return "arrangement"
    if hint and hint <= set(words) and len(set(words) - hint) <= (1 if first else T.HN_MAX_HINT_EXTRA_WORDS):
        return "location"
    if _has_role_word(outside):
        return "role"
    return "other"


def _clean_company(text: str) -> str | None:
    """Company as written, without bracketed urls; None when it reads as a sentence."""
    out = text
    for opener, closer in (("(", ")"), ("[", "]")):
        start = out.find(opener)
        while start >= 0:
            end = out.find(closer, start)
            if end < 0:
                break
            inner = out[start + 1:end].lower()
            if "http" in inner or "www." in inner or ".com" in inner:
                out = out[:start] + out[end + 1:]
                start = out.find(opener)
            else:
                start = out.find(opener, end)
    out = " ".join(w for w in out.split() if not w.lower().lstrip("([").startswith(("http://", "https://", "www.")))
    out = out.strip(" :;,-")
    words = words_of(out)
    if not words or len(words_of(_outside_brackets(out))) > T.HN_MAX_COMPANY_WORDS or out.endswith(("!", "?", ":")) \
            or words[0] in SENTENCE_STARTS or " ".join(words[:2]) in SENTENCE_STARTS:
        return None
    return out


def parse_header(text: str, location_hint: str | None = None) -> Header:
    """Company, roles, location, REMOTE and salary from a post's first line (see module docstring).

    ``location_hint``: a location known from elsewhere (the geocoded ``location``
    of the HN JSON record); a field holding all its words is taken as the location.
    """
    text = " ".join(text.split())[:T.HN_MAX_HEADER_CHARS].strip()
    head = Header(text)
    if not text:
        return head
    sep = next((s for s in SEPARATORS if s in text), None)
    fields = [f for f in (_split_outside_brackets(text, (sep,)) if sep else [text]) if f.strip(" -|")]
    head.fields = fields
    hint = set(words_of(location_hint)) if location_hint else set()
    kinds = []
    for f in fields:
        label, colon, value = f.partition(":")
        short = colon and value.strip() and len(label.split()) <= T.HN_MAX_LABEL_WORDS
        slot = LABELS.get(" ".join(words_of(label))) if short else None
        kinds.append(("label:" + slot, value.strip()) if slot else (_kind(f, hint, not kinds), f))
    role_fields = [v for k, v in kinds if k in ("role", "label:role")]
    others = [i for i, (k, _) in enumerate(kinds) if k == "other"]
    company_at = None
    for i, (k, v) in enumerate(kinds):
        if k == "label:company":
            company_at = i
    if company_at is None and kinds:
        first_kind = kinds[0][0]
        weak_role = first_kind == "role" and not names_role(kinds[0][1], strong=True) \
            and not " ".join(words_of(kinds[0][1])).startswith(STRONG_ROLE_STARTS)
        if first_kind == "other" or (first_kind == "role" and (len(role_fields) > 1 or weak_role)):
            company_at = 0
        elif others:
            company_at = others[0]
    if company_at is not None and (len(fields) > 1 or kinds[company_at][0] == "label:company"):
        head.company = _clean_company(kinds[company_at][1])
    elif company_at is not None and len(words_of(_outside_brackets(text))) <= T.HN_MAX_SINGLE_FIELD_COMPANY_WORDS:
        head.company = _clean_company(text)
    if company_at == 0 and kinds[0][0] == "role":
        role_fields = role_fields[1:]
    for i, (k, v) in enumerate(kinds):
        if k in ("location", "label:location") and head.location is None:
            head.location = v
        elif k in ("salary", "label:salary") and head.salary is None:
            head.salary = v
        elif k == "url":
            head.urls.append(v)
    if head.location is None:
        rest = [i for i in others if i != company_at]
        near = [i for i in rest if hint & set(words_of(kinds[i][1]))]
        if (near or rest) and len(fields) > 1:
            head.location = kinds[(near or rest)[0]][1]
    for value in role_fields:
        head.roles.extend(split_roles(value))
    if role_fields:
        head.role_text = " | ".join(role_fields)
    words = words_of(text)
    for i, w in enumerate(words):
        if w == "remote":
            negated = i > 0 and words[i - 1] in NEGATIONS
            head.remote = False if negated else True
            if not negated:
                break
        if w == "onsite" or (w == "on" and i + 1 < len(words) and words[i + 1] == "site"):
            head.onsite = True
    return head


def prepare_comment_html(comment_html: str) -> str:
    """Comment HTML with ``<pre>`` blocks (HN's only list markup) turned into one line per row.

    The HTML reader skips ``<pre>``; in HN posts it holds bullet lists, so each of
    its lines becomes a ``<br>``-separated line inside a ``<div>``.
    """
    low = comment_html.lower()
    if "<pre" not in low:
        return comment_html
    out, i = [], 0
    while True:
        j = low.find("<pre", i)
        if j < 0:
            out.append(comment_html[i:])
            break
        k = low.find("</pre>", j)
        end = len(comment_html) if k < 0 else k + len("</pre>")
        inner = comment_html[j:k if k >= 0 else len(comment_html)]
        inner = inner[inner.find(">") + 1:] if ">" in inner else ""
        inner = inner.replace("<code>", "").replace("</code>", "")
        out.append(comment_html[i:j])
        out.append("<div>" + "<br>\n".join(inner.split("\n")) + "</div>")  # newlines kept for line numbers
        i = end
    return "".join(out)


def comment_blocks(comment_html: str, first_line: int, locate: bool = True) -> list[Block]:
    """Blocks of one comment's HTML whose first line is ``first_line`` of the file.

    ``locate=False``: the HTML sits in one JSON string, so every block gets ``first_line``
    (and no time is spent mapping text back to lines).
    """
    html = prepare_comment_html(comment_html)
    if not locate:
        return html_blocks_at(html, first_line)
    blocks, _ = html_blocks(html, first_line)
    return blocks
