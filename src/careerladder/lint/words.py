"""Word lists for the lint's vague-wording check (``careerladder.lint``): action verbs and quality words.

Pure data plus one lookup on ``extract.grammar.tokens``; no regular expressions.
Verbs are matched as written forms (base, -s, -ed, -ing and the irregular forms
listed), never as stems: "communication" must not count as "communicate".

>>> is_vague("Strong communication skills", max_words=20)
True
>>> is_vague("Communicates decisions and their reasons to the whole team", max_words=20)
False
>>> is_vague("Bachelor's degree in computer science", max_words=20)
False
"""

from __future__ import annotations

from .. import thresholds as T
from ..extract.grammar import tokens

#: Verbs of action a ladder's expectations are written with (base forms).
ACTION_VERBS = """
accept achieve act adapt address adjust adopt advise advocate align allocate analyze analyse anticipate apply
approve architect argue arrange articulate ask assess assign assist attend attract audit automate balance
become bring budget build calibrate celebrate challenge champion change check choose clarify close coach
code collaborate collect commit communicate compare complete conduct connect consider contribute convince
coordinate create cultivate cut debug decide define delegate deliver demonstrate deploy design detect
determine develop diagnose direct discuss document drive educate elevate eliminate empower enable encourage
enforce engage ensure establish estimate evaluate evangelize examine execute expand experiment explain
facilitate find fix focus follow forecast form foster fund gather give grow guide handle help hire hold host
identify implement improve include increase influence initiate inspire instill integrate interview introduce
invest investigate iterate join keep launch lead learn leverage listen maintain make manage map measure meet
mentor migrate minimize mitigate model monitor motivate negotiate nurture observe onboard operate optimize
organize orchestrate oversee own participate partner perform pick plan practice prepare present prevent
prioritize produce program promote propose protect provide publish pursue raise reach recognize recommend
recruit reduce refactor refine release remove report represent request research resolve respond retain
review reward run scale schedule scope secure seek select sell set shape share ship show simplify solve
speak spend sponsor staff start steer structure suggest supervise support sustain take teach test track
train transform translate triage understand unblock use validate verify volunteer welcome work write
"""
#: Irregular and spelling-changed forms the simple rules do not make.
IRREGULAR = """
built led held gave given made ran set wrote written drove driven grew grown taught took taken brought
spoke spoken shown chose chosen sought broke broken kept found met sold spent understood cut
planned planning shipped shipping committed committing ran running setting cutting modelled modeling
modelling labelled
"""
#: Words that name a quality rather than an action ("strong", "excellent", "skills", "team player").
QUALITY_WORDS = """
strong stronger excellent exceptional outstanding great good solid superb proven extensive deep broad
passionate passion skills skill skilled abilities attitude mindset qualities talented savvy
effective communicator player self-starter self-motivated motivated detail-oriented results-oriented
results-driven hands-on-attitude positive enthusiastic energetic dynamic excellence
"""


def _forms(verb: str) -> set[str]:
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
    return forms


ACTION_FORMS: frozenset[str] = frozenset(
    {f for v in ACTION_VERBS.split() for f in _forms(v)} | set(IRREGULAR.split()))
QUALITY: frozenset[str] = frozenset(QUALITY_WORDS.split())


def is_vague(text: str, max_words: int) -> bool:
    """True when ``text`` (at most ``max_words`` words) names a quality and holds no verb of action."""
    words = tokens(text)
    if not words or len(words) > max_words:
        return False
    return not any(w in ACTION_FORMS for w in words) and any(w in QUALITY for w in words)


#: Seniority of individual-contributor title words, used only to tell whether a document lists its
#: levels lowest first or highest first (management titles use the canonical level order instead).
IC_SENIORITY: dict[str, float] = {
    "intern": 0, "trainee": 0, "apprentice": 0, "graduate": 1, "junior": 1, "associate": 1, "entry": 1,
    "mid": 2, "middle": 2, "intermediate": 2, "senior": 3, "lead": 4, "staff": 4, "principal": 5,
    "distinguished": 6, "fellow": 6,
}
#: Level numerals in titles ("Engineer II", "Data Scientist 3"): a small step within one seniority word.
NUMERALS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
                            **{str(n): n for n in range(1, 10)}}


def ic_seniority(words: list[str]) -> float | None:
    """Seniority of an individual-contributor title's words (normalized, lower case); None when no word says."""
    known = [IC_SENIORITY[w] for w in words if w in IC_SENIORITY]
    numeral = next((NUMERALS[w] for w in reversed(words) if w in NUMERALS), 0)
    if not known and not numeral:
        return None
    return (max(known) if known else T.LINT_PLAIN_IC_SENIORITY) + T.LINT_NUMERAL_STEP * numeral


#: How lines that only move a reader around a ladder's pages begin.
NAVIGATION_STARTS = ("continue reading", "read more", "back to", "return to", "next level", "previous level",
                     "next:", "previous:", "see also", "go to", "table of contents", "up:", "home")


def is_navigation(text: str) -> bool:
    """True for a line that only moves the reader ("Continue reading: VP of Engineering", "Back to the index")."""
    low = " ".join(text.lower().split())
    return low.startswith(NAVIGATION_STARTS) and len(low.split()) <= T.LINT_NAVIGATION_MAX_WORDS + 4
