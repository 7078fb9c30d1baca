"""Title normalizer: the canonical level a title claims (``title_level``).

Levels: ``em < senior_em < director < senior_director < vp < cto``, plus
``ic`` (not an engineering-management role: engineers, product or account
managers, banking "VP" engineers, Field CTOs) and ``unknown`` (the title alone
cannot say: "Head of Engineering", "Manager/Director", "Fractional CTO",
leadership outside engineering such as "VP of Brand").

>>> [title_level(t) for t in ("Sr. Engineering Manager", "Manager, Software Engineering",
...  "VP, Engineering", "Head of Engineering", "Field CTO", "Senior Java Developer - VP",
...  "Engineering Manager/Director", "Director of Marketing")]
['senior_em', 'em', 'vp', 'unknown', 'ic', 'ic', 'unknown', 'unknown']
"""

from __future__ import annotations

import re

_SUBS = (
    (re.compile(r"\b(?:sr|snr)\b\.?"), "senior"), (re.compile(r"\bmgr\b"), "manager"),
    (re.compile(r"\beng\b"), "engineering"), (re.compile(r"\bvice[- ]president\b"), "vp"),
    (re.compile(r"\b(?:svp|evp|cvp)\b"), "vp"), (re.compile(r"\bavp\b"), "assistant vp"),
    (re.compile(r"\bdir\b"), "director"),
    (re.compile(r"\bchief (?:technology|technical|engineering) officer\b"), "cto"),
    (re.compile(r"\bem\b"), "engineering manager"), (re.compile(r"\bswe\b|\bsw\b"), "software"),
)
#: Separators after which a title adds team, place or stack ("Engineering Manager - Kotlin (Remote)").
_SEPARATORS = re.compile(r"\s+[-–—|]\s+|\s*[|(\[]\s*|\s+at\s+|\s+@\s+|\s*[-–—]\s*(?=(?:vp|senior|director|manager)\b)")
_LEVEL_WORD = re.compile(r"\b(?:cto|vp|director|manager|head|lead|chief)\b")
_TWO_LEVELS = re.compile(
    r"\b(?:manager|director|vp|head|lead)\s*(?:/|\bor\b|&)\s*(?:senior\s+|associate\s+)?(?:manager|director|vp|head|cto)\b")
_NOT_REAL_CTO = re.compile(r"\b(?:fractional|interim|part[- ]time|virtual|deputy|assistant)\s+cto\b")
_FIELD_CTO = re.compile(r"\bfield\s+cto\b|\bcto\s+(?:office|advisor|in residence)\b|\boffice of the cto\b")
_IC_NOUN = re.compile(r"\b(?:engineer|developer|analyst|architect|scientist|consultant|programmer|specialist|"
                      r"administrator|designer|tester|associate|owner)s?\b")
#: Manager titles that are not engineering managers (individual contributors in an engineering ladder).
_IC_MANAGER = re.compile(
    r"\b(?:product|project|program|account|marketing|sales|seo|office|community|content|brand|customer|"
    r"success|support|campaign|partnerships?|partner|channel|audit|category|events?|territory|"
    r"implementation|enablement|operations|ops|release|delivery|solutions?|alliance|pr|"
    r"research|insights|payroll|treasury|training|utilization|relations|business development|"
    r"market development|growth|area|regional|general|store|production)\s+manager\b")
#: Words that place a title in engineering or technology.
_ENG_SCOPE = re.compile(
    r"\b(?:engineering|software|development|technology|technical|tech|platforms?|infrastructure|devops|"
    r"devsecops|sre|site reliability|reliability|security engineering|qa|quality engineering|quality assurance|"
    r"test|mobile|web|backend|front[- ]?end|full[- ]?stack|cloud|systems|architecture|machine learning|ml|"
    r"ai|r ?& ?d|it|programming|applications?|developer|engineer|data engineering|data platforms?|"
    r"sdet|firmware|hardware|embedded|network engineering|information security|cyber ?security)\b")
_NON_ENG_SCOPE = re.compile(
    r"\b(?:marketing|sales|brand|finance|financial|legal|compliance|sanctions|hr|human resources|talent|"
    r"recruiting|people|communications|corporate development|business development|partnerships|"
    r"customer success|customer experience|accounting|tax|procurement|design|product|revenue|content|"
    r"editorial|clinical|medical|oncology|real estate|facilities|supply chain|operations|analytics|"
    r"business intelligence|insights|payroll|risk|fraud|strategy|creative|demand generation|trust|"
    r"safety|store|account management)\b")


def normalize_title(title: str) -> str:
    """Lower-cased title, abbreviations spelled out ("Sr. Eng Mgr" -> "senior engineering manager"),
    separators (`` - ``, ``|``, ``(``) kept."""
    t = " ".join(title.lower().replace("&", " & ").split())
    for pattern, repl in _SUBS:
        t = pattern.sub(repl, t)
    return t


def _core(t: str) -> str:
    """The part of a normalized title that names the role (first segment with a level word)."""
    segments = [s.strip(" ,:;") for s in _SEPARATORS.split(t) if s and s.strip(" ,:;")]
    if not segments:
        return t
    first = segments[0]
    if _LEVEL_WORD.search(first):
        return _with_specialisation(first, segments[1:])
    level_seg = next((s for s in segments[1:] if _LEVEL_WORD.search(s)), None)
    if level_seg is None:
        return first
    if _IC_NOUN.search(first):  # "Senior Java Developer - VP": a banking rank on an IC title
        return first
    return f"{first} {level_seg}"


def _with_specialisation(first: str, rest: list[str]) -> str:
    """A bare level ("director", "vp") with the segment that says what it leads ("Director - Software
    Process Excellence", "VP - Engineering"); a core that names its own scope stays as it is."""
    if not rest or _ENG_SCOPE.search(first) or _NON_ENG_SCOPE.search(first) or _IC_NOUN.search(first):
        return first
    return f"{first} {rest[0]}"


#: A level word of the role's own, before "Office of the CTO" names its department ("Director, Office of the CTO").
_OWN_LEVEL = re.compile(r"\b(?:vp|director|manager|head|lead)\b")


def title_level(title: str | None) -> str:
    """Canonical level the title claims; ``unknown`` when it cannot tell, ``ic`` for non-managers."""
    if not title or not title.strip():
        return "unknown"
    t = normalize_title(title)
    core = _core(t)
    if _TWO_LEVELS.search(core):
        return "unknown"
    if _OWN_LEVEL.search(core) and "office of the cto" in core:
        core = core.replace("office of the cto", "technology")  # the department of a role with its own level
    elif _FIELD_CTO.search(t):
        return "ic"
    if _NOT_REAL_CTO.search(t):
        return "unknown"
    eng = bool(_ENG_SCOPE.search(core))
    non_eng = bool(_NON_ENG_SCOPE.search(core))
    if re.search(r"\bcto\b", core):
        return "cto"
    if re.search(r"\bchief\b", core):
        return "ic" if re.search(r"\barchitect|\bof staff\b|\bscientist\b", core) else "unknown"
    if re.search(r"\bvp\b", core):
        if re.search(r"\bvp\b[\s,-]+(?:\w+\s+){0,2}(?:engineer|developer|architect|analyst|scientist)s?\b", core) \
                or re.search(r"(?:engineer|developer|architect|analyst|scientist)s?\b.*\bvp\b", core):
            return "ic"
        return "vp" if eng and not (non_eng and not re.search(r"engineering|software|technology", core)) \
            else "unknown"
    if re.search(r"\bhead\b", core):
        return "unknown"
    if re.search(r"\bdirector\b", core):
        if re.search(r"\bdirector\b\s+(?:\w+\s+)?(?:engineer|developer)s?\b(?!\s+(?:manag|lead))", core) \
                and "," not in core:
            return "ic"
        if not eng or (non_eng and not re.search(r"engineering|software|technology|platform", core)):
            return "unknown"
        senior = re.search(r"\b(?:senior|principal|group|executive|global)\s+(?:\w+\s+)?director\b", core)
        return "senior_director" if senior else "director"
    if re.search(r"\bmanager\b", core):
        if _IC_MANAGER.search(core):
            return "ic"
        if not eng:
            return "unknown"
        if non_eng and not re.search(r"engineering|software|technology|technical|qa|sre|devops", core):
            return "unknown"
        if re.search(r"\b(?:senior|principal|group|staff)\s+(?:\w+\s+){0,3}manager\b|\bmanager\s+(?:iii|3|iv|4)\b"
                     r"|\bsenior\s+manager\b", core):
            return "senior_em"
        return "em"
    if re.search(r"\b(?:team\s+lead|tech(?:nical)?\s+lead\s+manager|tlm|engineering\s+lead)\b", core) and eng:
        return "em"
    if re.search(r"\b(?:family|division|tribe|chapter|area|department|practice|group)\s+lead\b", core):
        return "unknown"  # leads a unit of teams: a management level the title does not name
    return "ic"


#: Words that put a title clearly in engineering (``clear_label``).
_CLEAR_ENG = re.compile(r"\b(?:engineering|software|technology|cto|platform|infrastructure|devops|sre|"
                        r"site reliability|qa|quality engineering|(?:software|application|product|web|mobile|"
                        r"platform|game|backend|front-?end|full-?stack)\s+development|development\s+manager)\b")
#: An individual contributor's noun that names the role ("Staff Engineer"), not "Software Engineer Manager".
_IC_NOUN_ROLE = re.compile(_IC_NOUN.pattern + r"(?!\s+manager\b)")


def clear_label(title: str | None) -> str | None:
    """The level a title *clearly* names, for evaluation labels; None when unclear.

    Stricter than ``title_level``: the role's own segment of the title must name engineering or
    software explicitly, exactly one level word, and no individual-contributor noun; "Head of",
    two-level, fractional, banking-rank ("Java Developer - VP", "VP, ... Engineering Manager") and
    non-engineering titles ("Director, Inventory Development") give None. ``senior_director`` is kept
    (callers may merge it into director).
    """
    level = title_level(title)
    if level in ("ic", "unknown") or not title:
        return None
    t = normalize_title(title)
    segments = [seg.strip(" ,:;") for seg in _SEPARATORS.split(t) if seg and seg.strip(" ,:;")]
    if not segments or not _LEVEL_WORD.search(segments[0]):
        return None  # the level is only a trailing rank ("QA Engineering - VP")
    core = _with_specialisation(segments[0], segments[1:])  # "VP - Cloud Engineering": what it leads
    if len(set(re.findall(r"\b(?:cto|vp|director|manager|head|chief)\b", core))) > 1 or "assistant" in core:
        return None
    # "Engineering Manager, Designer Data": after the comma, a team's name; its nouns are not the role's
    head, _, tail = core.partition(",")
    head_is_eng = bool(_CLEAR_ENG.search(head))
    if level != "cto" and (_IC_NOUN_ROLE.search(head) or not head_is_eng and _IC_NOUN_ROLE.search(tail)):
        return None
    if not _CLEAR_ENG.search(core):
        return None
    if re.search(r"\bsales\b", core):
        return None
    if re.search(r"\b(?:sales|solutions?|customer|support|field|application|commercial|(?<!machine )learning|"
                 r"inventory|funding|growth|business|partner|corporate|reverse)\s+(?:\w+\s+)?"
                 r"(?:engineering|development)\b", core):
        return None
    return level
