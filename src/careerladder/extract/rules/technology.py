"""technology: named languages, frameworks, data stores, clouds, AI and business tools.

The vocabulary is ``careerladder/data/technologies.txt`` (one technology a line, with its
aliases). ``value`` is the canonical name ("Go" for "Golang"), ``text`` the words as written.
Names that are also English words or people's names ("Rust", "Spring", "Jenkins") match only
as written; the most ambiguous ("Go", "R", "C", "Ruby", "Excel", "Word", "Notion") only in a
list of technologies or after "in"/"with"/"using" (a list: separators, Chinese or Japanese text
around the name, or an unambiguous technology right beside it across "/", ",", "and": "C/C++",
"Ruby/Rails"). A name right after "at"/"from"/"joined" or before "'s" names a company ("worked at
Oracle", "Oracle's customers"), not a technology. A service named with its cloud ("AWS Bedrock",
"Azure Key Vault", "Google Cloud Storage") names the cloud too; "GraphQL-based" is GraphQL.
"""

from __future__ import annotations

import re
from importlib import resources

from ...model import Requirement, Statement
from ._util import requirement

#: Words as technologies write them: "node.js", "c#", "c++", ".net", "objective-c", "k8s".
_WORD = re.compile(r"[A-Za-z0-9.#+][A-Za-z0-9.#+-]*")
#: Chinese, Japanese and Korean characters: a Latin name written inside such text is a term.
_CJK = "\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef"
#: Before an ambiguous name: a list separator, a dash, CJK text or "in/with/using/and/or/like/including/of".
_LIST_BEFORE = re.compile(rf"(?:[,(/:;•*{_CJK}]|\s[-–—]|\b(?:in|with|using|and|or|und|oder|like|including|of|"
                          r"e\.g\.|such\s+as))\s*$", re.I)
#: After an ambiguous name: a list separator, "and/or" and a capital, CJK text, or the end.
_LIST_AFTER = re.compile(rf"^(?:\s*[,)/;{_CJK}]|\s+(?:and|or|&)\s+[A-Z.]|\s*$|\.\s|\.$|\s*\()")
#: Between two names of one list: "C/C++", "Ruby, PHP", "Kotlin and Coroutines".
_BESIDE = re.compile(rf"^\s*(?:[,/;&+、，]|and|or)?\s*$")
#: A word that ends in one of these is the technology before it: "GraphQL-based", "AWS-native".
_SUFFIX = re.compile(r"-(?:based|powered|native|driven|backed|enabled)$")
#: Between the words of a several-word name: spaces or a hyphen, never a list separator.
_SPACE = re.compile(r"[\s-]*")
#: Clouds whose name before a service also names the cloud ("AWS Bedrock" gives AWS too).
_CLOUDS = ("AWS", "Azure", "GCP")
#: A company, not a technology: "at Oracle", "from Oracle", "joined Oracle", "Oracle's".
_COMPANY_BEFORE = re.compile(r"\b(?:at|from|joined|formerly|ex)\s*$", re.I)
_COMPANY_AFTER = re.compile(r"^['’]s\b")
#: Earlier in the sentence: the names that follow are companies ("customers like Figma, Anthropic").
_COMPANY_LIST = re.compile(r"\b(?:compan(?:y|ies)|customers?|clients?|brands?|partners?|organi[sz]ations|"
                           r"enterprises|vendors)\s*,?\s+(?:like|such\s+as|including|include)\b|\btrusted\s+by\b", re.I)
#: Just before the name: a company's founder or officer, or a link to a profile ("links to GitHub").
_COMPANY_NEAR = re.compile(r"(?:\b(?:co-?)?founders?\b|\b(?:CTO|CEO)\b|\blinks?\s+to\b)[^,.;()]{0,12}$", re.I)
#: "SQL/NoSQL", "SQL or NoSQL databases": a kind of data store, not the language.
_SQL_KIND = re.compile(r"^\s*(?:/|,|\bor\b|\band\b|&)\s*no-?sql\b", re.I)


def _word(w: str) -> str:
    w = _SUFFIX.sub("", w)
    return w.rstrip(".-") if w[0] != "." else w.rstrip("-")


def _words(text: str) -> list[str]:
    return [_word(w) for w in _WORD.findall(text)]


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
            if flag == "=" and " " in alias:  # several words as written: "REST Assured"
                words = tuple(_words(alias))
                multi.setdefault(words[0].lower(), []).append((words, name))
            elif flag == "=":
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
#: Several-word names matched as written ("REST Assured", not "rest assured").
_EXACT_PHRASES = frozenset(p for options in _MULTI.values() for p, _ in options if p != tuple(w.lower() for w in p))
#: (words, cloud) of every way of writing a cloud: ("aws",) and ("google", "cloud") among them.
_CLOUD_PREFIXES = [((a,), n) for a, n in _SINGLE.items() if n in _CLOUDS] + \
    [(p, n) for options in _MULTI.values() for p, n in options if n in _CLOUDS]
_AS_WRITTEN = frozenset(_EXACT) | frozenset(_LISTED)


def find(st: Statement, ctx) -> list[Requirement]:
    """One technology requirement per distinct technology named in ``st`` (first mention wins)."""
    if ctx.section_kind in ("benefits", "legal", "application"):
        return []
    text = st.text
    spans = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    words = [_word(w) for _, _, w in spans]
    if not words:
        return []
    lower = "\n".join(words).lower().split("\n")
    found: dict[str, Requirement] = {}
    starts, written = _STARTS.intersection(lower), _AS_WRITTEN.intersection(words)
    if not starts and not written:  # most statements name none
        return []

    def company(i: int, n: int) -> bool:
        if words[i] == "SQL" and _SQL_KIND.match(text[spans[i][0] + 3:]):
            return True  # not a company either, but no technology: the same answer
        return bool(_COMPANY_BEFORE.search(text[max(0, spans[i][0] - 12):spans[i][0]]) or
                    _COMPANY_LIST.search(re.split(r"[.;!?]\s", text[:spans[i][0]])[-1]) or
                    _COMPANY_NEAR.search(text[max(0, spans[i][0] - 40):spans[i][0]]) or
                    _COMPANY_AFTER.match(text[spans[i + n - 1][0] + len(words[i + n - 1]):]))

    listed = _listed(text, spans, words, lower)
    following = 0  # words before this one belong to a several-word name already taken
    for i in [i for i, w in enumerate(lower) if w in starts or words[i] in written]:
        if i < following:
            continue
        step, name = 1, None
        for phrase, candidate in _MULTI.get(lower[i], ()):
            if tuple((words if phrase in _EXACT_PHRASES else lower)[i:i + len(phrase)]) == phrase and all(
                    _SPACE.fullmatch(text[spans[k][0] + len(words[k]):spans[k + 1][0]])
                    for k in range(i, i + len(phrase) - 1)):  # "Kotlin, Coroutines" is two names
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
            elif i in listed:
                name = _LISTED[words[i]]
        following = i + step
        if name and name not in found and not company(i, step):
            found[name] = requirement("technology", st, " ".join(words[i:i + step]), value=name)
            cloud = next((c for p, c in _CLOUD_PREFIXES if step > len(p) and tuple(lower[i:i + len(p)]) == p), None)
            if cloud and cloud not in found:  # "AWS Bedrock": the service and its cloud
                found[cloud] = requirement("technology", st, words[i], value=cloud)
    return list(found.values())


def _listed(text: str, spans: list, words: list[str], lower: list[str]) -> set[int]:
    """Indexes of the ambiguous names ("Go", "Ruby", "C") that stand in a list of technologies: after a
    list cue and before a separator, or right beside a technology across "/", ",", "and" ("C/C++",
    "GO, Ruby, PHP": one accepted name vouches for the next)."""
    candidates = [i for i, w in enumerate(words) if w in _LISTED]
    if not candidates:
        return set()
    accepted = set()
    for i in candidates:
        start = spans[i][0]
        if _spelled_out(text[:start], words[i]):
            continue  # "identity and access management (IAM)": the abbreviation of a practice
        if _LIST_BEFORE.search(text[max(0, start - 20):start]) and _LIST_AFTER.match(text[start + len(words[i]):]) \
                or text.strip(" .;,:-•*") == words[i]:  # or the statement is the name alone (a list item "Go")
            accepted.add(i)

    def known(j: int) -> bool:
        return 0 <= j < len(words) and (lower[j] in _SINGLE or words[j] in _EXACT or j in accepted)

    def beside(a: int, b: int) -> bool:  # words a < b with only a list separator between them
        return bool(_BESIDE.match(text[spans[a][0] + len(words[a]):spans[b][0]]))

    changed = True
    while changed:
        changed = False
        for i in candidates:
            if i not in accepted and ((known(i - 1) and beside(i - 1, i)) or (known(i + 1) and beside(i, i + 1))):
                accepted.add(i)
                changed = True
    return accepted


def _spelled_out(before: str, name: str) -> bool:
    """True when ``name`` stands in brackets right after lower-case words whose initials spell it:
    "identity and access management (IAM)" defines an abbreviation, it lists no technology."""
    if not before.endswith("(") or not name.isupper():
        return False
    initials = "".join(w[0] for w in re.findall(r"[a-z]+", before[-80:]) if w not in ("and", "of", "the", "&"))
    return initials.upper().endswith(name)
