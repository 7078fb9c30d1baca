"""organization, when no front matter or posting header names it.

Job postings (``explicit``): only a name the text gives explicitly, else None. Ladder levels
(``infer``): the proper name a ladder uses for its own company ("Mariana Tek’s members",
"Represent Vio.com on events").

Candidates are capitalized phrases not at the start of a sentence and not made
only of words role documents capitalize anyway (titles, departments, headings).
A name must come with a possessive or in two statements. Score (``thresholds.ORGANIZATION_*``):
one per mention, two more for a possessive, one more after "at/of/in/for/join", one more for a
multi-word or dotted name; ``thresholds.ORGANIZATION_MIN_SCORE`` is needed. Quoted phrases, link
texts, acronyms and degree names are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from .. import thresholds
from . import gazetteer
from .grammar import ORG_AT, ORG_DOMAIN, ORG_IS
from .rules.technology import TECHNOLOGIES

_TECH = frozenset(n.lower() for n in TECHNOLOGIES) | frozenset(a for al in TECHNOLOGIES.values() for a in al)

_NAME = r"[A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*"
_CANDIDATE = re.compile(rf"(?<![\w.“\"'‘])({_NAME}(?:\s+{_NAME}){{0,2}})(?P<poss>[’']s\b|(?<=s)[’'](?=\s))?")
_BEFORE = re.compile(r"\b(?:at|of|in|for|join|joining)\s+$", re.I)

#: Lower-cased words role documents capitalize that are not names.
COMMON = frozenset("""
a about above accountabilities across agile all also an and any api apis are as at be being board build
business but by can ceo cfo chief chro ciso clear company competencies coo cpo cro cto customer customers
data de department design designers developer developers development devops director directors do
each effective eng engineer engineers engineering epd epic epics every executive executives expected
experience for from general goals great guide head heads help hr human i ic ics if in individual
infrastructure is it its job key kpi kpis lead leader leaders leadership leads level levels make manage
management manager managers marketing me mission more must my new no not objectives of okr okrs on
one operations or other our people pm pms po principal process product products program project qa
quality r&d rd recruiting recruiters research resources responsibilities results role roles sales
scrum senior should slas slos software sr staff strategy success support team teams tech engineers juniors junior seniors service objective objectives level
levels diversity inclusion equity belonging wellbeing benefits computer science full stack front back end technical
technology that the their them then there these they this to tpm ui us ux vp vps we what when where
which who will with work you your january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday english
european europe american america us usa uk eu emea apac global first results mentor mentors
coach coaching hiring hire operational excellence plan planning execution delivery architecture
security reliability platform platforms ownership impact scope communication collaboration
culture values vision roadmap roadmaps priorities director's manager's ensure partner partners
participate drive own build support define develop implement create maintain collaborate
lead provide work represent challenge plan execute continuously actively through successful
excellent solid deep strong experience experienced track record understanding ability knowledge
""".split())


def _sentences_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"[.!?:]\s+", text):
        starts.add(m.end())
    return starts


def infer(texts: Iterable[tuple[str, Iterable[str]]], exclude: Iterable[str] = ()) -> str | None:
    """The organization named in ``texts`` ((statement text, its link texts) pairs), or None
    when no name stands out. Link texts are skipped: they name other pages, not the employer."""
    excluded = {w.lower() for phrase in exclude for w in phrase.replace(",", " ").split()}
    scores: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    possessive: set[str] = set()
    after_preposition: set[str] = set()
    statements: dict[str, set[int]] = {}
    for index, (text, links) in enumerate(texts):
        starts = _sentences_starts(text)
        link_spans = [(i, i + len(t)) for t in links if (i := text.find(t)) >= 0]
        for m in _CANDIDATE.finditer(text):
            if any(a <= m.start() < b for a, b in link_spans):
                continue
            words = m.group(1).split()
            poss = bool(m.group("poss"))
            at_start = m.start() in starts or text[max(0, m.start() - 1):m.start()] in ('"', "“", "‘", "'", "(")
            if at_start:  # a capital at a sentence start is no evidence of a name
                if len(words) == 1 and not poss:
                    continue
                if len(words) > 1:
                    words = words[1:]
            while words and (words[0].lower() in COMMON or words[0].lower() in excluded):  # "Represent Vio.com"
                words = words[1:]
            while words and (words[-1].lower() in COMMON or words[-1].lower() in excluded):  # "Mobile Full Stack"
                words = words[:-1]
                poss = False
            name = " ".join(words)
            if not name or _not_a_name(name):
                continue
            mentions[name] += 1
            statements.setdefault(name, set()).add(index)
            scores[name] += thresholds.ORGANIZATION_MENTION_SCORE
            if poss:
                scores[name] += thresholds.ORGANIZATION_POSSESSIVE_SCORE
                possessive.add(name)
            if _BEFORE.search(text[max(0, m.start() - thresholds.ORGANIZATION_PREPOSITION_CHARS):m.start()]):
                scores[name] += thresholds.ORGANIZATION_PREPOSITION_SCORE
                after_preposition.add(name)
    for name in list(scores):  # "Dropbox Diversity Commitments" counts for "Dropbox" when that stands alone too
        first = name.split()[0]
        if " " in name and first in scores:
            scores[first] += scores.pop(name)
            statements[first] |= statements.pop(name)
            if name in possessive:
                possessive.add(first)
    for name in list(scores):
        if name in possessive:
            continue
        single = " " not in name and "." not in name
        if single and name not in after_preposition:  # "Observability" in a list of topics
            del scores[name]
        elif not single and name not in after_preposition \
                and len(statements.get(name, ())) < thresholds.ORGANIZATION_MIN_STATEMENTS:
            del scores[name]
    for name in scores:
        if " " in name or "." in name:
            scores[name] += thresholds.ORGANIZATION_MULTIWORD_SCORE  # "Mariana Tek", "Vio.com": rarely a common word
    best = None
    for name, score in scores.most_common():
        if score >= thresholds.ORGANIZATION_MIN_SCORE:
            best = name
            break
    return best


_NOT_NAMES = frozenset({"bachelor", "bachelors", "master", "masters", "phd", "mba", "bsc", "msc", "i", "ok"})


def _not_a_name(name: str) -> bool:
    """Acronyms (EM, CvD, SLOs, M3s), words with digits, degrees, technologies: not organizations."""
    if any(ch.isdigit() for ch in name) or name.lower() in _NOT_NAMES or name.lower() in _TECH:
        return True
    if all(len(w) <= thresholds.ORGANIZATION_ACRONYM_WORD_CHARS for w in name.split()):
        return True
    if " " not in name and len(name) <= thresholds.ORGANIZATION_ACRONYM_MAX_CHARS \
            and sum(ch.isupper() for ch in name) >= 2:
        return True
    return False


# ---------------------------------------------------------------- job postings: explicit cues only

#: Words that never start (or make up) an employer's name in a cue ("The team is a ...", "About the role").
_NOT_EMPLOYER = COMMON | frozenset("""
the this that these those our we you your it its he she they there here each every who what why how ideal
candidate candidates position positions job jobs us me role team teams company companies group office location
locations remote hybrid onsite salary benefits perks equal privacy notice venture capital applicants applicant
all both any some many most no none one two three four five please note apply join about overview summary
california texas london new york york berlin germany europe india remote-first startup startups client clients
agency employer employers organization organisation department division unit mission vision values culture
""".split())
#: Domains of mail services, job boards and applicant-tracking systems: never the employer.
_NOT_EMPLOYER_DOMAINS = frozenset("""
gmail googlemail yahoo hotmail outlook live protonmail proton icloud me aol gmx mail zoho fastmail hey
linkedin indeed lever greenhouse workable ashbyhq ashby smartrecruiters bamboohr recruitee teamtailor jobvite
myworkdayjobs workday breezy applytojob tally google forms typeform ycombinator wellfound angel glassdoor
monster stackoverflow github gitlab notion calendly bit ly youtube twitter x facebook instagram medium
remoteok weworkremotely builtin otta welcometothejungle dice ziprecruiter icims taleo successfactors
oraclecloud personio rippling gem paylocity adp ultipro dover pinpointhq comeet homerun recruiterbox
jazzhr jazz workatastartup hnhiring news airtable docs drive dropbox wikipedia example
""".split())
#: Words of boards' and agencies' names: a posting they publish for an unnamed client has no employer.
_BOARD_WORDS = ("job", "career", "recruit", "staffing", "talent", "hiring", "hire")


def board_like(name: str) -> bool:
    """True when ``name`` reads as a job board's or an agency's ("Jobs for Humanity", "Acme Recruiting")."""
    low = name.lower()
    return any(w in low for w in _BOARD_WORDS)


def _employer_name(raw: str) -> str | None:
    """``raw`` cut to a plausible employer name ("Acme Robotics"), or None (generic words, a board)."""
    words = raw.replace("’", "'").split()
    while words and words[-1].lower().rstrip("'s.,") in _NOT_EMPLOYER:
        words = words[:-1]
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    if not words or words[0].lower().strip(".,") in _NOT_EMPLOYER:
        return None
    name = " ".join(words).strip(" .,:;-")
    low = name.lower()
    if len(name) < 2 or board_like(name) or low in _NOT_NAMES or name.isdigit() \
            or is_place_or_arrangement(name):
        return None
    return name


#: A value that says where or how the hire works, never who employs them ("Remote, GMT+3", "Hybrid").
_ARRANGEMENT = re.compile(r"^\W*(?:remote|hybrid|on-?site|in[- ]office|anywhere|worldwide|wfh)\b|\b(?:GMT|UTC|CET)\b",
                          re.I)


def is_place_or_arrangement(name: str) -> bool:
    """True when ``name`` is only places ("NYC", "Berlin, Germany", "香港") or a way of working ("Remote,
    GMT+3 / Cyprus"): a header field or a cue that took the place for the employer."""
    if _ARRANGEMENT.search(name) and len(name.split()) > 1:  # a company may be called "Remote"
        return True
    hits = gazetteer.find(name)
    rest = name
    for hit in reversed(hits):
        rest = rest[:hit.start] + " " + rest[hit.end:]
    if not hits or any(ch.isalnum() for ch in rest):
        return False
    # one town's name alone may be a company's too ("Santander", "Nokia"): only a country, region or
    # state, a large city (ours have no population: "香港"), or several places together
    return len(hits) > 1 or hits[0].kind in gazetteer.STRONG or hits[0].kind == "city" and (
        hits[0].population == 0 or hits[0].population >= thresholds.ORGANIZATION_PLACE_MIN_POPULATION)


#: A "Key: value" run into the value before it ("KAUFLAND E-COMMERCE Location: Berlin", "Acme Work location:
#: Leeds"): the value ends before the key, a capitalized word and at most two lower-case ones.
_NEXT_KEY = re.compile(r"\s+[A-Z][a-z]+(?:\s+[a-z]+){0,2}:(?:\s|$)")
#: An intermediary and the employer it posts for: "Undelucram.ro on behalf of: Crowdstrike SRL", "posted by
#: Jobgether on behalf of a partner company", "Why apply through Jobgether?".
_ON_BEHALF = re.compile(r"(?P<poster>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2})\s+(?:is\s+)?(?:\w+\s+){0,3}?"
                        r"on\s+behalf\s+of\s*:?\s*(?P<client>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})?")
_THROUGH = re.compile(r"\b(?:apply|applying|applications?)\s+(?:through|via)\s+(?P<poster>[A-Z][\w&.'’-]*"
                      r"(?:\s+[A-Z][\w&.'’-]*){0,2})")


def intermediaries(sentences: Iterable[str]) -> set[str]:
    """Squashed names (lower case, letters and digits) of boards and agencies the text says post for
    someone else ("Jobgether on behalf of a partner company", "apply through Jobgether"), each
    with its first word alone ("undelucramro", "undelucram"); empty when there is none."""
    found: set[str] = set()
    for text in sentences:
        for m in (*_ON_BEHALF.finditer(text), *_THROUGH.finditer(text)):
            poster = m.group("poster")
            found.add(_squash(poster))
            found.update(_squash(w) for w in poster.split()[:1])
            found.update(_squash(w.split(".")[0]) for w in poster.split()[:1] if "." in w)
    found.discard("")
    return found


def is_intermediary(name: str, sentences: Iterable[str]) -> bool:
    """Whether ``name`` (e.g. a record's company field) is a board or agency ``sentences`` name as
    posting on someone else's behalf (see ``intermediaries``)."""
    key = _squash(name)
    return bool(key) and any(key == k or key.startswith(k) and len(k) >= 4 for k in intermediaries(sentences))


def _overlapping(pattern: re.Pattern[str], text: str):
    """Matches of ``pattern`` starting at every position ("JOIN OUR TEAM AT ACME": "OUR TEAM AT ACME", then
    "TEAM AT ACME"...)."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


def _domain_label(domain: str) -> str | None:
    parts = domain.lower().split(".")
    if len(parts) < 2:
        return None
    label = parts[-2] if parts[-2] not in ("co", "com", "org", "net", "ac", "gov") or len(parts) < 3 else parts[-3]
    return None if label in _NOT_EMPLOYER_DOMAINS or len(label) < 3 else label


def squash(name: str) -> str:
    """``name`` in lower case, letters and digits only ("Acme, Inc." -> "acmeinc")."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


_squash = squash


def explicit(fields: Iterable[str], headings: Iterable[str], sentences: Iterable[str],
             header: str | None = None, exclude: Iterable[str] = (),
             role_sentences: Iterable[str] = ()) -> str | None:
    """The employer a job posting names explicitly, or None ("a wrong company is worse than none").

    Cues, strongest first: a ``Company:`` field (``fields``); the company part of a
    ``Company | Role | Place`` first line (``header``, with the role's title in ``exclude``); an
    "About Acme" heading; "Acme is a ..." or "Acme builds ..." opening a sentence; "At Acme,
    we", "join Acme", "work at Acme"; the domain of an e-mail address or URL that is not a mail
    service, a job board or an applicant-tracking system. Each cue gives points
    (``thresholds.ORGANIZATION_CUE_POINTS``); names that are one another's prefix add up, and the best name needs
    ``thresholds.ORGANIZATION_EXPLICIT_MIN``. Boards and agencies ("... Jobs", "... Recruiting")
    are never the employer, nor one the text says posts on someone else's behalf. Doubtful "is" and
    "at" cues count only when another cue names the same employer: a technology ("Python is a must",
    "join Slack calls"), one word also written in lower case in the text ("Growth is a priority"),
    and an "is" sentence among ``role_sentences`` (the role's own sections: "Maria is the hiring
    manager", "Routing is a core part of the product"); or when such cues, one of them "at" or
    "join", stand in two sentences or more ("Join the Snowflake team", "why join our team at Snowflake").
    """
    points: Counter[str] = Counter()
    shown: dict[str, str] = {}
    excluded = {_squash(e) for e in exclude if e}

    sentences = list(sentences)
    excluded |= intermediaries(sentences)  # an intermediary never employs; the client it names does
    in_role = set(role_sentences)
    everything = "\n".join(sentences)
    weak: Counter[str] = Counter()  # "Python is a must", "Growth is a priority": counted only if named otherwise too
    weak_cues: dict[str, set[tuple[str, str]]] = {}

    def add(raw: str | None, cue: str, text: str = "", doubt: bool = False) -> None:
        raw = _NEXT_KEY.split(raw, 1)[0] if raw else raw
        name = _employer_name(raw) if raw else None
        if name and _squash(name) not in excluded:
            key = _squash(name)
            doubtful = doubt or cue in ("is", "at") and (
                name.lower() in _TECH or cue == "is" and text in in_role
                or " " not in name and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", everything))
            (weak if doubtful else points)[key] += thresholds.ORGANIZATION_CUE_POINTS[cue]
            if doubtful:
                weak_cues.setdefault(key, set()).add((cue, text))
            shown.setdefault(key, name)

    for value in fields:
        add(value, "field")
    for text in sentences:
        for m in _ON_BEHALF.finditer(text):
            if m.group("client"):
                add(m.group("client"), "field")
    if header:
        add(header, "header")
    for h in headings:
        m = ORG_AT.match(h.strip())
        if m and h.strip().lower().startswith("about "):
            add(m.group("name"), "about")
        elif not h.strip().lower().startswith("about "):  # "Why join our team at Acme", "Life at Acme"
            for m in _overlapping(ORG_AT, h):
                add(m.group("name"), "at", h)
    domains: list[str] = []
    for text in sentences:
        m = ORG_IS.match(text)
        if m:
            add(m.group("name"), "is", text)
        for m in ORG_AT.finditer(text):
            if not text[m.start():].lstrip().lower().startswith("about"):  # "Join the Routing team": a team?
                add(m.group("name"), "at", text, doubt=bool(re.match(r"\W*join\s+the\s+[A-Z]", m.group(0), re.I)))
        for m in ORG_DOMAIN.finditer(text):
            label = _domain_label(m.group("domain"))
            if label and label not in excluded:
                domains.append(label)
    for label in domains:  # a domain confirms a name already seen, or stands for itself
        match = next((k for k in points if k.startswith(label) or label.startswith(k) and len(k) >= 4), None)
        if match:
            points[match] += thresholds.ORGANIZATION_CUE_POINTS["domain"]
        else:
            points[label] += thresholds.ORGANIZATION_CUE_POINTS["domain"]
            shown.setdefault(label, label.capitalize())
    for key, n in weak.items():  # a doubtful name is the employer only when another cue names it, or
        cues = weak_cues.get(key, set())  # "at"/"join" cues in two sentences and more ("Join the Snowflake team")
        if key in points or len({t for _, t in cues}) >= 2 and any(c == "at" for c, _ in cues):
            points[key] += n
    merged: Counter[str] = Counter()
    for key, n in points.items():  # "Acme" and "Acme Robotics" are one employer
        base = next((k for k in points if k != key and key.startswith(k) and len(k) >= 4), key)
        merged[base] += n
    for key, n in merged.most_common(1):
        if n >= thresholds.ORGANIZATION_EXPLICIT_MIN:
            return shown[key]
    return None
