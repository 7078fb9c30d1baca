"""Shared pieces of the requirement grammar: numbers, ranges, sentences, titles, slugs.

Every regular expression used to understand text lives here or in
``careerladder.extract.rules``; nothing else in the package matches text with
regexes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "a few": 3, "several": 3, "multiple": 2,
}
#: Words that count something but give no number a reader can rely on.
VAGUE_NUMBERS = frozenset({"a few", "several", "multiple", "a couple", "a couple of", "couple of"})

_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
#: One number: digits (``1,000``, ``2.5``) or a number word.
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_WORDS})"
#: A number or range, with ``+``/``plus``/``or more`` for open ranges:
#: groups ``lo``, ``hi``, ``plus``. Never starts inside a number ("1,000" is not also "000"):
#: a start at every digit of a long digit run made unanchored patterns quadratic.
RANGE = (
    rf"(?<!\d)(?<!\d[,.])(?P<lo>{NUM})(?:\s*\(\s*\d+\s*\))?"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<hi>{NUM}))?"
    rf"(?P<plus>\s*\+|\s*plus\b|\s+or\s+more\b)?"
)
_AT_LEAST = r"(?P<least>at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|no\s+less\s+than)"
#: RANGE optionally preceded by "at least", "a minimum of", "over"...
BOUNDED = rf"(?:{_AT_LEAST}\s+)?{RANGE}"

#: Number words holding no other number word ("fourteen" holds "four"): text with none of these
#: and no digit holds no ``NUM``.
_NUMBER_WORD_CORES = tuple(w for w in NUMBER_WORDS if not any(o != w and o in w for o in NUMBER_WORDS))
_ASCII_DIGIT = re.compile(r"[0-9]")


def may_hold_number(lower: str) -> bool:
    """False only when lower-cased ``lower`` surely holds no ``NUM``, so no ``RANGE``/``BOUNDED`` match:
    ASCII text without a digit or a number word. A test at C speed before the costly patterns
    (they try a number at every character). Non-ASCII text is always True: ``re.I`` also matches
    "ſ" for "s", "ı"/"İ" for "i" and ``\\d`` other scripts' digits."""
    if not lower.isascii():
        return True
    if _ASCII_DIGIT.search(lower):
        return True
    for word in _NUMBER_WORD_CORES:
        if word in lower:
            return True
    return False


def number(text: str | None) -> float | None:
    """``"4"`` -> 4.0, ``"four"`` -> 4.0, ``"1,000"`` -> 1000.0; None when not a number."""
    if text is None:
        return None
    t = text.strip().lower()
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def bounds(match: re.Match[str]) -> tuple[float | None, float | None, bool]:
    """(min, max, vague) of a ``BOUNDED``/``RANGE`` match; max None when open-ended.

    "4+" -> (4, None); "20-30" -> (20, 30); "four" -> (4, 4); "at least 5" -> (5, None);
    "several" -> (3, None, vague=True).
    """
    lo_text = match.group("lo")
    lo = number(lo_text)
    hi = number(match.group("hi"))
    vague = lo_text is not None and lo_text.strip().lower() in VAGUE_NUMBERS
    open_ended = bool(match.group("plus")) or bool(match.groupdict().get("least")) or vague
    if hi is not None and lo is not None and hi < lo:
        lo, hi = hi, lo
    if hi is None and not open_ended:
        hi = lo
    return lo, hi, vague


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "inc.", "ltd.", "co.", "sr.", "jr.", "dr.", "mr.",
                  "ms.", "mrs.", "no.", "approx.", "u.s.", "st.", "corp.", "dept.", "e.t.c.")
#: A sentence end: the mark, closing quotes, a space and a capital or digit; or, in pasted text
#: that ran sentences together, a lower-case letter, the mark and a capital ("matter.We").
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(‘]?[A-Z0-9])|(?<=[a-z0-9)%][.!?])(?=[A-Z][a-z])")


def split_sentences(text: str) -> list[tuple[str, int]]:
    """Sentences of ``text`` with their character offset: [(sentence, offset), ...].

    Splits after ``.``/``!``/``?`` followed by a capital or digit (or run into a capital, as
    pastes do: "matter.We"), never after a known abbreviation ("e.g.", "Sr.") and never
    inside "Vio.com". A sentence may
    run over several source lines (its line breaks become spaces); the offset
    lets a caller map it back to the line where it starts.
    """
    out: list[tuple[str, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip("\"”’)")
        last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
        if last in _ABBREVIATIONS or (len(last) == 2 and last[0].isalpha() and last[1] == "."):
            continue
        piece = " ".join(text[start:m.start()].split())
        if piece:
            out.append((piece, start + len(text[start:m.start()]) - len(text[start:m.start()].lstrip())))
        start = m.end()
    piece = " ".join(text[start:].split())
    if piece:
        out.append((piece, start + len(text[start:]) - len(text[start:].lstrip())))
    return out


def slugify(text: str) -> str:
    """GitHub/Hugo heading anchor: ``"Director, Development"`` -> ``"director-development"``."""
    folded = unicodedata.normalize("NFKD", text)
    kept = "".join(ch.lower() if ch.isalnum() else (" " if ch in " -_" else "") for ch in folded
                   if not unicodedata.combining(ch))
    return "-".join(kept.split())


_TITLE_PREFIX = re.compile(r"^\s*(?:level|grade|band|step|tier)\s*[\w.]+\s*[:\-–—.]\s*", re.I)
_TITLE_CODE_PREFIX = re.compile(r"^\s*(?:[A-Z]{1,4}\d{1,2}(?:\.\d)?)\s*[-–—:_ ]\s*(?=[A-Za-z])")
#: No openers inside and whitespace taken from the start of its run: linear on "((((" and on spaces.
_TITLE_PAREN = re.compile(r"(?<!\s)\s*[(\[]([^()\[\]]*)[)\]]\s*$")
_CODE_WORDS = frozenset({"manager", "level", "ic", "vp", "vps", "executive", "executives", "path",
                         "track", "grade", "band", "people", "individual", "contributor", "m", "e"})
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")  # no openers inside: linear on "[[[["


def clean_title(heading: str) -> tuple[str, str | None]:
    """A role title without level codes and decorations, and the code it carried.

    ``"Level 3: Engineering Manager"`` -> ("Engineering Manager", "Level 3");
    ``"Engineering Manager (Manager 5)"`` -> ("Engineering Manager", "Manager 5");
    ``"EM5 - Engineering Manager 5"`` -> ("Engineering Manager 5", "EM5").
    """
    title = _MARKDOWN_LINK.sub(r"\1", heading).strip().strip("*_#`").strip()
    code = None
    m = _TITLE_PREFIX.match(title)
    if m:
        code = m.group(0).strip(" :-–—.")
        title = title[m.end():]
    else:
        m = _TITLE_CODE_PREFIX.match(title)
        if m and len(title) - m.end() > 3:
            code = m.group(0).strip(" :-–—_")
            title = title[m.end():]
    m = _TITLE_PAREN.search(title)
    if m and m.start() > 3:
        inner = m.group(1).strip()
        codeish = any(ch.isdigit() for ch in inner) or any(
            w in _CODE_WORDS for w in inner.lower().replace("/", " ").split())
        if inner and len(inner.split()) <= 6 and codeish:
            code = code or inner
            title = title[: m.start()]
    return " ".join(title.split()).strip(" -–—:|") or heading.strip(), code


_TOKEN = re.compile(r"[a-z0-9][a-z0-9&:+'’-]*[a-z0-9+]|[a-z0-9]")


@lru_cache(maxsize=16384)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens (keeps "on-call", "1:1s", "c++", "p&l"); apostrophes and trailing "'s" dropped.

    Cached: classification and leveling tokenize the same statements.
    """
    toks = _TOKEN.findall(text.lower())
    if "'" not in text and "’" not in text:
        return tuple(toks)
    out = []
    for tok in toks:
        tok = tok.replace("’", "'")
        if tok.endswith("'s"):
            tok = tok[:-2]
        out.append(tok.replace("'", ""))
    return tuple(out)


# ---------------------------------------------------------------- pasted text (extract.layout)

#: A sentence end with no space after it, as pastes run them together: "that matter.We are".
GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9)%][.!?])(?=[A-Z][a-z])")
#: A list pasted as one line: " * item * item", " • item".
INLINE_BULLET = re.compile(r"\s+[*•▪●]\s+|(?<=[.!?:])[•▪●]\s*")


def _heading_phrase_pattern() -> re.Pattern[str]:
    from ..vocab import SECTION_HEADINGS  # the core; imported here to keep the module's top small
    phrases = {p for _, group in SECTION_HEADINGS for p in group if len(p) > 3} | {
        "about the job", "job description", "description", "about the role", "what you will do", "who you are",
        "key skills", "tech stack", "our stack", "the stack", "stack", "requirements", "responsibilities"}
    words = sorted((p.split() for p in phrases), key=lambda w: (-len(w), w))
    body = "|".join(r"[\s'’-]*".join(re.escape(w) for w in ws) for ws in words)
    name = r"(?:(?<=[Aa]bout)|(?<=[Ll]ife at)|(?<=[Jj]oin)|\s+(?:at|@))\s+[\w&.'’-]+?(?:\s+[\w&.'’-]+?){0,2}?"
    return re.compile(rf"(?:^|(?<=[.!?:;)»”]))\s*(?=[A-Z])(?P<heading>(?i:{body}))(?:\s*:\s*|(?=[A-Z][a-z]))"
                      rf"|(?:^|(?<=[.!?:;)»”]))\s*(?=[A-Z])(?P<named>(?i:{body}){name})(?:\s*:\s*|(?<=[a-z])(?=[A-Z][a-z]))"
                      rf"|(?<=\s)(?=[A-Z])(?P<glued>(?i:{body}))(?=[A-Z][a-z])")


#: A section heading run into the next sentence: "Job SummaryWe are", "About UsFoundever is",
#: "Requirements:5+ years". The heading must start with a capital and be a known section phrase;
#: group ``heading`` at the start or after a sentence end (a colon may follow), else ``glued`` (run
#: into a capital on both sides: "... experiences Job SummaryWe"); group ``named`` is such a heading
#: with the company it names, up to the glued next sentence or a colon ("Diversity at Acme GmbHWe
#: welcome", "About Acme Labs:").
GLUED_HEADING = _heading_phrase_pattern()

#: Boilerplate paragraphs (``extract.layout.paragraph_kind``): equal opportunity, privacy,
#: accommodation, agency and fraud notices...
LEGAL_CUE = re.compile(
    r"\b(?:equal\s+(?:employment\s+)?opportunit(?:y|ies)|regardless\s+of\s+(?:their\s+)?(?:race|age|gender|sex|"
    r"religion|colou?r|background)|without\s+regard\s+to|affirmative\s+action|reasonable\s+accommodations?|"
    r"privacy\s+(?:notice|policy|statement)|(?:applicant|candidate)\s+privacy|e-?verify|unsolicited\s+"
    r"(?:resumes?|cvs?|applications?|candidates?)|(?:recruitment|staffing|search)\s+agenc(?:y|ies)|"
    r"pay\s+transparency|protected\s+veteran|sexual\s+orientation|gender\s+identity|national\s+origin|"
    r"fraudulent\s+(?:job|offers?|recruit)|personal\s+data\s+(?:will|is|you)|data\s+protection)", re.I)
#: ...how to apply (at the start of a paragraph)...
APPLICATION_START = re.compile(
    r"^\W*(?:to\s+apply|how\s+to\s+apply|apply\b|please\s+(?:apply|send|email|submit|reach\s+out)|"
    r"send\s+(?:us\s+)?(?:your|a|an)\s+(?:cv|resume|résumé|application|email)|e-?mail\s+(?:us|your|me)\b|"
    r"interested\?|(?:hiring|interview|application|recruitment|recruiting)\s+process\b|"
    r"(?:if\s+(?:you(?:'re|’re|\s+are)\s+interested|this\s+sounds\s+like)|interested\s+candidates)"
    r"(?=.*\b(?:apply|send|e-?mail|contact|reach\s+out|resume|cv|@))|reach\s+out\b|contact\s+(?:us|me)\b|"
    r"to\s+learn\s+more\s+and\s+apply|ready\s+to\s+apply)", re.I | re.S)
#: ...benefits (at the start)...
BENEFITS_START = re.compile(
    r"^\W*(?:we\s+offer\b|what\s+we\s+offer|(?:our\s+)?(?:benefits|perks)(?:\s+include)?\s*[:\-]|"
    r"(?:our\s+)?(?:benefits|perks)\s+include\b|in\s+return,?\s+we\b)", re.I)
#: ...a company blurb: "We are a ...", "Founded in 2015", "Acme is a ...", "At Acme, we ..." (case-sensitive
#: names; "The role is ..." and "This team is ..." are not companies).
ABOUT_START = re.compile(
    r"^\W*(?:(?i:we\s+are\s+(?:a|an|the|headquartered|based)|we['’]re\s+(?:a|an|the|headquartered|based)|"
    r"founded\s+in|since\s+\d{4}|"
    r"headquartered\s+in)\b|At\s+(?!This\b|The\b|Our\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3},?\s+we\b|"
    r"(?!(?:The|This|That|Our|Your|You|It|He|She|They|There|Here|Each|Every|Who|What|Why|How|Ideal|"
    r"Candidate|Role|Position|Team|Job)\b)(?P<subject>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})(?:\s+\([^()]{1,40}\))?"
    r"\s+(?:(?:is|are)\s+(?:a|an|the|one\s+of|on\s+a\s+mission|building|transforming|revolutionizing|"
    r"reinventing|a\s+leading|the\s+world['’]s)|builds|makes|provides|helps|develops|offers|powers|operates|"
    r"sells|creates|designs|serves|connects|enables)\b)")
#: Words that say a paragraph is about the role, not the company (it is then never boilerplate).
#: ...of which these name a topic a role may work on ("own our data protection programme", "partner with
#: recruitment agencies"): a notice only when the paragraph says nothing of the role's work.
LEGAL_TOPIC = re.compile(r"(?:privacy|data\s+protection|personal\s+data|(?:recruitment|staffing|search)\s+agenc|"
                         r"pay\s+transparency)", re.I)
#: ...what a paragraph about the role's work says: an ask for experience, the work the hire will do, or an
#: imperative opening ("Build the consent service ...").
ROLE_WORK = re.compile(r"\bexperience\s+(?:with|in|of)\b|\bknowledge\s+of\b|\bfamiliar\w*\s+with\b|"
                       r"\byou(?:\s+will|['’]ll)\s+(?:own|build|lead|partner|work|design|drive|manage|develop|run)\b|"
                       r"^\W*(?:build|own|design|lead|drive|develop|implement|partner|manage|work|define|deliver|run|"
                       r"create|maintain|support|ensure|oversee)\b", re.I)
ROLE_CUE = re.compile(
    r"\b(?:you\s+will|you['’]ll|you\s+would|your\s+role|this\s+role|the\s+role|this\s+position|the\s+position|"
    r"looking\s+for|seeking|we\s+are\s+hiring|we['’]re\s+hiring|join\s+(?:us|our\s+team)\s+as|"
    r"responsib\w+|years?\s+of\s+experience|reports?\s+(?:directly\s+)?to|as\s+(?:a|an|our)\s+[A-Z])", re.I)


# ---------------------------------------------------------------- organization cues (extract.organization)

_ORG_NAME = r"(?P<name>[A-Z0-9][\w&'’.+-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&'’.+-]*){0,3})"
#: "Acme is a ...", "Acme (YC W21) is building ...", "Acme, Inc. is the ..." at a sentence start.
ORG_IS = re.compile(rf"^\W*{_ORG_NAME}(?:,?\s+(?:Inc|Ltd|LLC|GmbH|AG|SE|plc|Corp)\.?)?(?:\s+\([^()]{{1,40}}\))?"
                    r"\s+(?:(?:is|are)\s+(?:a|an|the|one|on|used|trusted|backed|\w+ing)\b|(?:was\s+founded|has\s+been|"
                    r"builds|makes|provides|helps|develops|offers|powers|operates|sells|runs|creates|designs|serves|"
                    r"connects|enables)\b)")
#: "At Acme, we ...", "join Acme", "Join us at Acme", "work at Acme", "here at Acme", "Join the Acme team",
#: "WHY JOIN OUR TEAM AT ACME" (the cue words in any case; the name capitalized).
ORG_AT = re.compile(rf"(?:^\W*(?i:At)|\b(?:(?i:join)(?:ing)?(?:\s+us\s+at|\s+the\s+team\s+at|"
                    rf"\s+the(?=\s+[A-Z][\w&'’.+-]*(?:\s+[A-Z][\w&'’.+-]*)?\s+(?:team|family)\b))?|"
                    rf"(?i:here|work|working|career|careers|life|us|team|role|position|opportunity|jobs?)\s+(?i:at))|"
                    rf"^\W*About)\s+{_ORG_NAME}")
#: An e-mail address or a URL: the domain names the employer unless it is a board or a mail service.
ORG_DOMAIN = re.compile(r"(?:[\w.+-]+@|https?://(?:www\.|jobs\.|careers\.|apply\.)?)(?P<domain>[\w-]+(?:\.[\w-]+)+)",
                        re.I)
