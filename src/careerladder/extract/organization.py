"""organization, when no front matter or posting header names it: the proper name a
ladder uses for its own company ("Mariana Tek’s members", "Represent Vio.com on events").

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
