"""Shared pieces of the requirement grammar: numbers, ranges, sentences, titles, slugs.

Every regular expression used to understand text lives here or in
``careerladder.extract.rules``; nothing else in the package matches text with
regexes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "a few": 3, "several": 3, "multiple": 2,
}
#: Words that count something but give no number a reader can rely on.
VAGUE_NUMBERS = frozenset({"a few", "several", "multiple", "a couple", "a couple of", "couple of"})

_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
#: One number: digits (``1,000``, ``2.5``) or a number word.
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_WORDS})"
#: A number or range, with ``+``/``plus``/``or more`` for open ranges:
#: groups ``lo``, ``hi``, ``plus``. Never starts inside a number ("1,000" is not also "000"):
#: a start at every digit of a long digit run made unanchored patterns quadratic.
RANGE = (
    rf"(?<!\d)(?<!\d[,.])(?P<lo>{NUM})(?:\s*\(\s*\d+\s*\))?"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<hi>{NUM}))?"
    rf"(?P<plus>\s*\+|\s*plus\b|\s+or\s+more\b)?"
)
_AT_LEAST = r"(?P<least>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|no\s+less\s+than)"
#: RANGE optionally preceded by "at least", "a minimum of", "over"...
BOUNDED = rf"(?:{_AT_LEAST}\s+)?{RANGE}"

#: Number words holding no other number word ("fourteen" holds "four"): text with none of these
#: and no digit holds no ``NUM``.
_NUMBER_WORD_CORES = tuple(w for w in NUMBER_WORDS if not any(o != w and o in w for o in NUMBER_WORDS))
_ASCII_DIGIT = re.compile(r"[0-9]")


def may_hold_number(lower: str) -> bool:
    """False only when lower-cased ``lower`` surely holds no ``NUM``, so no ``RANGE``/``BOUNDED`` match:
    ASCII text without a digit or a number word. A test at C speed before the costly patterns
    (they try a number at every character). Non-ASCII text is always True: ``re.I`` also matches
    "ſ" for "s", "ı"/"İ" for "i" and ``\\d`` other scripts' digits."""
    if not lower.isascii():
        return True
    if _ASCII_DIGIT.search(lower):
        return True
    for word in _NUMBER_WORD_CORES:
        if word in lower:
            return True
    return False


def number(text: str | None) -> float | None:
    """``"4"`` -> 4.0, ``"four"`` -> 4.0, ``"1,000"`` -> 1000.0; None when not a number."""
    if text is None:
        return None
    t = text.strip().lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def bounds(match: re.Match[str]) -> tuple[float | None, float | None, bool]:
    """(min, max, vague) of a ``BOUNDED``/``RANGE`` match; max None when open-ended.

    "4+" -> (4, None); "20-30" -> (20, 30); "four" -> (4, 4); "at least 5" -> (5, None);
    "several" -> (3, None, vague=True).
    """
    lo_text = match.group("lo")
    lo = number(lo_text)
    hi = number(match.group("hi"))
    vague = lo_text is not None and lo_text.strip().lower() in VAGUE_NUMBERS
    open_ended = bool(match.group("plus")) or bool(match.groupdict().get("least")) or vague
    if hi is not None and lo is not None and hi < lo:
        lo, hi = hi, lo
    if hi is None and not open_ended:
        hi = lo
    return lo, hi, vague


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "inc.", "ltd.", "co.", "sr.", "jr.", "dr.", "mr.",
                  "ms.", "mrs.", "no.", "approx.", "u.s.", "st.", "corp.", "dept.", "e.t.c.")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(‘]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[str, int]]:
    """Sentences of ``text`` with their character offset: [(sentence, offset), ...].

    Splits after ``.``/``!``/``?`` followed by a capital or digit, never after a
    known abbreviation ("e.g.", "Sr.") and never inside "Vio.com". A sentence may
    run over several source lines (its line breaks become spaces); the offset
    lets a caller map it back to the line where it starts.
    """
    out: list[tuple[str, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip("\"”’)")
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if last in _ABBREVIATIONS or (len(last) == 2 and last[0].isalpha() and last[1] == "."):
            continue
        piece = " ".join(text[start:m.start()].split())
        if piece:
            out.append((piece, start + len(text[start:m.start()]) - len(text[start:m.start()].lstrip())))
        start = m.end()
    piece = " ".join(text[start:].split())
    if piece:
        out.append((piece, start + len(text[start:]) - len(text[start:].lstrip())))
    return out


def slugify(text: str) -> str:
    """GitHub/Hugo heading anchor: ``"Director, Development"`` -> ``"director-development"``."""
    folded = unicodedata.normalize("NFKD", text)
    kept = "".join(ch.lower() if ch.isalnum() else (" " if ch in " -_" else "") for ch in folded
                   if not unicodedata.combining(ch))
    return "-".join(kept.split())


_TITLE_PREFIX = re.compile(r"^\s*(?:level|grade|band|step|tier)\s*[\w.]+\s*[:\-–—.]\s*", re.I)
_TITLE_CODE_PREFIX = re.compile(r"^\s*(?:[A-Z]{1,4}\d{1,2}(?:\.\d)?)\s*[-–—:_ ]\s*(?=[A-Za-z])")
#: No openers inside and whitespace taken from the start of its run: linear on "((((" and on spaces.
_TITLE_PAREN = re.compile(r"(?<!\s)\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_CODE_WORDS = frozenset({"manager", "level", "ic", "vp", "vps", "executive", "executives", "path",
                         "track", "grade", "band", "people", "individual", "contributor", "m", "e"})
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")  # no openers inside: linear on "[[[["


def clean_title(heading: str) -> tuple[str, str | None]:
    """A role title without level codes and decorations, and the code it carried.

    ``"Level 3: Engineering Manager"`` -> ("Engineering Manager", "Level 3");
    ``"Engineering Manager (Manager 5)"`` -> ("Engineering Manager", "Manager 5");
    ``"EM5 - Engineering Manager 5"`` -> ("Engineering Manager 5", "EM5").
    """
    title = _MARKDOWN_LINK.sub(r"\1", heading).strip().strip("*_#`").strip()
    code = None
    m = _TITLE_PREFIX.match(title)
    if m:
        code = m.group(0).strip(" :-–—.")
        title = title[m.end():]
    else:
        m = _TITLE_CODE_PREFIX.match(title)
        if m and len(title) - m.end() > 3:
            code = m.group(0).strip(" :-–—_")
            title = title[m.end():]
    m = _TITLE_PAREN.search(title)
    if m and m.start() > 3:
        inner = m.group(1).strip()
        codeish = any(ch.isdigit() for ch in inner) or any(
            w in _CODE_WORDS for w in inner.lower().replace("/", " ").split())
        if inner and len(inner.split()) <= 6 and codeish:
            code = code or inner
            title = title[: m.start()]
    return " ".join(title.split()).strip(" -–—:|") or heading.strip(), code


_TOKEN = re.compile(r"[a-z0-9][a-z0-9&:+'’-]*[a-z0-9+]|[a-z0-9]")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens (keeps "on-call", "1:1s", "c++", "p&l"); apostrophes and trailing "'s" dropped.

    Cached: classification and leveling tokenize the same statements.
    """
    toks = _TOKEN.findall(text.lower())
    if "'" not in text and "’" not in text:
        return tuple(toks)
    out = []
    for tok in toks:
        tok = tok.replace("’", "'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok.replace("'", ""))
    return tuple(out)
