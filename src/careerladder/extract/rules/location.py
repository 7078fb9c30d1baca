"""location: where the role is or where the hire must be.

"Location: Leeds, UK", "📍 London", a place field of a "Company | Role | Berlin | REMOTE" first
line or of the title ("Product Manager (Remote from Denmark)"), and places named after a cue
addressed to the hire: "based in", "located in", "Remote, US", "remote within Germany",
"hybrid in Berlin", "anywhere in the U.S.", "US time zones", "relocate to Dubai", "must
live in". Places are the gazetteer ``careerladder/data/places.txt`` (countries, regions, US
states, large cities); a run of places ("Berlin, Cologne or Munich") is one value. The company's
own places ("headquartered in Boston", "offices in ...", "customers in 40 countries") are not
the role's, and neither is a place in an about, legal or application section unless the sentence
speaks of where the hire works (remote, hybrid, on site, the role, the candidate).

``value``: the place or run of places as written; a label line's whole value ("Location: San
Francisco, CA or Remote", "Location: Smalltown, OH").
"""

from __future__ import annotations

import re
from importlib import resources

from ...model import Requirement, Statement
from ._util import full_text, requirement


def _load_places() -> re.Pattern[str]:
    names: set[str] = set()
    text = resources.files("careerladder").joinpath("data/places.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            names.update(i.strip().lstrip("~") for i in line.split("|") if i.strip())
    ascii_names = sorted((n for n in names if n.isascii()), key=len, reverse=True)
    other = sorted((n for n in names if not n.isascii()), key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in ascii_names)
    cjk = "|".join(re.escape(n) for n in other)
    return re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])|{cjk}")


#: One known place, as written ("Berlin", "U.S.", "Asia-Pacific", "北京").
PLACE = _load_places()
#: What may stand between two places of one run: separators, "or"/"and", "Remote", brackets.
_JOINER = re.compile(r"^[\s,/|;&()\-–—·•+]*(?:(?:or|and|in|remote|Remote|REMOTE|hybrid|Hybrid|on-?site|the)"
                     r"[\s,/|;&()\-–—·•+]*)*$")
#: A label line: "Location: ...", "Job location - ...", "地点：...".
_LABEL = re.compile(r"^\s*(?:(?:job|work|office|position|available|primary)\s+)?locations?\s*[:\-–]\s*(?P<place>[^.;|]{2,160})|"
                    r"(?<=[a-z.])(?:Job\s+|Work\s+)?Locations?:\s*(?P<glued>[^.;|]{2,120})|"
                    r"^\s*(?:(?:工作|办公)?地点|base)\s*[:：]?\s*(?P<cjk>[\u4e00-\u9fff].{0,80})", re.I)
_PIN = re.compile(r"(?:📍|🌎|🌍|🌏)\s*(?P<place>[^`|\n]{2,80})")
#: A cue right before a place that makes it where the hire works.
_CUE_BEFORE = re.compile(
    r"(?:\bbased\s+(?:in|out\s+of)|\blocated\s+in|\blocations?\b\W*|\boffice\s+in|\b(?:in|from|at)\s+our|"
    r"\bremote(?:ly)?(?:\s+(?:from|in|within|across|anywhere\s+in|only\s+in|\(|-|–|,)|\s*[(,:\-–])|"
    r"\bhybrid(?:\s+(?:in|from|\(|-|,)|\s*[(,:\-–])|\bon-?site(?:\s+(?:in|at)|\s*[(,:\-–])|\bin[- ]office\s+(?:in|at)|"
    r"\brelocat\w*\s+to|\banywhere\s+in|\bwithin|\bwork(?:ing)?\s+(?:from|in|out\s+of)|"
    r"\b(?:live|living|reside|residing|resident|located|situated)\s+(?:in|of|within)|\bcandidates\s+(?:in|from|based)|"
    r"\b(?:eligible|authori[sz]ed|permitted|able)\s+to\s+work\s+in|\b(?:position|role|job)\s+is\s+(?:in|based|located)|"
    r"\bmust\s+be\s+(?:in|based|located)|\btime\s*zones?\s+(?:of|in)|\bhours\s+(?:of|in)|\bcommute\s+to|"
    r"\bjoin\s+(?:us|our\s+(?:\w+\s+){0,2}team)\s+in|\bin\s+the\s+office\s+in|\boffices?\s+in|"
    r"📍|🌎|🌍|🌏)\W*(?:the\s+)?$", re.I)
#: A cue right after a place: "US-based", "EU time zones", "London office", "(remote)".
_CUE_AFTER = re.compile(r"^\W{0,3}(?:-?based\b|(?:time\s*zones?|timezones?|hours|business\s+hours)\b|"
                        r"(?:\()?(?:remote|hybrid|on-?site)\b|office\b|only\b)", re.I)
#: The company's own places: never the role's.
_COMPANY_BEFORE = re.compile(r"(?:\b(?:headquartered|headquarters|hq|founded|customers|clients|users|operations|"
                             r"presence|countries|born|started)|\b(?:have|has|with|from)\s+(?:\w+\s+)?offices)\s+"
                             r"(?:\w+\s+){0,2}(?:in|across|throughout)\W*(?:the\s+)?$|"
                             r"\btravel\w*\s+(?:\S+\s+){0,3}(?:within|to|in|across|throughout)\W*(?:the\s+)?$", re.I)
#: Words of a sentence that speaks of where the hire works (for places in about/legal/application sections).
#: Only a way of working, no place: "remote", "Work From Home", "远程".
_NO_PLACE = re.compile(r"(?i)[\s,()/、-]*(?:remote|anywhere|work\s+from\s+home|wfh|hybrid|n/?a|远程)"
                       r"(?:[\s,()/、-]+(?:remote|anywhere|work\s+from\s+home|wfh|hybrid|n/?a|远程))*[\s,()/、-]*")
#: "in" right before a place: in a sentence that already placed the role, another place it names.
_IN = re.compile(r"\bin\s+(?:the\s+)?$")
_HIRE = re.compile(r"\b(?:remote|hybrid|on-?site|in[- ]office|this\s+role|the\s+role|position|candidates?|you)\b",
                   re.I)


def _runs(text: str) -> list[tuple[int, int]]:
    """Spans of runs of places in ``text`` ("Berlin, Cologne or Munich" is one run)."""
    runs: list[list[int]] = []
    for m in PLACE.finditer(text):
        if runs and _JOINER.match(text[runs[-1][1]:m.start()]) and m.start() - runs[-1][1] <= 16:
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
    return [(a, b) for a, b in runs]


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


def only_work_mode(text: str) -> bool:
    """True when ``text`` names a way of working and no place ("remote,Work From Home")."""
    return bool(_NO_PLACE.fullmatch(text))


def find(st: Statement, ctx) -> list[Requirement]:
    """One location requirement per run of places said to be the role's in ``st``."""
    text = full_text(st)
    label = _LABEL.search(text) if "locat" in ctx.lower or "地点" in text or "base" in ctx.lower else None
    if label:
        value = label.group("place") or label.group("glued") or label.group("cjk")
        runs = _runs(value)
        if runs and not label.group("place"):  # run into what follows: the places only
            return [requirement("location", st, label.group(0), value=value[runs[0][0]:runs[-1][1]])]
        value = value.strip(" ,-–:*")
        if value and label.group("place") and not only_work_mode(value):
            return [requirement("location", st, label.group(0), value=value)]
        return []
    runs = _runs(text)
    if not runs:
        return []
    chosen: set[tuple[int, int]] = set()
    pin = _PIN.search(text)
    if pin:
        chosen.update((pin.start("place") + a, pin.start("place") + b) for a, b in _runs(pin.group("place")))
    if ctx.section_kind == "title" or text.count(" | ") >= 2:
        chosen.update(_field_runs(text))
    if ctx.section_kind in ("about", "legal", "application", "benefits") and not _HIRE.search(text):
        return [requirement("location", st, text[a:b], value=text[a:b]) for a, b in sorted(chosen)]
    skipped = []
    for a, b in runs:
        before = text[max(0, a - 60):a]
        if _COMPANY_BEFORE.search(before):
            continue
        if _CUE_BEFORE.search(before) or _CUE_AFTER.match(text[b:b + 20]):
            chosen.add((a, b))
        else:
            skipped.append((a, b))
    if chosen:  # "... remotely (within Germany) or at one of our offices in Cologne, or in our space in Berlin"
        chosen.update((a, b) for a, b in skipped if _IN.search(text[max(0, a - 10):a]))
    return [requirement("location", st, text[a:b], value=text[a:b]) for a, b in sorted(chosen)]
