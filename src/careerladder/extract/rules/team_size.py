"""team_size: the span of the role: "lead a team of 8 engineers", "an organization of 100+ engineers",
"teams of 20-30 people", "an 8-person team", "a 30+ person org through two Directors", "manage 4
engineering managers", "up to five product teams", "about 6 to 8 engineers", "a team of ~10"; and any
count of people or teams later in a sentence that leads with a verb of leading ("Oversee 5 managers
and their teams (about 45 engineers)", "Scale the team from 8 to 20 engineers") or, for a role that is
not an individual contributor's, says a group consists of them ("the department consists of 3 teams
and around 60 employees").

``min``/``max`` in ``unit``: ``people``, ``teams`` or ``managers`` (max None when open-ended, min
None for "up to"); qualifier ``team`` or ``organization``. Never the company's headcount ("a
company of 450 employees", "a team of 6,000"), a team an individual contributor joins ("join a
team of 6"), customers or users, nor, in a job posting, what the candidate led before ("experience leading a team
of 6+"; a ladder's "Experience running an organization of 30-50" describes the level's span).
"""

from __future__ import annotations

import re

from ... import thresholds as T
from ...model import Requirement, Statement
from ...vocab import NON_EXPECTATION_KINDS
from ..grammar import BOUNDED, bounds
from ..titles import title_level
from ._util import full_text, may_contain, requirement

_APPROX = r"(?:(?:about|approximately|approx\.?|around|roughly|circa|some|nearly|almost)\s+|~\s*)?"
_UP_TO = r"(?P<upto>up\s+to\s+)?"
_NUMBER = rf"{_UP_TO}{_APPROX}{BOUNDED}"
_PEOPLE = r"(?:people|persons|engineers|developers|members|individuals|employees|staff|FTEs?|ICs|" \
          r"(?:engineering|technical|tech|software|data|qa|test|product|it)\s+(?:professionals|engineers|staff|" \
          r"members|people|specialists)|team\s+members|data\s+scientists|scientists|designers|analysts|" \
          r"researchers|specialists|technicians|architects|headcount|reports)"
#: Words that may qualify a team or a manager ("3 cross-functional product teams"), not a preposition or a
#: number ("120+ across 9 teams" is not 120 teams).
_QUALIFIER = r"(?:(?!(?:across|in|into|of|over|and|or|with|within|from|to)\b)[A-Za-z][\w-]*\s+)"
_TEAMS = rf"(?:{_QUALIFIER}{{0,2}}(?:teams|squads|pods|tribes|groups))"
_MANAGERS = rf"(?:{_QUALIFIER}{{0,2}}(?:managers|directors|team\s+leads|leads|heads\s+of\s+\w+|EMs))"
_GROUP = r"(?P<group>teams?|squads?|organi[sz]ations?|orgs?|departments?|groups?|divisions?|functions?)"
_OF = re.compile(rf"(?:\b|(?<=[a-z]{{4}})(?=team)){_GROUP}\s+(?:of|with)\s+{_NUMBER}"
                 rf"(?:\s+(?:(?P<unit>{_PEOPLE})|(?P<teams>{_TEAMS})))?", re.I)
#: A group with its size in brackets: "our platform team (10 engineers)".
_BRACKET = re.compile(rf"\b{_GROUP}\s*\(\s*(?:(?:starting|currently|today|now|initially)\s+(?:with\s+|at\s+)?)?"
                      rf"{_NUMBER}\s+(?:[\w/-]+\s+){{0,2}}?(?P<unit>{_PEOPLE})\b", re.I)
#: A "Key: value" line whose key names the span, for a role that is not an individual contributor's: "Team
#: size: 10-15", "Your team: 8 engineers" (the number alone or with its unit; "six backend engineers" is not
#: read, as the count may be one kind of several).
_SPAN_KEY = re.compile(rf"^(?:(?:your|the)\s+)?(?:team(?:\s+size)?|size\s+of\s+(?:the\s+)?team|"
                       rf"people\s+managed|team\s+structure)\s*:\s*{_NUMBER}(?:\s+(?:(?P<unit>{_PEOPLE})|"
                       rf"(?P<teams>{_TEAMS})|(?P<managers>{_MANAGERS}))\b|\s*(?:[.;)]|$))", re.I)
_PERSON = re.compile(rf"{_NUMBER}[- ](?:person|people|member|engineer|developer|strong)s?\s+"
                     rf"(?:(?:\w+\s+){{0,2}}){_GROUP}", re.I)
_VERB = re.compile(
    rf"\b(?:manag\w*|lead(?:s|ing)?|led|oversee\w*|overseeing|grow(?:s|ing)?|run(?:s|ning)?|build(?:s|ing)?|"
    rf"scal\w*|supervis\w*|direct(?:s|ing)?|own(?:s|ing)?|head(?:s|ing)?|responsible\s+for|span(?:s|ning)?|"
    rf"across)\s+(?:(?:a|an|the|our|your)\s+(?:\w+\s+)?(?:team|group|organi[sz]ation|org)\s+of\s+)?{_NUMBER}\s+"
    rf"(?:(?P<unit>{_PEOPLE})|(?P<teams>{_TEAMS})|(?P<managers>{_MANAGERS}))\b", re.I)
#: A verb of leading (or a group the role runs said to consist of something), then any count of people or
#: teams later in the same sentence: "Oversee 5 managers and their teams (about 45 engineers)", "Manage
#: 4 teams totaling 28 engineers", "Scale the team from 8 to 20 engineers", "The department you will run
#: consists of 2 teams and around 35 employees".
_LEAD = re.compile(r"\b(?:manag(?:e|es|ing)|lead(?:s|ing)?|oversee(?:s|ing)?|run(?:s|ning)?|head(?:s|ing)?|"
                   r"direct(?:s|ing)?|supervis\w*|build(?:s|ing)?|grow(?:s|ing)?|scal(?:e|es|ing))\b", re.I)
_CONSISTS = re.compile(r"\b(?:department|team|organi[sz]ation|org|group|division)\s+(?:[\w,]+\s+){0,4}?"
                       r"(?:consists|comprises|is\s+made\s+up|counts|has|includes)\b", re.I)
_COUNT = re.compile(rf"(?<![\w.,-]){_NUMBER}[- ](?:(?P<unit>{_PEOPLE})|(?P<teams>{_TEAMS}))\b", re.I)
_THROUGH = re.compile(rf"\bthrough\s+{_NUMBER}\s+(?P<managers>{_MANAGERS})\b", re.I)
_REPORT = re.compile(rf"{_NUMBER}\s+(?P<managers>{_MANAGERS})\s+(?:who\s+)?(?:will\s+)?report(?:ing)?\s+"
                     r"(?:directly\s+)?(?:to\s+(?:you|this\s+role))", re.I)
#: Before a match: the company itself or a team the hire joins, not the role's span.
_NOT_SPAN = re.compile(r"\b(?:join(?:ing)?|be\s+part\s+of|become\s+part\s+of|work\s+(?:in|with|within|alongside)|"
                       r"company|startup|business|firm|we\s+are|we['’]re|we\s+have|we['’]ve|employs?|"
                       r"employer\s+of|headcount\s+of)\b[^.;]{0,30}$", re.I)
#: Before a match, in the same clause: the candidate's past, not the role's span ("experience leading a team
#: of 6+", "3+ years managing teams of at least 15", "you have managed teams of 20+").
_PAST = re.compile(r"(?:\b(?:experience|track\s+record|history|background|proven|years?)\s+(?:\w+\s+){0,3}?"
                   r"(?:leading|managing|building|growing|scaling|running|overseeing)\b|"
                   r"\b(?:have|has|you['’]ve|previously|already)\s+(?:\w+\s+)?(?:led|managed|built|grown|scaled|run)\b)"
                   r"(?:(?!\b(?:will|you['’]ll|now)\b)[^.;:!?]){0,40}$", re.I)
_COMPANY_UNIT = re.compile(r"^(?:employees|staff|headcount|FTEs?)$", re.I)
#: After a number: what the company counts, not people the role leads.
_NOT_PEOPLE = ("nationalit", "countr", "customer", "client", "user", "language", "office", "location", "cit",
               "partner", "brand", "store", "market", "million", "billion", "year", "month", "week", "day", "%",
               "hour", "direct", "report")
#: A sentence outside the role's own sections speaks of the role's span only with one of these words.
_ROLE_WORDS = re.compile(r"\b(?:you|your|this\s+role|the\s+role|position|lead\w*|manag\w*|oversee\w*|responsib\w*|"
                         r"hire|hiring|grow\w*|build\w*|scal\w*|direct\w*|head\w*|run\w*|own\w*|report\w*|span\w*)\b", re.I)
_ROLE_SECTIONS = frozenset({"responsibilities", "qualifications", "nice_to_have"})

_GROUP_WORDS = ("team", "squad", "org", "department", "group", "division", "function")
_VERB_WORDS = ("manag", "lead", "led", "oversee", "grow", "run", "build", "scal", "supervis", "direct", "own",
               "head", "responsible", "span", "across", "through", "report")
_DIGIT = re.compile(r"\d")
_WORD_NUMBER = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                          r"thirty|forty|fifty|a\s+dozen)\b")


def find(st: Statement, ctx) -> list[Requirement]:
    """team_size requirements in ``st``; see the module docstring."""
    if ctx.section_kind in NON_EXPECTATION_KINDS:
        return []
    lower = ctx.lower
    if not _DIGIT.search(lower) and not _WORD_NUMBER.search(lower):
        return []
    text = st.text
    keyed = _SPAN_KEY.match(full_text(st)) if title_level(ctx.role_title) != "ic" else None
    if keyed:  # "Team size: 10-15": the key says what the number is
        lo, hi, vague = bounds(keyed)
        groups = keyed.groupdict()
        unit = "managers" if groups.get("managers") else "teams" if groups.get("teams") else "people"
        if groups.get("upto"):
            lo, hi = None, lo if hi is None else hi
        if vague or (lo or hi or 0) > T.MAX_TEAM_SIZE or lo is None and hi is None:
            return []
        return [requirement("team_size", st, keyed.group(0), min=lo, max=hi, unit=unit, qualifier="team")]
    if ctx.section_kind not in _ROLE_SECTIONS and not _ROLE_WORDS.search(text):
        return []  # "We are a 1,500-strong team", "It's a group of 100 people"
    has_group = may_contain(lower, _GROUP_WORDS)
    patterns = ((_OF, _PERSON, _BRACKET) if has_group else ()) + ((_VERB, _THROUGH, _REPORT)
                                                         if may_contain(lower, _VERB_WORDS) else ())
    found: list[Requirement] = []
    seen: set[tuple] = set()
    for pattern, m in _matches(text, patterns, ctx):
        lo, hi, vague = bounds(m)
        if lo is None or vague or lo > T.MAX_TEAM_SIZE:
            continue
        groups = m.groupdict()
        tail = text[m.end(): m.end() + 16].lower()
        if tail.lstrip().startswith(_NOT_PEOPLE):
            continue
        if _NOT_SPAN.search(text[max(0, m.start() - 50):m.start()]):
            continue
        if ctx.role_kind == "job_posting" and \
                _PAST.search(text[max(0, m.start() - 60):m.start()] + m.group(0).split()[0] + " "):
            continue  # what the candidate has done, not what the role leads (a ladder's level has no candidate)
        unit_text = groups.get("unit") or ""
        if pattern is not _VERB and pattern is not _COUNT and _COMPANY_UNIT.match(unit_text):
            continue  # "a team of 450 employees": a headcount
        unit = "managers" if groups.get("managers") else "teams" if groups.get("teams") else "people"
        if unit == "people" and lo < T.MIN_TEAM_SIZE:
            continue
        if groups.get("upto"):
            lo, hi = None, lo if hi is None else hi
        group = (groups.get("group") or "team").lower()
        qualifier = "organization" if group.startswith(("org", "depart", "division", "function")) else "team"
        key = (lo, hi, unit)
        if key in seen:
            continue
        seen.add(key)
        found.append(requirement("team_size", st, m.group(0), min=lo, max=hi, unit=unit, qualifier=qualifier))
    return found


def _matches(text: str, patterns, ctx):
    """(pattern, match) of the span patterns, then of counts after a verb of leading (``_COUNT``): a
    count the span patterns did not already read ("about 45 engineers" after "Oversee 5 managers")."""
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            taken.append(m.span())
            yield pattern, m
    lead = _LEAD.search(text)
    if title_level(ctx.role_title) != "ic":  # the earlier of the two: "The team has 7 engineers and will grow"
        group = _CONSISTS.search(text)
        lead = group if group and (not lead or group.start() < lead.start()) else lead
    if not lead:
        return
    for m in _COUNT.finditer(text, lead.end()):
        if re.search(r"[.;!?]\s", text[lead.end():m.start()]) or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        yield _COUNT, m
