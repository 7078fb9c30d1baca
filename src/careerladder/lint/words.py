"""Word lists of ladder lint (``careerladder.lint``): action verbs and quality words (vague wording), and
the lines that are not expectations (placeholders, cross-references, navigation, reading lists).

Pure data plus lookups on ``extract.grammar.tokens``; no regular expressions.
Verbs are matched as written forms (base, -s, -ed, -ing and the irregular forms
listed), never as stems: "communication" must not count as "communicate".

>>> is_vague("Strong communication skills", max_words=20)
True
>>> is_vague("Communicates decisions and their reasons to the whole team", max_words=20)
False
>>> is_vague("Bachelor's degree in computer science", max_words=20)
False
>>> is_vague("Strong people leadership", max_words=20)
True
>>> is_vague("Evidence of strong people leadership", max_words=20)  # says how the quality shows
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
break extend split talk email tell say pair demo escalate flag reach look read stay step think
"""
#: Irregular and spelling-changed forms the simple rules do not make.
IRREGULAR = """
built led held gave given made ran set wrote written drove driven grew grown taught took taken brought
spoke spoken shown chose chosen sought broke broken kept found met sold spent understood cut
told said thought split splitting
planned planning shipped shipping committed committing ran running setting cutting modelled modeling
modelling labelled
"""
#: Words that name a quality rather than an action ("strong", "excellent", "skills", "team player").
QUALITY_WORDS = """
strong stronger excellent exceptional outstanding great good solid superb proven
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


#: Nouns of knowledge: "Deep knowledge of X", "Strong proficiency in Y" name what is known (the object is
#: the content), so such a line is a knowledge expectation, not a bare quality.
KNOWLEDGE_WORDS = frozenset("""
knowledge knowledgeable expertise expert experts proficiency proficient fluency fluent grasp understanding
familiarity familiar experience experienced competency competence mastery foundation background command
""".split())
#: Words of evidence, recognition by others and measured outcomes or change: "Evidence of collaboration",
#: "a track record of...", "the respect and trust of leadership", "High engagement and retention",
#: "Consistent improvement in ... over time" say how a quality shows, so such a line is not a bare quality.
EVIDENCE_WORDS = frozenset("""
evidence record recognition recognized recognised reputation respect respected trust trusted engagement
retention attrition turnover metric metrics measured measurable improvement
""".split())
#: Subjects after which the next word is a verb ("I split my time", "They increasingly think...").
SUBJECTS = frozenset("i we you they he she".split())
#: Verbs that state a state or a wish, not an action ("I am", "I have", "I aspire to").
STATE_VERBS = frozenset("""
am is are was were be been being have has had feel feels aspire aspires possess possesses seem seems
""".split())


def acts(words: tuple[str, ...]) -> bool:
    """True when the words hold a verb of action: a listed form, or the word after a subject ("I split",
    adverbs in -ly and "also" skipped) that is not a verb of state."""
    if any(w in ACTION_FORMS for w in words):
        return True
    for i, w in enumerate(words[:-1]):
        if w in SUBJECTS:
            nxt = next((v for v in words[i + 1:] if not (v.endswith("ly") or v in ("also", "still", "often"))), "")
            if nxt and nxt not in STATE_VERBS and nxt not in QUALITY:
                return True
    return False


def is_vague(text: str, max_words: int) -> bool:
    """True when ``text`` (at most ``max_words`` words) names a quality, holds no verb of action, names no
    knowledge ("Deep knowledge of SQL" says what is known) and no evidence or measured outcome ("a track
    record of...", "high retention")."""
    words = tokens(text)
    if not words or len(words) > max_words:
        return False
    return any(w in QUALITY for w in words) and not acts(words) and \
        not any(w in KNOWLEDGE_WORDS or w in EVIDENCE_WORDS for w in words)


#: Function words: articles, pronouns, auxiliaries, prepositions and conjunctions. Two statements whose
#: other words (stemmed) differ are parallel statements of two levels ("minor" / "major process improvements",
#: "the team" / "the company"), not one statement repeated; modals and "not" are not function words here
#: ("should" / "must" is a difference).
FUNCTION_WORDS = frozenset("""
a an the and or but nor of to in on at for with by from as into onto about over under within through
this that these those it its they them their theirs he him his she her hers we us our ours you your yours
i me my mine who whom whose which what when where while also then so such both each either neither
be is are was were been being am do does did doing has have had having will would shall
""".split())


#: How a template placeholder or an elided line reads ("[Add the team's tools here]", "TBD", "// ... existing").
PLACEHOLDER_WORDS = frozenset("tbd tbc todo fixme lorem ipsum placeholder".split())


def is_placeholder(text: str) -> bool:
    """True for a line left to fill in or elided: wholly in brackets ("[Add skills here]", "<role>"), a
    placeholder word (TBD, TODO, lorem ipsum), or text between ellipses ("// ... existing code ...")."""
    core = text.strip().lstrip("/#*- ").strip()
    if core.startswith(("...", "…")) and core.endswith(("...", "…")):
        return True
    t = text.strip().rstrip(".").strip()
    if not t:
        return True
    if (t[0], t[-1]) in (("[", "]"), ("<", ">"), ("{", "}")) and "](" not in t:
        return True
    return any(w in PLACEHOLDER_WORDS for w in tokens(t))


#: Phrases of a line that only points at other levels' expectations ("The expectations for L3 still apply").
CROSS_REFERENCES = ("still apply", "still applies", "still applicable", "also apply", "also applies",
                    "continue to apply", "continues to apply", "same as", "as above", "in addition to the",
                    "everything in", "all of the expectations", "expectations of the previous",
                    "expectations for the previous", "expectations of the level", "expectations of level",
                    "expectations for level")


def is_cross_reference(text: str) -> bool:
    """True for a line that points at other levels' expectations instead of stating one."""
    low = " ".join(text.lower().split())
    return any(p in low for p in CROSS_REFERENCES)


#: Headings of sections that hold no expectations of the level: reading lists, links, counter-examples,
#: how to use the document.
NOT_EXPECTATION_HEADINGS = ("reading", "further reading", "additional reading", "recommended reading", "resources",
                            "references", "links", "useful links", "books", "learning materials", "red flags",
                            "anti patterns", "antipatterns", "anti pattern", "warning signs", "pitfalls",
                            "should not", "what not to do", "dont", "do not", "how to use", "how to read",
                            "using this", "faq")


def is_non_expectation_heading(heading: str) -> bool:
    """True for a heading whose section lists readings, links or counter-examples, or says how to use the
    document, not expectations ("Additional reading", "Red flags", "How to use")."""
    low = " ".join(tokens(heading.replace("-", " ")))
    return any(low == h or low.startswith(h + " ") or low.endswith(" " + h) for h in NOT_EXPECTATION_HEADINGS)


#: Seniority of individual-contributor title words, used only to tell whether a document lists its
#: levels lowest first or highest first (management titles use the canonical level order instead).
IC_SENIORITY: dict[str, float] = {
    "intern": 0, "trainee": 0, "apprentice": 0, "graduate": 1, "junior": 1, "jr": 1, "associate": 1, "entry": 1,
    "mid": 2, "middle": 2, "intermediate": 2, "senior": 3, "sr": 3, "lead": 4, "staff": 4, "principal": 5,
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
