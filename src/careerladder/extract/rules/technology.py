"""technology: named languages, frameworks, data stores, clouds, AI and business tools.

The vocabulary is ``careerladder/data/technologies.txt`` (one technology a line, with its
aliases). ``value`` is the canonical name ("Go" for "Golang"), ``text`` the words as written.
Names that are also English words or people's names ("Rust", "Spring", "Jenkins") match only
as written; the most ambiguous ("Go", "R", "C", "Ruby", "Excel", "Word", "Notion") only in a
list of technologies or after "in"/"with"/"using". A name right after "at"/"from"/"joined" or
before "'s" names a company ("worked at Oracle", "Oracle's customers"), not a technology.
"""

from __future__ import annotations

import re
from importlib import resources

from ...model import Requirement, Statement
from ._util import requirement

#: Words as technologies write them: "node.js", "c#", "c++", ".net", "objective-c", "k8s".
_WORD = re.compile(r"[A-Za-z0-9.#+][A-Za-z0-9.#+-]*")
#: Before an ambiguous name: a list separator or "in/with/using/and/or/like/including/of".
_LIST_BEFORE = re.compile(r"(?:[,(/:;•*]|\b(?:in|with|using|and|or|like|including|of|e\.g\.|such\s+as))\s*$", re.I)
#: After an ambiguous name: a list separator, "and/or" and a capital, or the end.
_LIST_AFTER = re.compile(r"^(?:\s*[,)/;]|\s+(?:and|or|&)\s+[A-Z.]|\s*$|\.\s|\s*\()")
#: A company, not a technology: "at Oracle", "from Oracle", "joined Oracle", "Oracle's".
_COMPANY_BEFORE = re.compile(r"\b(?:at|from|joined|formerly|ex)\s*$", re.I)
_COMPANY_AFTER = re.compile(r"^['’]s\b")


def _words(text: str) -> list[str]:
    return [w.rstrip(".-") if w[0] != "." else w.rstrip("-") for w in _WORD.findall(text)]


def _load() -> tuple[dict, dict, dict, dict]:
    """(single, multi, exact, listed) lookups from the vocabulary file: lower-case one-word aliases,
    several-word aliases by first word, names matched as written, names matched as written in lists."""
    single: dict[str, str] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    exact: dict[str, str] = {}
    listed: dict[str, str] = {}
    text = resources.files("careerladder").joinpath("data/technologies.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        items = [i.strip() for i in line.split("|") if i.strip()]
        name = items[0].lstrip("=~")
        for item in items:
            flag, alias = (item[0], item[1:]) if item[0] in "=~" else ("", item)
            if flag == "=":
                exact[alias] = name
            elif flag == "~":
                listed[alias] = name
            else:
                words = tuple(w.lower() for w in _words(alias))
                if len(words) == 1:
                    single[words[0]] = name
                elif words:
                    multi.setdefault(words[0], []).append((words, name))
    for options in multi.values():
        options.sort(key=lambda o: -len(o[0]))  # "google cloud platform" before "google cloud"
    return single, multi, exact, listed


_SINGLE, _MULTI, _EXACT, _LISTED = _load()
#: Every canonical name (for ``extract.organization``: a technology is not an employer's name).
TECHNOLOGIES: dict[str, tuple[str, ...]] = {}
for _alias, _name in [*_SINGLE.items(), *_EXACT.items(), *_LISTED.items()]:
    TECHNOLOGIES.setdefault(_name, ())
    TECHNOLOGIES[_name] += (_alias.lower(),)
_STARTS = frozenset(_SINGLE) | frozenset(_MULTI)
_AS_WRITTEN = frozenset(_EXACT) | frozenset(_LISTED)


def find(st: Statement, ctx) -> list[Requirement]:
    """One technology requirement per distinct technology named in ``st`` (first mention wins)."""
    if ctx.section_kind in ("benefits", "legal", "application"):
        return []
    text = st.text
    spans = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    words = [w.rstrip(".-") if w[0] != "." else w.rstrip("-") for _, _, w in spans]
    if not words:
        return []
    lower = "\n".join(words).lower().split("\n")
    found: dict[str, Requirement] = {}
    starts, written = _STARTS.intersection(lower), _AS_WRITTEN.intersection(words)
    if not starts and not written:  # most statements name none
        return []

    def company(i: int, n: int) -> bool:
        return bool(_COMPANY_BEFORE.search(text[max(0, spans[i][0] - 12):spans[i][0]]) or
                    _COMPANY_AFTER.match(text[spans[i + n - 1][0] + len(words[i + n - 1]):]))

    following = 0  # words before this one belong to a several-word name already taken
    for i in [i for i, w in enumerate(lower) if w in starts or words[i] in written]:
        if i < following:
            continue
        step, name = 1, None
        for phrase, candidate in _MULTI.get(lower[i], ()):
            if tuple(lower[i:i + len(phrase)]) == phrase:
                name, step = candidate, len(phrase)
                break
        else:
            if lower[i] in _SINGLE:
                name = _SINGLE[lower[i]]
            elif words[i] in _EXACT:
                name = _EXACT[words[i]]
                if words[i] == "Apache" and i + 1 < len(words) and words[i + 1][:1].isupper() \
                        and text[spans[i][1]:spans[i + 1][0]] == " ":
                    name, step = f"Apache {words[i + 1]}", 2  # a project of the foundation: "Apache Arrow"
            elif words[i] in _LISTED:
                start = spans[i][0]
                after = text[start + len(words[i]):]
                if _LIST_BEFORE.search(text[max(0, start - 20):start]) and _LIST_AFTER.match(after):
                    name = _LISTED[words[i]]
        following = i + step
        if name and name not in found and not company(i, step):
            found[name] = requirement("technology", st, " ".join(words[i:i + step]), value=name)
    return list(found.values())
