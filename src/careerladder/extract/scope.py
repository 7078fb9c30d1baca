"""Scope signals for leveling: the phrases that say how big a management role is.

Each signal has an id, the canonical level it points at (its anchor), and a
pattern. ``find(text)`` returns the signal ids found in one statement. The
leveler (``careerladder.leveling``) weighs them; this module only recognizes them.
"reports to X" is read separately (``reports_to``): the level of X says where
the role sits below it.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import ahocorasick
from dataclasses import dataclass

from ..vocab import LEVELS
from .titles import title_level


@dataclass(frozen=True, slots=True)
class Signal:
    """A named scope cue: ``anchor`` is the level it points at; ``description`` says it in words;
    ``triggers``: lower-case substrings one of which must occur before the pattern is tried (speed)."""

    id: str
    anchor: str
    description: str
    pattern: re.Pattern[str]
    triggers: tuple[str, ...]


def _s(sid: str, anchor: str, description: str, triggers: str, pattern: str, flags: int = re.I) -> Signal:
    return Signal(sid, anchor, description, re.compile(pattern, flags), tuple(triggers.split("|")))


_TEAM_ADJ = r"(?:(?:small|growing|cross-functional|agile|distributed|remote|high-performing|talented|local|" \
            r"dedicated|world-class|collaborative|new|core|product|platform|backend|frontend|mobile|data|" \
            r"engineering|software|development|dev|scrum|qa|sre|devops|infrastructure)\s+){0,3}"

SIGNALS: tuple[Signal, ...] = (
    _s("one_team", "em", "leads one team",
       "a team|one team|the team|your team|our team|their team|this team| team of",
       rf"\b(?:a|one|the|your|our|their|this)\s+{_TEAM_ADJ}team\b(?!s|\s+of\s+(?:teams|managers))"),
    _s("hands_on", "em", "hands-on technical work",
       "hands-on|hands on|write code|writing code|write production|code review|pull request|contribut|coding|"
       "pair-prog|pair prog|debug",
       r"\bhands[- ]on\b|\bwrit(?:e|ing)\s+(?:production\s+)?code\b|\bcode\s+reviews?\b|\bpull\s+requests?\b|"
       r"\bcontribut\w*\s+(?:to\s+)?(?:the\s+)?code(?:base)?\b|\bcoding\b|\bpair[- ]programming\b|\bdebug"),
    _s("team_rituals", "em", "runs the team's rituals",
       "stand-up|standup|stand up|sprint planning|scrum master|retrospective|ceremonies|backlog grooming|1:1|"
       "one-on-one|one on one",
       r"\bstand-?ups?\b|\bsprint\s+planning\b|\bscrum\s+master\b|\bretrospectives?\b|\bagile\s+ceremonies\b|"
       r"\bbacklog\s+grooming\b|\b1:1s?\b|\bone[- ]on[- ]ones?\b"),
    _s("ic_reports", "em", "manages individual engineers", " engineers| developers|individual contributors",
       r"\b(?:manage|lead|mentor|coach|supervise)\s+(?:a\s+(?:team|group)\s+of\s+)?(?:\d+\s+|several\s+)?"
       r"(?:software\s+|senior\s+|junior\s+)?(?:engineers|developers|individual\s+contributors)\b"),
    _s("people_management", "em", "manages people: reviews, careers, one-to-ones, direct reports",
       "people management|line management|people manager|performance|career|direct reports|"
       "1:1|one-on-one|one on one|manage a team|managing a team|lead a team|leading a team|people leader",
       r"\b(?:people|line)\s+manag\w+\b|\bpeople\s+leader(?:ship)?\b|\bperformance\s+(?:reviews?|management|"
       r"evaluations?|feedback|conversations?)\b|\bcareer\s+(?:development|growth|paths?|progression)\b|"
       r"\bdirect\s+reports\b|\b1:1s?\b|\bone[- ]on[- ]ones?\b|\b(?:manag|lead)(?:e|es|ing)?\s+a\s+team\b"),
    _s("hiring", "em", "hires for the team", "hire|hiring|recruit|interview|talent",
       r"\b(?:hir(?:e|es|ing)|recruit(?:s|ing|ment)?|interview(?:s|ing)?)\b(?!\s+(?:process|manager)\b)"
       r"(?=[^.;]{0,60}\b(?:engineers?|developers?|team|talent|people|staff|candidates?)\b)|"
       r"\btalent\s+(?:acquisition|strategy)\b"),
    _s("multiple_teams", "senior_em", "several teams", "teams|squads|pods",
       r"\b(?:multiple|several|two|three|four|2-3|2-4|3-5|2\+|3\+|many|a\s+few|various)\s+"
       r"(?:\w+\s+){0,2}(?:teams|squads|pods)\b|\bteams?\s+of\s+teams\b|\bgroup\s+of\s+teams\b"),
    _s("leads_leads", "senior_em", "manages team or tech leads", " leads",
       r"\b(?:manag\w*|lead\w*|coach\w*|mentor\w*|grow\w*)\s+(?:\w+\s+){0,2}(?:team|tech(?:nical)?)\s+leads\b"),
    _s("manages_managers", "director", "manages managers", "managers",
       r"\bmanagers?\s+of\s+managers\b|\b(?:manag\w*|lead\w*|coach\w*|mentor\w*|grow\w*|hire|hiring|develop\w*)"
       r"\s+(?:and\s+\w+\s+)?(?:\w+\s+){0,3}(?:engineering|software|first[- ]line|line|people|front[- ]line)\s+"
       r"managers\b|\bmanagers\s+(?:who\s+)?report(?:ing)?\s+to\s+(?:you|this\s+role)\b"),
    _s("org_ownership", "director", "owns an organization or department",
       "organization|organisation| org|department|division|function|group",
       r"\b(?:lead|own|run|build|head|oversee|manage|scale|grow)\w*\s+(?:the\s+|an?\s+|our\s+|your\s+)?"
       r"(?:\w+\s+){0,2}(?:organi[sz]ation|org|department|division|function|group)\b"),
    _s("budget", "director", "owns a budget or headcount",
       "budget|p&l|headcount|cost management|cost control|cost optimi|financial planning|resource allocation|vendor management",
       r"(?<!team )(?<!travel )(?<!learning )(?<!training )(?<!education )(?<!educational )(?<!wellness )"
       r"(?<!conference )(?<!equipment )(?<!office )\bbudget(?:s|ing)?\b(?!\s+for\s+(?:learning|training|"
       r"conferences|education|travel|equipment))|\bp&l\b|\bheadcount\b|\bcost\s+(?:management|control|optimi[sz]ation)\b|"
       r"\bfinancial\s+planning\b|\bresource\s+allocation\b|\bvendor\s+management\b"),
    _s("strategy_owner", "director", "sets strategy for an area", "strategy|vision|roadmap",
       r"\b(?:define|set|own|drive|develop|shape)\w*\s+(?:and\s+\w+\s+)?(?:the\s+)?(?:\w+\s+){0,2}"
       r"(?:strategy|vision|roadmap)\b"),
    _s("directors_reports", "vp", "manages directors or senior leaders",
       "directors|senior managers|leaders of leaders|heads of",
       r"\b(?:manag\w*|lead\w*|coach\w*|mentor\w*|hire|hiring|develop\w*|grow\w*)\s+(?:and\s+\w+\s+)?"
       r"(?:\w+\s+){0,2}(?:directors|senior\s+managers|leaders\s+of\s+leaders|heads\s+of)\b|"
       r"\bdirectors\s+(?:who\s+)?report(?:ing)?\s+to\b"),
    _s("executive", "vp", "works at the executive level", "exec|c-suite|c-level|leadership team",
       r"\bexecutive\s+(?:team|leadership|committee|staff|peers?)\b|\bc-(?:suite|level)\b|\bsenior\s+leadership\s+team\b|"
       r"\bleadership\s+team\b|\bexec(?:utive)?s?\b"),
    _s("company_wide", "vp", "scope is the whole company or all of engineering",
       "company-wide|company wide|across the|entire|whole|all of engineering|engineering-wide|engineering wide|organization-wide|organisation-wide|organization wide",
       r"\bcompany[- ]wide\b|\bacross\s+the\s+(?:entire\s+|whole\s+)?company\b|\b(?:entire|whole|all\s+of)\s+"
       r"(?:the\s+)?engineering\b|\bengineering[- ]wide\b|\bthe\s+(?:entire|whole)\s+(?:engineering\s+)?"
       r"organi[sz]ation\b|\borgani[sz]ation[- ]wide\b"),
    _s("board", "cto", "reports to the board", "board",
       r"\bboard\s+(?:of\s+directors|members?|meetings?|level)\b|\b(?:the|our|to\s+the)\s+board\b"),
    _s("investors", "cto", "works with investors", "investor|fundrais|due diligence|venture|series a|series b|series c|series d",
       r"\binvestors?\b|\bfundrais\w*\b|\bdue\s+diligence\b|\bventure[- ]backed\b|\bseries\s+[a-d]\b"),
    _s("founding", "cto", "founding or first technical leader", "founder|founding|first technical|first engineering|from scratch|zero to one|0 to 1|0->1",
       r"\bco-?founder\b|\bfounding\b|(?<![\w-])first\s+(?:technical|engineering)\s+(?:hire|leader)\b|"
       r"\bfrom\s+scratch\b|"
       r"\bzero\s+to\s+one\b|\b0\s*(?:->|to)\s*1\b"),
    _s("tech_vision", "cto", "sets the company's technology vision", "technology vision|technical vision|technology strategy|technical strategy|technology direction|technical direction",
       r"\b(?:company|company's|our|overall)\s+(?:technology|technical)\s+(?:vision|strategy|direction)\b|"
       r"\btechnology\s+vision\b|\btechnical\s+vision\s+(?:for|of)\s+the\s+company\b"),
)

_REPORTS_TO = re.compile(
    r"\breport(?:s|ing)?\s+(?:directly\s+)?(?:in)?to\s*:?\s+(?:the\s+|a\s+|an\s+|our\s+)?"
    r"(?P<title>(?:(?:senior|sr\.?|group|executive)\s+)?(?:vp|vice\s+president|director|head|chief|cto|ceo|"
    r"engineering\s+manager|manager|founders?|co-?founder|president|senior\s+director)[^.;,\n]{0,40})", re.I)
_FOUNDER = re.compile(r"\b(?:ceo|founders?|co-?founder|president|chief\s+executive)\b", re.I)


_BY_TRIGGER: dict[str, list[int]] = {}
for _i, _sig in enumerate(SIGNALS):
    for _t in _sig.triggers:
        _BY_TRIGGER.setdefault(_t, []).append(_i)
#: Every trigger in one Aho-Corasick automaton: value (trigger length, signal indexes).
_TRIGGERS = ahocorasick.Automaton()
for _t, _ids in _BY_TRIGGER.items():
    _TRIGGERS.add_word(_t, (len(_t), tuple(_ids)))
_TRIGGERS.make_automaton()


def find(text: str, lower: str | None = None) -> list[str]:
    """Ids of the scope signals in one statement, in ``SIGNALS`` order (``lower``: ``text.lower()`` if known)."""
    return find_all([text])[0]


def find_all(texts: list[str]) -> list[list[str]]:
    """Signal ids per statement for many statements at once — the fast path the leveler uses.

    Trigger words are located in one pass over the joined lower-cased text (an Aho-Corasick
    automaton, pyahocorasick: every occurrence of every trigger); a signal's pattern runs only on
    the statements where one of its triggers occurs.
    """
    joined = "\n".join(texts).lower()
    starts = []
    pos = 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    candidates: dict[int, set[int]] = {}
    for end, (length, signal_ids) in _TRIGGERS.iter(joined):
        k = bisect_right(starts, end - length + 1) - 1
        candidates.setdefault(k, set()).update(signal_ids)
    out: list[list[str]] = [[] for _ in texts]
    for k, cands in candidates.items():
        text = texts[k]
        out[k] = [SIGNALS[i].id for i in sorted(cands) if SIGNALS[i].pattern.search(text)]
    return out


def manager_level(text: str) -> str | None:
    """The level of the manager a statement says the role reports to: a level of ``vocab.LEVELS``,
    ``ceo`` (the CEO, a founder, the president) or ``ic``; None when it names no one.

    >>> manager_level("You will report to the VP of Engineering."), manager_level("Reports to our CEO")
    ('vp', 'ceo')
    """
    m = _REPORTS_TO.search(text)
    if not m:
        return None
    target = re.split(r"\s+(?:and|who|with|to|on|in|for|at|while|as)\s+|[,(]", m.group("title"), maxsplit=1)[0]
    if _FOUNDER.search(target) and not re.search(r"\bvice\s+president\b|\bvp\b", target, re.I):
        return "ceo"
    level = title_level(target)
    if level == "unknown" and re.search(r"\bhead\b", target, re.I):
        level = "director"
    if level == "unknown" and re.search(r"\bdirector\b", target, re.I):
        level = "senior_director" if re.search(r"\b(?:senior|sr)\b", target, re.I) else "director"
    if level == "unknown" and re.search(r"\b(?:vp|vice\s+president)\b", target, re.I):
        level = "vp"
    return level if level in LEVELS else None


def reports_to(text: str) -> str | None:
    """The level a role sits at judging by whom it reports to, or None.

    One level below the manager's level (``manager_level``): "reports to the VP of Engineering" ->
    ``director``; "reports to the CEO" -> ``cto``; "reports to an Engineering Manager" -> ``ic``.
    """
    manager = manager_level(text)
    if manager is None:
        return None
    if manager == "ceo":
        return "cto"
    if manager == "vp":
        return "director"
    if manager == "cto":
        return "vp"
    i = LEVELS.index(manager)
    return LEVELS[i - 1] if i > 0 else "ic"
