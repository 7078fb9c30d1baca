"""Fixed vocabularies: level order, section kinds and the headings that name them.

Pure data plus small lookups on normalized text; no regular expressions here
(those live in ``careerladder.extract``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Canonical management levels, lowest first.
LEVELS: tuple[str, ...] = ("em", "senior_em", "director", "senior_director", "vp", "cto")
#: Labels a role can get besides a management level.
OTHER_LEVELS: tuple[str, ...] = ("ic", "unknown")
LEVEL_NAMES: dict[str, str] = {
    "em": "Engineering Manager",
    "senior_em": "Senior Engineering Manager",
    "director": "Director of Engineering",
    "senior_director": "Senior Director of Engineering",
    "vp": "VP of Engineering",
    "cto": "CTO",
    "ic": "Individual contributor",
    "unknown": "Unknown",
}

#: Canonical individual-contributor levels, lowest first (the IC scale ``calibrate`` puts IC levels on).
IC_LEVELS: tuple[str, ...] = ("junior", "mid", "senior", "staff", "principal", "distinguished")
IC_LEVEL_NAMES: dict[str, str] = {
    "junior": "Junior Engineer", "mid": "Engineer", "senior": "Senior Engineer", "staff": "Staff Engineer",
    "principal": "Principal Engineer", "distinguished": "Distinguished Engineer",
}
#: The reference mapping of IC levels onto management levels, used only where a ladder states no
#: equivalence of its own (and labelled ``reference`` wherever it is shown): a staff engineer's scope
#: is a senior engineering manager's, a principal's a director's.
IC_EQUIVALENT: dict[str, str] = {"senior": "em", "staff": "senior_em", "principal": "director",
                                 "distinguished": "vp"}
#: Tracks: the two every ladder may have (a company may name more: data, TPM, product...).
TRACKS: tuple[str, ...] = ("management", "individual_contributor")
TRACK_NAMES: dict[str, str] = {"management": "management", "individual_contributor": "individual contributor"}
#: Tracks of managers: ``management`` and the executive tracks some companies name apart. Every other
#: track (``individual_contributor``, or one named by a family or code: "data engineer", "tech lead")
#: is an individual contributor's.
MANAGEMENT_TRACKS: frozenset[str] = frozenset({"management", "executive"})


def is_management_track(track: str | None) -> bool | None:
    """True for a manager's track, False for an individual contributor's, None when unknown."""
    return None if not track else track in MANAGEMENT_TRACKS

ROLE_KINDS: tuple[str, ...] = ("ladder_level", "job_posting")
SECTION_KINDS: tuple[str, ...] = (
    "qualifications", "responsibilities", "nice_to_have", "benefits", "about", "legal", "application", "other",
)
REQUIREMENT_TYPES: tuple[str, ...] = (
    "years_experience", "team_size", "direct_reports", "manages_managers",
    "education", "technology", "location", "remote",
)
#: Sections whose statements are not expectations of the person in the role: the boilerplate of a
#: posting (the company, the benefits, equal-opportunity/privacy/accommodation notices, how to apply).
#: Kept and shown, never leveled or assessed; location, remote and salary are still read from them.
NON_EXPECTATION_KINDS: frozenset[str] = frozenset({"benefits", "about", "legal", "application"})

# Heading phrases per section kind, checked in this order; a heading matches
# when its normalized text equals a phrase, starts with it, or ends with it.
# Order matters: "Nice-to-have requirements" is nice_to_have, not qualifications.
SECTION_HEADINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nice_to_have", (
        "nice to have", "nice to haves", "nice-to-have", "nice-to-haves", "bonus points", "bonus",
        "preferred qualifications", "preferred skills", "preferred experience", "pluses",
        "it would be great if", "extra credit", "good to have", "desired skills",
        "desirable", "what would be nice", "even better if", "plus if you have",
    )),
    ("benefits", (
        "perks", "benefits", "what we offer", "we offer", "what's in it for you",
        "what s in it for you", "compensation", "why join", "why work with us", "why you ll love working",
        "salary", "our offer", "what you get", "what you ll get", "rewards", "u s benefits",
        "what we can offer", "what we can offer you",
    )),
    ("qualifications", (
        "should have", "you should have", "what do you need", "what you need", "requirements",
        "qualifications", "what you ll need", "what we re looking for", "what we are looking for",
        "who you are", "about you", "must have", "must haves", "you have", "what you bring",
        "minimum qualifications", "basic qualifications", "skills", "experience",
        "your profile", "profile", "skills and experience", "your experience", "you are",
        "you might be a good fit", "you may be a good fit", "ideal candidate", "competencies",
        "years of experience", "who we are looking for", "what makes you a great fit",
        "your background", "required", "knowledge", "we re looking for", "looking for",
    )),
    ("responsibilities", (
        "is expected to", "we expect you to", "expected to", "what will you do", "what you will do",
        "what you ll do", "responsibilities", "your role", "the role", "role description",
        "duties", "accountabilities", "job description", "in this role", "day to day",
        "expectations", "you will", "what you ll be doing", "what you will be doing",
        "your responsibilities", "key responsibilities", "your mission", "the job", "your impact",
        "what the job involves", "scope", "scope of action", "impact", "role",
        "the position", "about the position", "the opportunity", "about the opportunity", "job summary",
        "role summary", "position summary", "position overview", "role overview", "job overview",
        "your tasks", "tasks", "main tasks", "key tasks", "the tasks",
        "about the role", "about this role", "about the job", "about this job", "about this position",
        "about the project", "about this project", "the project", "project overview", "project description",
    )),
    ("legal", (
        "equal opportunity", "equal employment opportunity", "eeo", "eeo statement", "diversity",
        "diversity and inclusion", "diversity equity and inclusion", "diversity equity inclusion", "dei", "commitment to diversity",
        "privacy notice", "privacy policy", "applicant privacy", "candidate privacy", "data protection",
        "accommodation", "accommodations", "reasonable accommodation", "reasonable accommodations",
        "disclosure", "disclosures", "pay transparency", "pay transparency notice", "salary transparency",
        "legal", "legal notice", "notice to agencies", "agencies", "recruitment agencies", "fraud", "fraud notice",
        "recruitment fraud", "e verify", "everify", "equal opportunities",
        "non discrimination", "affirmative action",
    )),
    ("application", (
        "hiring process", "how to apply", "interview process", "our hiring process", "our interview process",
        "application process", "recruitment process", "the process", "next steps", "apply", "to apply",
        "apply now", "apply here", "ready to apply", "click to apply", "contact us",
        "selection process", "what happens next", "recruiting process",
    )),
    ("about", (
        "about us", "about the company", "who we are", "company description", "company overview",
        "company profile", "team life", "mindset", "what we do", "our mission", "our story", "our values",
        "about", "company", "our culture", "life at", "why us", "the company", "our company",
        "our vision", "about the team", "our team", "the team", "about the organization", "about the organisation",
        "more information", "additional information", "job grade", "performance indicators",
        "get to know us", "who are we",
    )),
)


_ASCII_NON_ALNUM = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def normalize(text: str) -> str:
    """Lower-case ``text``, fold accents and quotes, keep letters, digits and single spaces.

    ``"What’s in it for you?"`` -> ``"what s in it for you"``.
    """
    if text.isascii():  # the common case, at C speed
        return " ".join(text.lower().translate(_ASCII_NON_ALNUM).split())
    folded = unicodedata.normalize("NFKD", text)
    out = []
    for ch in folded:
        if ch.isalnum():
            out.append(ch.lower())
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(" ")
    return " ".join("".join(out).split())


_PHRASES = tuple((kind, tuple(normalize(p) for p in phrases)) for kind, phrases in SECTION_HEADINGS)

#: Words that make a heading speak of the role or what it asks of the candidate ("The experience you
#: bring to the team", "Why you should or shouldn't apply", "Acme's technology stack"): such a heading is role content even when
#: it ends with a boilerplate phrase ("the team", "apply"), and it does not inherit a boilerplate kind.
ROLE_CONTENT_WORDS: frozenset[str] = frozenset({
    "role", "experience", "experiences", "skills", "qualifications", "requirements", "responsibilities",
    "duties", "bring", "should", "shouldn", "must", "need", "expect", "expectations",
    "stack", "technology", "technologies", "tech", "tools", "tooling", "project", "projects", "location", "locations",
})


def names_role_content(heading: str) -> bool:
    """True when ``heading`` holds a word of ``ROLE_CONTENT_WORDS``: it speaks of the role or asks
    something of the candidate. ``"The experience you bring"`` -> True; ``"Life at Acme"`` -> False."""
    return not ROLE_CONTENT_WORDS.isdisjoint(normalize(heading).split())


_ADDRESS = re.compile(r"https?://|\bwww\.|[\w.+-]+@[\w-]+\.\w")


def holds_address(text: str) -> bool:
    """True when ``text`` holds a web address or an e-mail address: such a line says where to go
    ("Apply: https://acme.example/jobs", "APPLY -> jobs@acme.example"), it is no heading."""
    return bool(_ADDRESS.search(text))


@lru_cache(maxsize=8192)
def section_kind(heading: str) -> str | None:
    """The section kind a heading names, or ``None`` when it names none.

    ``"### Should have"`` -> ``"qualifications"``; ``"Strategy"`` -> ``None``.
    Long headings (over 12 words) name nothing: they are sentences. A heading that only ends with a
    boilerplate phrase and speaks of the role (``names_role_content``) does not name that kind:
    ``"The experience you bring to the team"`` -> ``None``.
    """
    norm = normalize(heading)
    if not norm or len(norm.split()) > 12:
        return None
    for kind, phrases in _PHRASES:
        for phrase in phrases:
            if norm == phrase or norm.startswith(phrase + " "):
                return kind
            if norm.endswith(" " + phrase) and not (kind in NON_EXPECTATION_KINDS and names_role_content(
                    norm[:-len(phrase)])):  # "The experience you bring to the team" is no team blurb
                return kind
    return None


def opens_with_kind_phrase(heading: str) -> bool:
    """True when ``heading`` is a section phrase or starts with one ("Benefits", "Perks and benefits",
    "About us at Acme"); False when a phrase only ends it ("Pre-tax commuter and parking benefits",
    an item of a benefits list read as a heading)."""
    norm = normalize(heading)
    return any(norm == p or norm.startswith(p + " ") for _, phrases in _PHRASES for p in phrases)


#: Words that make a heading look like a role title.
ROLE_NOUNS: frozenset[str] = frozenset({
    "manager", "director", "vp", "president", "cto", "chief", "head", "lead", "leader",
    "engineer", "officer", "architect", "fellow", "developer", "principal", "executive",
    "supervisor", "scientist", "analyst", "coach", "specialist", "coordinator", "consultant", "designer",
    "administrator", "owner", "strategist", "recruiter", "researcher", "writer", "tester", "programmer",
    "intern", "associate", "partner", "cto", "cio", "ciso", "cpo", "ceo", "coo", "vice",
    "svp", "evp", "avp", "cvp",
})
#: Words that make a heading a list or a topic, not one role.
NON_ROLE_WORDS: frozenset[str] = frozenset({
    "roles", "levels", "summary", "overview", "ladder", "ladders", "track", "tracks", "path",
    "paths", "responsibilities", "requirements", "expectations", "process", "indicators",
    "grade", "compensation", "interview", "hiring", "managers", "directors", "engineers", "leads",
    "introduction", "about", "faq", "should", "expected", "table", "contents",
})


#: Separators after which a title adds a specialisation, a team or a place
#: ("Director of Engineering, Core Experience", "Director - Application Development", "SVP | Platform").
TITLE_SEPARATORS: tuple[str, ...] = (" - ", " – ", " — ", " | ", ", ", ": ", " · ")


def title_core(title: str) -> str:
    """The part of a title before its first separator and parenthetical: the role itself.

    ``"Director of Engineering, Core Experience"`` -> ``"Director of Engineering"``;
    ``"SVP, Software Engineering"`` -> ``"SVP"``.
    """
    core = title.split("(", 1)[0]
    cut = min((i for i in (core.find(sep) for sep in TITLE_SEPARATORS) if i > 0), default=len(core))
    return core[:cut].strip() or title.strip()


def _section_phrase(norm: str) -> str | None:
    """The heading phrase that ``norm`` (normalized) equals, starts or ends with, or None."""
    for _, phrases in _PHRASES:
        for phrase in phrases:
            if norm == phrase or norm.startswith(phrase + " ") or norm.endswith(" " + phrase):
                return phrase
    return None


def looks_like_role_title(heading: str) -> bool:
    """True when ``heading`` reads as one role's title ("Director, Development").

    The role is read from the title's core (``title_core``): it must hold a role noun and no
    section or group word; what follows a separator is a specialisation ("Director of
    Engineering, Core Experience", "Director - Software Process Excellence") unless it is a
    section phrase ("Director, Product Engineering should have"). Headings naming a section
    kind or a group ("Engineering Development Management Roles") are not role titles.
    """
    norm = normalize(heading)
    words = norm.split()
    if not words or len(words) > 12:
        return False
    core = title_core(heading)
    core_words = normalize(core).split()
    if core != heading.strip() and any(w in ROLE_NOUNS for w in core_words):
        if section_kind(core) is not None or any(w in NON_ROLE_WORDS for w in core_words):
            return False
        rest = normalize(heading.strip()[len(core):])
        phrase = _section_phrase(rest) if rest else None
        return phrase is None or (" " not in phrase and rest != phrase)
    if section_kind(heading) is not None:
        return False
    if any(w in NON_ROLE_WORDS for w in words):
        return False
    return any(w in ROLE_NOUNS for w in words)

#: Front-matter keys that only job postings carry.
POSTING_METADATA_KEYS: frozenset[str] = frozenset({
    "company", "employer", "location", "salary", "salary_min", "salary_max", "apply", "apply_url",
    "employment_type", "job_type", "contract", "remote", "hiring_organization", "position",
})
#: Phrases (normalized) that mark a job posting's text.
POSTING_CUES: tuple[str, ...] = (
    "apply now", "click to apply", "apply for this job", "apply for this position", "apply for this role",
    "apply here", "apply today",
    "equal opportunity", "we are looking for", "we re looking for", "join our team", "we are hiring",
    "we re hiring", "competitive salary", "competitive compensation", "what we offer", "about us",
    "about the company", "you will report to", "qualified applicants", "job type", "visa sponsorship",
    "salary range", "per annum", "benefits include",
)
#: Phrases (normalized) that are weaker signs of a job posting (one point each; POSTING_CUES count two).
POSTING_WEAK_CUES: tuple[str, ...] = (
    "full time", "part time", "hybrid", "on site", "onsite", "salary", "per year", "visa", "we offer",
    "what you ll do",
)
#: Phrases (normalized) that mark a career-ladder level's text.
LADDER_CUES: tuple[str, ...] = (
    "same as", "meets the expectations", "extends the", "continue reading", "next level",
    "promotion", "career ladder", "career path", "progression", "should have", "is expected to",
    "at this level", "previous level", "levels", "everything a",
)

#: "Key: value" keys of a pasted posting (normalized) -> the metadata field they fill.
POSTING_FIELDS: dict[str, str] = {
    **{k: "location" for k in ("location", "locations", "job location", "work location", "office location",
                               "office", "based in", "city", "country", "region", "place of work", "work place")},
    **{k: "salary" for k in ("salary", "salary range", "pay", "pay range", "base salary", "compensation",
                             "base pay", "base pay range", "annual salary", "remuneration", "rate")},
    **{k: "employment_type" for k in ("employment type", "job type", "type", "contract", "contract type",
                                      "work type", "position type", "employment", "schedule", "hours")},
    **{k: "workplace" for k in ("workplace", "workplace type", "work model", "work arrangement", "remote",
                                "work mode", "working model", "location type", "remote policy")},
    **{k: "title" for k in ("job title", "position title", "role title", "title", "position", "role")},
    **{k: "company" for k in ("company", "employer", "organization", "organisation", "company name")},
    **{k: "reports_to" for k in ("reports to", "reporting to", "reporting line", "manager")},
    **{k: "department" for k in ("department", "team", "function", "business unit")},
}


def posting_field(key: str) -> str | None:
    """The metadata field a "Key: value" key names (``"Job Location"`` -> ``"location"``), or None."""
    return POSTING_FIELDS.get(normalize(key))
