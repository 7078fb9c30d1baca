"""organization, when no front matter or posting header names it: the proper name a
ladder uses for its own company ("Mariana Tek’s members", "Represent Vio.com on events").

Candidates are capitalized phrases not at the start of a sentence and not made
only of words role documents capitalize anyway (titles, departments, headings).
Score: one per mention, two more for a possessive, one more after "at/of/in/for/join";
single plain words need two mentions or a possessive. Quoted phrases are skipped.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ... import thresholds

_NAME = r"[A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*"
_CANDIDATE = re.compile(rf"(?<![\w.“\"'‘])({_NAME}(?:\s+{_NAME}){{0,2}})(?P<poss>’s|'s)?")
_BEFORE = re.compile(r"\b(?:at|of|in|for|join|joining|with|from|to)\s+$", re.I)

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
scrum senior should slas slos software sr staff strategy success support team teams tech technical
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


def infer(texts: Iterable[str], exclude: Iterable[str] = ()) -> str | None:
    """The organization named in ``texts`` (a role's statements), or None when no name stands out."""
    excluded = {w.lower() for phrase in exclude for w in phrase.replace(",", " ").split()}
    scores: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    possessive: set[str] = set()
    for text in texts:
        starts = _sentences_starts(text)
        for m in _CANDIDATE.finditer(text):
            name = m.group(1)
            words = [w.lower() for w in name.split()]
            if all(w in COMMON or w in excluded for w in words):
                continue
            while words and (words[0] in COMMON or words[0] in excluded):  # "Represent Vio.com"
                name = name.split(None, 1)[1]
                words = words[1:]
            if not name:
                continue
            poss = bool(m.group("poss"))
            if m.start() in starts and not poss:
                continue
            mentions[name] += 1
            scores[name] += 1 + (2 if poss else 0)
            if poss:
                possessive.add(name)
            if _BEFORE.search(text[max(0, m.start() - 12):m.start()]):
                scores[name] += 1
    best = None
    for name, score in scores.most_common():
        single = " " not in name and "." not in name
        if single and mentions[name] < 2 and name not in possessive:
            continue
        if score >= thresholds.ORGANIZATION_MIN_SCORE:
            best = name
            break
    return best
