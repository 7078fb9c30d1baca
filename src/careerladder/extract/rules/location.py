"""location: where the role is or where the hire must be.

"Location: Leeds, UK", "📍 London", a place field of a "Company | Role | Berlin | REMOTE" first
line or of the title ("Product Manager (Remote from Denmark)"), and places named after a cue
addressed to the hire: "based in", "located in", "Remote, US", "remote within Germany",
"hybrid in Berlin", "anywhere in the U.S.", "US time zones", "relocate to Dubai", "must
live in", "hiring in", "commuting distance of". Places are ``extract.gazetteer`` (GeoNames'
countries, US states and cities of 15,000+ people, with our regions and aliases); a city whose
name is a common word or a technology ("Mobile", "Delta") counts only placed by a state or
country ("Mobile, AL"); a run of places ("Berlin, Cologne or Munich") is one value. A line
naming only places ("Remote - Philippines") counts even when it stands as a heading. The company's
own places ("headquartered in Boston", "offices in ...", "customers in 40 countries") are not
the role's, and neither is a place in an about, legal or application section unless the sentence
speaks of where the hire works (remote, hybrid, on site, the role, the candidate).

``value``: the place or run of places as written; a label line's whole value ("Location: San
Francisco, CA or Remote", "Location: Smalltown, OH").
"""

from __future__ import annotations

import re

from ... import thresholds
from ...model import Requirement, Statement
from .. import gazetteer
from ._util import full_text, requirement
from .technology import TECHNOLOGIES


#: Lower-case names of technologies: a one-word city of that name ("Phoenix", "Delta") is a place
#: only beside another place or after a cue of its own.
_TECH = frozenset(a for aliases in TECHNOLOGIES.values() for a in aliases) | frozenset(n.lower() for n in TECHNOLOGIES)


#: What may stand between two places of one run: separators, "or"/"and", "Remote", brackets.
_JOINER = re.compile(r"^[\s,/|;&()\-–—·•+]*(?:(?:or|and|in|remote|Remote|REMOTE|hybrid|Hybrid|on-?site|the)"
                     r"[\s,/|;&()\-–—·•+]*)*$")
#: Between two places, a way of working with its preposition starts another place ("remote in Colombia or
#: on-site in Medellín" is two).
_NEW_CLAUSE = re.compile(r"(?i)\b(?:remote(?:ly)?|hybrid|on-?site|in[- ]office)\s+(?:in|from|within|at)\b")
#: A label line: "Location: ...", "Job location - ...", "地点：...".
_LABEL = re.compile(r"^\s*(?:(?:job|work|office|position|available|primary)\s+)?locations?(?:\s*\(s\))?\s*(?:[:\-–]|\s+is\s)\s*(?P<place>[^.;|]{2,160})|"
                    r"(?<=[a-z.])(?:Job\s+|Work\s+)?Locations?:\s*(?P<glued>[^.;|]{2,120})|"
                    r"^\s*(?:(?:工作|办公)?地点|base)\s*[:：]?\s*(?P<cjk>[\u4e00-\u9fff].{0,80})", re.I)
#: A "Key: value" line whose key asks for a place ("Country: Estonia", "Where: Remote (US)"): its places.
_PLACE_KEY = re.compile(r"^\s*(?:country|countries|city|cities|region|where|office|based(?:\s+in)?|work\s+place|"
                        r"place\s+of\s+work)\s*[:\-–]\s*(?P<value>[^.;|]{2,160})", re.I)
_PIN = re.compile(r"(?:📍|🌎|🌍|🌏)\s*(?P<place>[^`|\n]{2,80})")
#: A cue right before a place that makes it where the hire works.
_CUE_BEFORE = re.compile(
    r"(?:\bbased\s+(?:in|out\s+of|at)|\blocated\s+in|\bhiring\s+(?:in|across)|\bhire\s+(?:\w+\s+)?(?:in|from)|\blocations?\b\W*|\boffice\s+in|\b(?:in|from|at)\s+our|"
    r"\bremote(?:ly)?(?:\s+(?:from|in|within|across|anywhere\s+in|only\s+in|\(|-|–|,)|\s*[(,:\-–])|"
    r"\bhybrid(?:\s+(?:in|from|\(|-|,)|\s*[(,:\-–])|\bon-?site(?:\s+(?:in|at)|\s*[(,:\-–])|\bin[- ](?:office|person)\s+(?:in|at)|"
    r"\b(?:days?|times?)\s+(?:a|per|each|every)\s+(?:week|month)\s+(?:in|at)|\bpart\s+of\s+our|"
    r"\btime\s*zones?\s*[(,:\-–]|"
    r"\brelocat\w*\s+(?:\w+\s+){0,2}to|\banywhere\s+in|"
    r"\b(?:remote|hybrid|on-?site|in[- ]office|office[- ]based)\s+(?:role|position|job|opportunity)\s+(?:in|at|from|within)|\bwithin|\bwork(?:ing)?\s+(?:from|in|out\s+of)|"
    r"\b(?:live|living|reside|residing|residents?|located|situated)\s+(?:in|of|within)|"
    r"\b(?:candidates|applicants)\s+(?:(?:who\s+are\s+)?(?:in|from|based|across))|"
    r"\bfor\s+(?:people|candidates|applicants|residents)\s+(?:(?:based\s+)?in|from)|"
    r"\b(?:eligible|authori[sz]ed|permitted|able)\s+to\s+work\s+in|\b(?:position|role|job)\s+is\s+(?:in|based|located)|"
    r"\b(?:must|should|need\s+to|will\s+need\s+to)\s+be\s+(?:in|based|located)|\btime\s*zones?\s+(?:of|in)|\bhours\s+(?:of|in)|"
    r"\bcommut\w*\s+(?:distance\s+)?(?:of|to|from)|"
    r"\bjoin\s+(?:us|our\s+(?:\w+\s+){0,2}team)\s+in|\bin\s+the\s+office\s+in|\boffices?\s+in|"
    r"📍|🌎|🌍|🌏)\W*(?:(?:the|our|one\s+of\s+our)\s+)?$", re.I)
#: A cue right after a place: "US-based", "EU time zones", "London office", "(remote)".
_CUE_AFTER = re.compile(r"^\W{0,3}(?:-?based\b|(?:or|and)\s+(?:fully\s+)?(?:remote|hybrid)\b|(?:(?:eastern|central|pacific|mountain|western|standard)\s+)?"
                        r"(?:time\s*zones?|timezones?|time\b|hours|business\s+hours)\b|"
                        r"(?:\()?(?:remote|hybrid|on-?site)\b|office\b|only\b)", re.I)
#: The company's own places: never the role's.
_COMPANY_BEFORE = re.compile(r"(?:\b(?:headquartered|headquarters|hq|founded|customers|clients|users|operations|"
                             r"presence|countries|born|started)|\b(?:have|has|with|from)\s+(?:\w+\s+)?offices)\s+"
                             r"(?:\w+\s+){0,2}(?:in|across|throughout)\W*(?:the\s+)?$|"
                             r"\btravel\w*\s+(?:\S+\s+){0,3}(?:within|to|in|across|throughout)\W*(?:the\s+)?$", re.I)
#: Words of a sentence that speaks of where the hire works (for places in about/legal/application sections).
#: Only a way of working, no place: "remote", "Work From Home", "Worldwide", "远程" / "遠程".
_NO_PLACE = re.compile(r"(?i)[\s,()/、-]*(?:remote|anywhere(?:\s+in\s+the\s+world)?|worldwide|work\s+from\s+home|wfh|"
                       r"hybrid|n/?a|远程|遠程)(?:[\s,()/、-]+(?:remote|anywhere(?:\s+in\s+the\s+world)?|worldwide|"
                       r"work\s+from\s+home|wfh|hybrid|n/?a|远程|遠程))*[\s,()/、-]*")
#: "in" right before a place: in a sentence that already placed the role, another place it names.
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
_HIRE = re.compile(r"\b(?:remote|hybrid|on-?site|in[- ]office|this\s+role|the\s+role|position|candidates?|you|hire\s+in)\b",
                   re.I)
#: A list of where the employer can hire ("we can hire in the following countries: A, B and C"): each
#: country or state of the run after it is one location of its own.
_HIRING_LIST = re.compile(r"(?i)\b(?:hire|hiring|employ|recruit)\w*\s+(?:\w+\s+){0,2}(?:in|from|across)\s+(?:the\s+)?"
                          r"following\s+(?:countries|locations|states|regions|places)\W*$")


def _standalone(hit: gazetteer.Hit, text: str) -> bool:
    """A place by itself: a region, country or state; a city of several words, or of one word that
    is neither a technology nor written in lower case elsewhere in ``text`` ("mobile", "reading")."""
    if hit.kind in gazetteer.STRONG:
        return True
    if hit.kind != "city":
        return False
    name = text[hit.start:hit.end]
    if " " in name or "-" in name or not name.isascii():
        return True
    low = name.lower()
    return low not in _TECH and not re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", text)


#: "City, Region": a comma (and spaces) between a town and the state or country that places it.
_COMMA = re.compile(r"^\s*,\s*$")


def _hits_of_run(run: list[gazetteer.Hit], text: str) -> list[gazetteer.Hit]:
    """The hits of one run that are places: standalone ones; a common word or ambiguous city only
    when a state, country or code follows it after a comma ("Mobile, AL", "Reading, UK"); a code
    only beside a place after a comma ("Houston, TX", "US, CA, San Mateo")."""
    kept = []
    for i, hit in enumerate(run):
        if hit.kind == "code":
            continue
        nxt = run[i + 1] if i + 1 < len(run) else None
        placed = nxt is not None and nxt.kind in ("code", "country", "state") and \
            bool(_COMMA.match(text[hit.end:nxt.start]))
        if _standalone(hit, text) or placed:
            kept.append(hit)
    if not kept:
        return []
    for i, hit in enumerate(run):
        if hit.kind == "code":
            before = text[run[i - 1].end:hit.start] if i else ""
            after = text[hit.end:run[i + 1].start] if i + 1 < len(run) else ""
            if "," in before or "," in after:
                kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _runs(text: str, major_only: bool = False) -> list[tuple[int, int]]:
    """Spans of runs of places in ``text`` ("Berlin, Cologne or Munich" is one run). With
    ``major_only``, only runs holding a region, country, state or a city of
    ``thresholds.PLACE_MAJOR_CITY_POPULATION`` people or more (a place named after a bare "in")."""
    runs: list[list[gazetteer.Hit]] = []
    for hit in gazetteer.find(text):
        gap = text[runs[-1][-1].end:hit.start] if runs else ""
        if runs and _JOINER.match(gap) and len(gap) <= 16 and not _NEW_CLAUSE.search(gap):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    out = []
    for run in runs:
        kept = _hits_of_run(run, text)
        if major_only:
            kept = kept if any(h.kind in gazetteer.STRONG or h.kind == "city" and _standalone(h, text) and
                               h.population >= thresholds.PLACE_MAJOR_CITY_POPULATION for h in kept) else []
        if kept:
            out.append((kept[0].start, kept[-1].end))
    return out


def _field_runs(text: str) -> list[tuple[int, int]]:
    """Runs that make up a whole field of a "Company | Role | Berlin | REMOTE" line or a title's
    trailing part ("Product Manager (Remote from Denmark)", "Head of Engineering - Berlin")."""
    out = []
    for a, b in _runs(text):
        if text[:a].rstrip().endswith("(") and text[b:].lstrip().startswith(")"):
            out.append((a, b))  # "Product Manager (EMEA)"
            continue
        before = text[:a].rstrip(" (")
        before = re.sub(r"(?i)(?:\bremote|\bhybrid|\bon-?site)(?:\s+(?:from|in|within))?\s*$", "", before).rstrip(" (,")
        after = text[b:].lstrip(" )")
        after = re.sub(r"(?i)^(?:\(?\s*(?:remote|hybrid|on-?site)\s*\)?)", "", after).lstrip(" )")
        if (not before or before.endswith(("|", "-", "–", "—", ",", "·", ":"))) and \
                (not after or after.startswith(("|", "-", "–", "—", ",", "·", ";", "/"))):
            out.append((a, b))
    return out


def place_runs(text: str) -> list[str]:
    """The runs of known places in ``text`` ("Remote, Helsinki, Finland" -> ["Helsinki, Finland"])."""
    return [text[a:b] for a, b in _runs(text)]


#: What is left of a line naming only places and ways of working ("Remote - Philippines", "Reading, UK (hybrid)").
_PLACE_LINE_REST = re.compile(r"(?i)[\W\d_]*(?:(?:remote|hybrid|on-?site|in[- ]office|only|or|and|from|in|within|"
                              r"anywhere|the|flexible|first|friendly|ok|possible|based|office|time|zones?|timezones?|hours|"
                              r"overlap|eastern|central|pacific|mountain|standard|greater|area|metro|region|in-person)[\W\d_]*)*")


def place_line(text: str) -> bool:
    """True when ``text`` (a short line, such as a heading) names places and ways of working only:
    "Remote - Philippines", "📍 Guadalajara, Mexico", "London, UK (Hybrid)"; not "Life in Berlin"."""
    runs = _runs(text)
    if not runs or len(text) > thresholds.PLACE_LINE_MAX_CHARS:
        return False
    rest = "".join(text[b:a] for (_, b), (a, _) in zip([(0, 0), *runs], [*runs, (len(text), len(text))]))
    return bool(_PLACE_LINE_REST.fullmatch(rest))


def only_work_mode(text: str) -> bool:
    """True when ``text`` names a way of working and no place ("remote,Work From Home")."""
    return bool(_NO_PLACE.fullmatch(text))


#: A remote scope that names no place to be in: "Worldwide", "Anywhere in the world", "遠程" (remote).
_NO_WHERE = re.compile(r"(?i)\W*(?:worldwide|world\s*wide|anywhere(?:\s+in\s+the\s+world)?|global(?:ly)?|遠程|远程)\W*")


def find(st: Statement, ctx) -> list[Requirement]:
    """One location requirement per run of places said to be the role's in ``st``; a scope that names no
    place ("Worldwide", "Anywhere in the world") is none."""
    return [r for r in _find(st, ctx) if not _NO_WHERE.fullmatch(r.value or "")]


def _find(st: Statement, ctx) -> list[Requirement]:
    text = full_text(st)
    label = _LABEL.search(text) if "locat" in ctx.lower or "地点" in text or "base" in ctx.lower else None
    if label:
        value = label.group("place") or label.group("glued") or label.group("cjk")
        runs = _runs(value)
        if runs and not label.group("place"):  # run into what follows: the places only
            return [requirement("location", st, label.group(0), value=value[runs[0][0]:runs[-1][1]])]
        value = value.strip(" ,-–:*")
        more = []  # "Location(s): Dublin, Ireland; Cork, Ireland": the places after each semicolon
        if label.group("place") and text[label.end():].startswith(";"):
            more = [requirement("location", st, part.strip(), value=part.strip())
                    for part in text[label.end():].split(";") if part.strip() and place_line(part.strip())]
        if value and label.group("place") and not only_work_mode(value):
            return [requirement("location", st, label.group(0), value=value), *more]
        return more
    runs = _runs(text)
    if not runs:
        return []
    key = _PLACE_KEY.match(text)
    if key:
        value = key.group("value")
        return [requirement("location", st, key.group(0), value=value[a:b]) for a, b in _runs(value)]
    chosen: set[tuple[int, int]] = set()
    pin = _PIN.search(text)
    if pin:
        chosen.update((pin.start("place") + a, pin.start("place") + b) for a, b in _runs(pin.group("place")))
    if ctx.section_kind == "title" or text.count(" | ") >= 2:
        chosen.update(_field_runs(text))
    if ctx.section_kind in ("about", "legal", "application", "benefits") and not _HIRE.search(text):
        return [requirement("location", st, text[a:b], value=text[a:b]) for a, b in sorted(chosen)]
    if place_line(text):  # a line naming only places and ways of working: "London or remote", "Remote (UK time)"
        chosen.update(runs)
    skipped = []
    for a, b in runs:
        before = text[max(0, a - 60):a]
        if _COMPANY_BEFORE.search(before):
            continue
        if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[b:b + 20]) or _HIRING_LIST.search(before):
            chosen.add((a, b))
        else:
            skipped.append((a, b))
    if chosen:  # "... remotely (within Germany) or at one of our offices in Cologne, or in our space in Berlin"
        major = set(_runs(text, major_only=True))
        chosen.update((a, b) for a, b in skipped if (a, b) in major and _IN.search(text[max(0, a - 10):a]))
    return [requirement("location", st, text[x:y], value=text[x:y])
            for a, b in sorted(chosen) for x, y in _split_list(text, a, b)]


def _split_list(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``(a, b)``, or, for a run of countries and states after a hiring list's cue ("able to hire in the
    following countries: Chile, Kenya and Spain"), the span of each place of the run."""
    if not _HIRING_LIST.search(text[max(0, a - 80):a]):
        return [(a, b)]
    hits = [h for h in gazetteer.find(text[a:b]) if h.kind != "code"]
    if len(hits) < 2 or any(h.kind not in gazetteer.STRONG for h in hits):
        return [(a, b)]
    return [(a + h.start, a + h.end) for h in hits]
