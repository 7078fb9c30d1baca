"""Every tunable number in one place, named (no magic numbers elsewhere).

A tunable is a number that is a judgement: a score threshold, a weight, a size or count limit, a
bucket edge. Each one is here, grouped by the stage that uses it, with what it is, its unit and
why it has its value. Modules read them at call time as ``thresholds.NAME`` (imported as ``T``),
so a test can ``monkeypatch.setattr(thresholds, NAME, ...)``; a few are read once at import (a
compiled pattern, a FastAPI parameter) and say so.

Not here, on purpose: numbers a format or protocol fixes (HTML heading levels, HTTP status codes,
percent-encoding's three characters per byte, schema and report versions, database migrations),
vocabularies that carry numbers (number words, Roman numerals, the seniority of IC title words,
the competency lexicon's weights), the text grammar's look-around windows (they sit in its
regular expressions), reader sniff confidences (each reader's own answer, only compared with the
others'), the rounding of output numbers (part of the output contracts) and cache sizes.
``tests/test_thresholds.py`` fails on a module-level numeric constant elsewhere that is not on its
commented allow-list.

Changing a value changes results: ``careerladder build`` output for the seeds and the corpus
ladders is the regression check, and the leveling values marked *model* also need the shipped
model retrained (``benchmarks/leveling.py --train``).
"""

from __future__ import annotations

# --- readers (careerladder.readers) ---------------------------------------------------------------
#: Largest input file read, in bytes (a ladder page is rarely over 1 MB; a
#: monthly HN thread export is ~20 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Largest single record (one posting inside a container file), in bytes.
MAX_RECORD_BYTES = 2 * 1024 * 1024
#: Deepest list nesting kept; deeper items are attached at this depth and reported
#: (``NESTING_CLAMPED`` warning, see ``readers.base.limit_warnings``).
MAX_NESTING_DEPTH = 12
#: Longest statement kept, in characters; longer ones are cut and reported (``STATEMENT_CUT`` warning).
MAX_STATEMENT_CHARS = 4000
#: Most words of a tagline line ("Acme: TV on the Internet!") that opens a company blurb and so is
#: marked with it: longer lines are text of their own.
TAGLINE_MAX_WORDS = 8
#: Longest paragraph kept when it can be split into sentences no longer than MAX_STATEMENT_CHARS (a
#: description pasted as one line; the longest in the corpus is about 12,000 characters).
MAX_BLOCK_CHARS = 100_000
#: Deepest markup read: HTML elements, Markdown lists and quotes, YAML front matter. A deeper
#: document is refused with ``LimitError`` (the deepest page in the corpus nests 20 elements).
MAX_MARKUP_DEPTH = 100
#: Most values YAML front matter may hold once its aliases are expanded (the largest in the
#: corpus holds about 300); more is refused with ``LimitError``.
MAX_METADATA_VALUES = 10_000
#: Longest YAML front matter read, in characters (the largest in the corpus is about 17,000;
#: PyYAML reads some 50,000 characters a second).
MAX_FRONT_MATTER_CHARS = 64 * 1024
#: Longest ladder kept as YAML read, in characters (the Financial Times' largest job family is about
#: 70,000; PyYAML reads some 50,000 characters a second, so this is 20 seconds at most).
MAX_LADDER_YAML_CHARS = 1024 * 1024
#: A spreadsheet matrix is a ladder only with at least this many level columns (or rows).
LADDER_MATRIX_MIN_LEVELS = 2
#: Share of a matrix's sniffed rows that must be no wider than its header (a spreadsheet export is
#: rectangular; a hand-written CSV may drop trailing empty cells, and prose with commas is ragged).
LADDER_MATRIX_ROW_SHARE = 0.8
#: Share of the header cells (or of the first column's cells) that must look like levels (a role title
#: or a level code) for the levels to be read as columns (or rows) when no label says which.
LADDER_MATRIX_LEVEL_SHARE = 0.5
#: Bytes sniffed to choose a reader.
SNIFF_BYTES = 4096
#: Share of NUL / control bytes above which a file is treated as binary.
BINARY_CONTROL_RATIO = 0.10
#: Reasons kept per file for skipped records (the count is always exact): enough to see the pattern
#: without flooding the diagnostics of a file with thousands of bad records.
MAX_SKIP_REASONS = 5
#: Lines searched for the closing ``---`` of front matter without an opening one (a header of
#: ``key: value`` lines); a longer search would take a horizontal rule far into the body for its end.
HEADERLESS_FRONT_MATTER_MAX_LINES = 200
#: Keys such a header needs to be front matter (one ``key: value`` line is often prose: "Note: ...").
HEADERLESS_FRONT_MATTER_MIN_KEYS = 2
#: A heading (or bold pseudo-heading) longer than this many words is a sentence (HTML and Markdown).
MAX_HEADING_WORDS = 12
#: A bold ``**Label**:`` longer than this many words is a sentence, not a label (HTML and Markdown).
MAX_LABEL_WORDS = 8
#: A bold run naming a section inside a line ("... <b>Your role</b> As a ...") splits the line only
#: when it has at most this many words (longer bold text is emphasis, not a section name).
HTML_SECTION_MARKER_MAX_WORDS = 5
#: A page's ``<main>``/``<article>`` candidate is its content only with more than this many
#: characters of text (otherwise it is taken for a shell and the whole body is read).
HTML_MAIN_MIN_CHARS = 200
#: Plain text: a line longer than this many words is never a heading.
TEXT_MAX_HEADING_WORDS = 8
#: Plain text: an all-capitals line is a heading from this many letters ("QA" and "UK" are not).
TEXT_CAPS_HEADING_MIN_LETTERS = 3
#: A run of this many "[" or more is held out of Markdown inline parsing (markdown-it is quadratic in
#: it: 24 KB of "[[[..." took 156 ms); read once, when ``readers.markdown`` compiles its pattern.
MARKDOWN_BRACKET_RUN = 8
#: Deepest JSON-LD nesting searched for ``JobPosting`` objects (top level, lists, ``@graph``).
JSONLD_MAX_GRAPH_DEPTH = 6
#: python.org jobs: header lines looked at when sniffing and when searching for the closing ``---``.
PYTHONJOBS_MAX_HEADER_LINES = 80
#: python.org jobs: keys a header without any ``---`` fence needs before a blank line may end it.
PYTHONJOBS_MIN_UNFENCED_KEYS = 3
#: HN pages: most ancestors climbed from a comment's text to its table cell (the cell is a few levels
#: up; the bound stops the climb on a page of another shape).
HN_PAGE_MAX_PARENT_STEPS = 12
#: HN: longest header (characters) read for fields; HN headers are one line. Four times as many
#: characters of HTML are searched for the header's end.
HN_MAX_HEADER_CHARS = 300
#: HN: a company name longer than this many words is a sentence.
HN_MAX_COMPANY_WORDS = 8
#: HN: a header field longer than this many words is prose, not a company, role or location.
HN_MAX_FIELD_WORDS = 10
#: HN: a header with no separator is a company name only when this short (outside brackets).
HN_MAX_SINGLE_FIELD_COMPANY_WORDS = 4
#: HN: a title made of the whole header line is cut to this many characters.
HN_MAX_HEADER_TITLE_CHARS = 120
#: HN: extra words a field may hold besides the location hint and still be the location.
HN_MAX_HINT_EXTRA_WORDS = 2
#: HN: a ``Label: value`` field's label has at most this many words ("Location", "Salary").
HN_MAX_LABEL_WORDS = 2

# --- parse (careerladder.parse) -------------------------------------------------------------------
#: Minimum number of role-title headings at one level to split a document into roles.
MIN_ROLES_TO_SPLIT = 2
#: ...and the least share (0-1) of that level's headings that must be role titles (a document
#: of roles is mostly their headings; a few role-like headings among sections are not roles).
MIN_ROLE_HEADING_SHARE = 0.5
#: Blocks searched for the document's title heading: it opens the document or follows a short preamble.
TITLE_SEARCH_BLOCKS = 5
#: Front-matter ``summary`` holds the company in the remote-jobs format; longer text is a summary.
ORGANIZATION_SUMMARY_MAX_WORDS = 6
#: Evidence needed to call a document without a posting format a job posting, scored as below
#: (and it must outscore the ladder cue phrases, one point each). Three: one cue phrase alone
#: ("apply now" in a ladder's footer, two points) is not enough.
POSTING_MIN_SCORE = 3
#: Points per front-matter key only postings have (``salary``, ``apply_url``...).
POSTING_METADATA_KEY_SCORE = 2
#: Points for a front-matter ``category`` naming a job.
POSTING_JOB_CATEGORY_SCORE = 3
#: Points per weak posting cue phrase ("full-time", "salary").
POSTING_WEAK_CUE_SCORE = 1
#: Points per paragraph that reads as a posting's boilerplate (an equal-opportunity statement, how to apply).
POSTING_BOILERPLATE_PARAGRAPH_SCORE = 2
#: Points for a "Company | Role | Place" first line.
POSTING_HEADER_LINE_SCORE = 3
#: Points for a company name in front-matter ``summary`` (the remote-jobs format).
POSTING_SUMMARY_ORGANIZATION_SCORE = 2
#: Points per posting cue phrase in the text ("we are hiring", "join our team"...).
POSTING_CUE_SCORE = 2
#: Points per benefits, legal or application heading.
POSTING_BENEFITS_HEADING_SCORE = 1
#: Blocks whose text is searched for cue phrases (the opening of a document tells; this bounds the work
#: on long ones).
POSTING_CUE_BLOCKS = 400

# --- plain text and pasted text (readers.text, extract.layout, parse) ------------------------------
#: Plain text: a line standing alone that is neither Title Case nor a section name is a heading up
#: to this many words ("Our stack"); TEXT_MAX_HEADING_WORDS bounds every heading.
MAX_SHORT_HEADING_WORDS = 5
#: Plain text: the key of a "Key: value" line ("Employment type: Full-time") has at most this many words.
MAX_FIELD_KEY_WORDS = 4
#: Pasted text: a paragraph this long (characters) is searched for headings run into the next
#: sentence and lists pasted inline ("Job SummaryWe are...", " * item * item")...
PASTED_MIN_CHARS = 300
#: ...and holds an inline list when it has more than this many " * " / " • " markers.
PASTED_MIN_BULLETS = 2
#: Pasted text: a section name with a dash and a phrase explaining it, right before an inline list, is one
#: heading up to this many words ("Your tasks – this is what awaits you in detail").
MAX_EXPLAINED_HEADING_WORDS = 12
#: Pasted text: a section name run into the end of a list item, with no punctuation, is at most this many
#: words ("... an international environment What we offer * ...").
RUN_ON_HEADING_WORDS = 3
#: Not a posting: a line listing a role has a title and at least this many fields in all
#: ("Engineering Manager · Acme · Dublin · 2d ago"), in at most LISTING_MAX_CHARS characters...
LISTING_MIN_FIELDS = 3
LISTING_MAX_CHARS = 200
#: ...and a page with at least LISTING_MIN_ROLES such lines, making up at least LISTING_MIN_SHARE of
#: its lines, lists roles (a job board, a careers page, a dashboard) instead of describing one.
LISTING_MIN_ROLES = 5
LISTING_MIN_SHARE = 0.3
#: Job postings: points of explicit cues a name needs to be the employer (a "Company:" field 5, a
#: "Company | Role" header 3, an "About Acme" heading 3, "Acme is a ..." 2, "At Acme, we" 2, an e-mail
#: or URL domain 1): one sentence cue, or a domain with any other.
ORGANIZATION_EXPLICIT_MIN = 2
#: ...those points per cue.
ORGANIZATION_CUE_POINTS = {"field": 5, "header": 3, "about": 3, "is": 2, "at": 2, "domain": 1}
#: A city name alone is taken for a place, never the employer, from this many people ("NYC", "London"); a
#: smaller town's name may be a company's too ("Santander", "Zurich").
ORGANIZATION_PLACE_MIN_POPULATION = 1_000_000

# --- extract (careerladder.extract) ---------------------------------------------------------------
#: Minimum score for a capitalized phrase to be taken as the organization (scored as below: one
#: possessive mention reaches it, 1 + 2).
ORGANIZATION_MIN_SCORE = 3.0
#: Organization score: points per mention of a name...
ORGANIZATION_MENTION_SCORE = 1
#: ...more for a possessive mention ("Acme's engineers")...
ORGANIZATION_POSSESSIVE_SCORE = 2
#: ...one more after "at/of/in/for/join", looked for this many characters before the name...
ORGANIZATION_PREPOSITION_SCORE = 1
ORGANIZATION_PREPOSITION_CHARS = 12
#: ...and one more for a multi-word or dotted name ("Mariana Tek", "Vio.com": rarely a common word).
ORGANIZATION_MULTIWORD_SCORE = 1
#: A multi-word name without a possessive or a preposition must be found in this many statements.
ORGANIZATION_MIN_STATEMENTS = 2
#: Acronyms are not organizations: a name of words of at most this many letters ("EM", "VP of QA")...
ORGANIZATION_ACRONYM_WORD_CHARS = 2
#: ...or one word of at most this many characters with two capitals or more ("CvD", "SLOs").
ORGANIZATION_ACRONYM_MAX_CHARS = 6
#: A statement longer than this (in words) is an expectation that also points at a level,
#: not only a reference ("Same as Senior Engineering Manager, plus...").
REFERENCE_MAX_WORDS = 30
#: A referenced level title longer than this many words is a phrase, not a title.
REFERENCE_TITLE_MAX_WORDS = 10
#: Years of experience: more than this many in a sentence is not a person's experience requirement.
MAX_YEARS = 50
#: A bare number under a "Years of experience" heading is years below this.
BARE_YEARS_BELOW = 60
#: Places (extract/gazetteer.py): a GeoNames city this large (people) is also known by the other
#: names GeoNames lists for it that are its name without accents or its name's first words
#: ("Zurich" for Zürich, "Frankfurt" for Frankfurt am Main); smaller towns only by their own name.
PLACE_ALIAS_MIN_POPULATION = 100_000
#: ...and also by another name GeoNames lists that differs from its own in at most this many letters
#: (same first letter): "Ghent" for Gent, "Antwerp" for Antwerpen.
PLACE_SPELLING_EDITS = 2
#: ...and a city this large counts as a place where a sentence names it only after "in" beside a
#: place already said to be the role's ("remote within Germany, or in our Berlin office"); a
#: smaller one needs a cue of its own there ("in Delta Lake" is no place).
PLACE_MAJOR_CITY_POPULATION = 500_000
#: A heading this long (characters) or shorter that names only places and ways of working is read as
#: the role's place ("Remote - Philippines", "London, UK (Hybrid)" standing alone above the text).
PLACE_LINE_MAX_CHARS = 80
#: Team size: fewer than this many people is not a team size (a team of one).
MIN_TEAM_SIZE = 2
#: ...and more than this many is a company's headcount or user count, not a team.
MAX_TEAM_SIZE = 100_000
#: Direct reports: more than this many is not a span of control.
MAX_DIRECT_REPORTS = 500

# --- classify (careerladder.classify) -------------------------------------------------------------
#: Score (0-1, ``1 - exp(-sum of lexicon weights)``) from which a statement has a competency.
CLASSIFY_MIN_SCORE = 0.45
#: A statement with no competency at ``CLASSIFY_MIN_SCORE`` keeps its best one from this score.
CLASSIFY_FALLBACK_SCORE = 0.25
#: Competencies kept per statement, best first (a statement rarely speaks of more).
CLASSIFY_MAX_COMPETENCIES = 3
#: Weight of the section heading's and a bold label's words against the statement's own (half:
#: a heading speaks for every statement below it, weakly).
CLASSIFY_CONTEXT_WEIGHT = 0.5

# --- resolve (careerladder.resolve) ---------------------------------------------------------------
#: A link to a level by file path matches a file sharing at least this many trailing path parts
#: (the file name and its folder: a file name alone, ``senior.md``, is often in several ladders).
RESOLVE_MIN_PATH_PARTS = 2
#: A company's display name is the organization named by at least this share (0-1) of its levels that
#: name one (when they name several; one alone is taken as it is).
RESOLVE_CONSENSUS_SHARE = 0.5
#: Where a level whose title names no canonical level sorts among em (0) .. cto (5): the middle.
RESOLVE_UNKNOWN_LEVEL_RANK = 2.5
#: An executive or senior VP's title stands this much above a VP's when ordering a track.
RESOLVE_SENIOR_VP_STEP = 0.5
#: A page lists levels highest first when at least this many consecutive pairs of its titles go down
#: (and more go down than up): one pair is too little to overrule how the ladder lists its levels.
RESOLVE_MIN_DESCENDING_PAIRS = 2
#: Two pages of one track under one title are one level (the second a ``duplicate`` variant) when at least
#: this share of their statements is the same (Jaccard); below it they stay two levels and lint reports
#: DUPLICATE_TITLE. The corpus' repeated pages share 80-100% of their statements, distinct levels under one
#: title (Abtion's three "Senior Engineering Manager") under 20%.
VARIANT_DUPLICATE_OVERLAP = 0.5
#: Company tracks shown as columns of ``calibrate``'s cross-company table (more are listed by level).
CALIBRATE_MATRIX_MAX_TRACKS = 8

# --- leveling (careerladder.leveling) -------------------------------------------------------------
# Values marked *model* shape the model's features or its training: change them, retrain the model.
#: *model* Years-of-experience indicator features ``years>=N``, and team-size ones ``team>=N``; read
#: at import, they name the model's columns (``leveling.FEATURES``).
LEVEL_YEAR_BINS = (3, 5, 8, 10, 12, 15)
LEVEL_TEAM_BINS = (10, 25, 50, 100, 500)
#: *model* Years requirements above this are ignored as features (a misread number).
LEVEL_MAX_YEARS = 40
#: *model* ``years:max`` is the most years asked, capped at this many...
LEVEL_YEARS_CAP = 25
#: *model* ...``years:management`` the most management or leadership years, capped at this many...
LEVEL_MANAGEMENT_YEARS_CAP = 20
#: *model* ...both divided by this (to about the scale of the other features).
LEVEL_YEARS_SCALE = 10
#: *model* Shortest word (characters) that is a word feature (one-letter tokens say nothing of a level).
LEVEL_MIN_TERM_CHARS = 2
#: *model* Scale of the standardized named features against the word features.
LEVELER_NAMED_SCALE = 0.2
#: *model* Scale of the unit-length TF-IDF word vector.
LEVELER_WORDS_SCALE = 1.0
#: *model* Largest word vocabulary, used by most companies first.
LEVELER_MAX_TERMS = 4000
#: *model* A term is in the vocabulary when at least this many companies use it...
LEVELER_MIN_DF = 5
#: *model* ...in at least this many sources (templates): words one source repeats are not level words.
LEVELER_MIN_SOURCES = 2
#: *model* Inverse regularization of the level stage (ordinal) and of the management stage.
LEVELER_C = 1.0
LEVELER_C_IC = 1.0
#: *model* Exponent of the per-(source, level) down-weighting of the level stage: 0 weights every
#: role alike (a template's share of one level is then learned as a level), 1 makes each (source,
#: level) cell count the same. 0.5 and 1 were tried (leave-one-source-out): no gain, so 0.
LEVELER_SOURCE_BALANCE = 0.0
#: *model* Folds (grouped by company) whose out-of-fold scores fit the temperatures.
LEVELER_CALIBRATION_FOLDS = 3
#: *model* Value of the threshold indicator columns of the ordinal fit (large, so the thresholds are
#: barely regularized).
LEVELER_THRESHOLD_SCALE = 10.0
#: *model* Iterations allowed to the logistic regression's solver when training (a bound, not a target).
LEVELER_MAX_ITER = 5000
#: Prior on the final scores from a title that clearly names a level: weight at distance 0, 1, 2+
#: (a clear title wins unless the text strongly disagrees).
LEVEL_TITLE_PRIOR = (0.995, 0.004, 0.001)
#: The text abstains ("too little role content") under this many words in its expectations...
LEVEL_ABSTAIN_MIN_WORDS = 15
#: ...("not in English") when under this share of its words are English stop words (English prose
#: has 35-50%; ``LEVEL_ABSTAIN_MIN_WORDS`` words needed to judge)...
LEVEL_ABSTAIN_MIN_ENGLISH = 0.15
#: ...("evidence split between X and Y") when its best management level has under this probability
#: and that level with its neighbours under ``LEVEL_ABSTAIN_MIN_WITHIN_ONE``. 0 turns the rule off:
#: the ordinal model's one level score cannot split evidence (its distribution is one hump), so the
#: rule only abstained on flat, low-confidence roles, and leave-one-source-out it cost more than it
#: saved (at 0.3/0.45: macro-F1 0.24 -> 0.21, within-one 0.60 -> 0.56, ECE of the level answers
#: 0.073 -> 0.090, director recall 0.18 -> 0.05; 0.25/0.4 and 0.2/0.35 fired as often).
LEVEL_ABSTAIN_MIN_CONFIDENCE = 0.0
LEVEL_ABSTAIN_MIN_WITHIN_ONE = 0.0
#: A title is inflated (or deflated) when the text gives less than this probability to the
#: title's level and its two neighbours together...
LEVEL_INFLATION_MAX_SUPPORT = 0.25
#: ...and the text is confident of its own answer: its level with its neighbours has at least this.
LEVEL_INFLATION_MIN_CONFIDENCE = 0.7
#: Evidence items kept per role (the strongest), and the smallest weight (what the item adds to the
#: level score, in the ordinal model's logits) an item needs.
LEVEL_MAX_EVIDENCE = 8
LEVEL_MIN_EVIDENCE_WEIGHT = 0.02
#: Words named per evidence item ("words: board, executive"), strongest first.
LEVEL_EVIDENCE_WORDS = 3
#: Speed only, not a judgement: a statement whose quick word sum is this far below the evidence cut is
#: not computed exactly (``leveling.level._word_candidates``). Far above float error (~1e-15) and
#: above twice the 0.0005 rounding of evidence weights, so evidence is the same as computing all.
LEVEL_EVIDENCE_MARGIN = 0.002

# --- diff (careerladder.diff) ---------------------------------------------------------------------
#: rapidfuzz token-set ratio (0-100) from which two expectations say the same thing.
DIFF_SIMILARITY = 85

# --- ladder lint (careerladder.lint) --------------------------------------------------------------
#: Uneven jumps: a step (what a level adds over the level below it, counted in expectations)
#: is uneven when it is over HIGH_RATIO times or under LOW_RATIO times the track's median step...
LINT_UNEVEN_HIGH_RATIO = 2.0
LINT_UNEVEN_LOW_RATIO = 0.5
#: ...and differs from the median by at least this many expectations (small ladders are noisy)...
LINT_UNEVEN_MIN_DIFFERENCE = 3
#: ...in a track with at least this many steps (a median of two steps says little).
LINT_UNEVEN_MIN_STEPS = 3
#: Competencies named in an uneven step's message, most added first.
LINT_UNEVEN_TOP_COMPETENCIES = 3
#: Coverage drop: the level below covers a competency with at least this many expectations.
LINT_COVERAGE_DROP_MIN = 2
#: Coverage gap: at least this many other levels of the progression, all covering the competency...
LINT_COVERAGE_MIN_PEERS = 3
#: ...each with at least this many expectations in it (one stray word is not coverage).
LINT_COVERAGE_GAP_PEER_MIN = 2
#: Empty step: rapidfuzz ratio (0-100, on lower-cased words) from which a level's statement copies one of
#: the level below (stricter than DIFF_SIMILARITY's "says the same thing": one new scope word is a change).
LINT_EMPTY_STEP_SIMILARITY = 90
#: Repeats: rapidfuzz ratio (0-100, on lower-cased words) from which two statements are the same...
LINT_REPEAT_SIMILARITY = 90
#: ...counted for statements of at least this many words.
LINT_REPEAT_MIN_WORDS = 4
#: Vague wording: statements longer than this many words are not judged (long sentences carry verbs
#: the action-verb list does not know).
LINT_VAGUE_MAX_WORDS = 20
#: Level mismatch: the text reads at least MIN_GAP canonical levels away from the title's level, with at
#: least MIN_CONFIDENCE of the leveler's probability that far away, for a level stating at least
#: MIN_STATEMENTS expectations of its own (leveling two bullets says little).
LINT_LEVEL_MISMATCH_MIN_GAP = 2
LINT_LEVEL_MISMATCH_MIN_CONFIDENCE = 0.8
LINT_LEVEL_MISMATCH_MIN_STATEMENTS = 5
#: Document order of IC titles: the seniority (``lint.words.IC_SENIORITY`` scale) of a title with no
#: seniority word ("Software Engineer" is mid-level)...
LINT_PLAIN_IC_SENIORITY = 2.0
#: ...and the step a level numeral adds within one seniority word ("Engineer II" above "Engineer I",
#: below the next word: nine numerals stay under one step of the scale).
LINT_NUMERAL_STEP = 0.1

#: Vague wording: a list whose items mostly have at most this many words and no action is a list of names
#: (competencies, topics, books), not of expectations.
LINT_NAME_MAX_WORDS = 4

#: A line of at most this many words that holds a link and no sentence is navigation, not an expectation.
LINT_NAVIGATION_MAX_WORDS = 6

# --- assess (careerladder.assess) -----------------------------------------------------------------
#: Score (0-1) from which an expectation is met by an evidence item.
ASSESS_MET_SCORE = 0.40
#: Score (0-1) from which an expectation is partly evidenced.
ASSESS_PARTLY_SCORE = 0.28
#: Share of an item's score from TF-IDF cosine; the rest comes from shared competencies.
ASSESS_LEXICAL_WEIGHT = 0.75
#: Score of an item on an expectation it is explicitly tagged with.
ASSESS_TAG_SCORE = 1.0
#: rapidfuzz ratio (0-100) from which a tag quoting an expectation's words names it.
ASSESS_TAG_TEXT_SIMILARITY = 90
#: Evidence items kept per expectation (best first).
ASSESS_MAX_MATCHES = 3
#: Readiness credit per status (0-1): partly evidenced counts half.
ASSESS_CREDIT: dict[str, float] = {"met": 1.0, "partly": 0.5, "not_evidenced": 0.0}
#: Shortest word (characters) matched between evidence and expectations (one letter says nothing).
ASSESS_MIN_TERM_CHARS = 2
#: An "N+ years" expectation is partly evidenced when the dated experience falls short by at most this many
#: years (benchmarks/assessment/RULES.md, section 3: the rule the hand labels follow).
ASSESS_YEARS_SHORT = 2
#: A headcount statement ("a group of 20-40 people") is partly evidenced when the largest number of people the
#: evidence gives is at least this share of the number asked (19 of 20: the right kind, clearly close), not
#: evidenced below it (assess.scope; RULES.md section 4).
ASSESS_SCOPE_PARTLY_SHARE = 0.75
#: HybridMatcher: when the evidence shows reports of the rank an expectation asks ("hire directors": five
#: directors report to me), the items naming that rank score at least this on it.
ASSESS_RANK_SCORE = 1.0
#: HybridMatcher (the default matcher): weight of the TF-IDF cosine of an item and an expectation...
ASSESS_WORDS_WEIGHT = 1.0
#: ...of their centered embedding cosine (careerladder.embed; below 0 counts 0)...
ASSESS_MEANING_WEIGHT = 1.0
#: ...and of their competency agreement (the sum is clipped to 1). The three, and the two below, were set by a
#: grid on the tuning half of benchmarks/assessment (its TUNE_DOCUMENTS) and checked on the other half.
ASSESS_COMPETENCY_WEIGHT = 0.4
#: HybridMatcher: an item and an expectation sharing fewer stems and stem pairs than this get no words score
#: (one shared stem is chance: "Organized the summer party" and "members and organizers").
ASSESS_MIN_SHARED_TERMS = 2
#: HybridMatcher: an item sharing no words with an expectation matches it only from this centered embedding
#: cosine ("Baked bread for the team" is near every "...for the team" at 0.2-0.3 and evidences none of them).
ASSESS_MEANING_ALONE = 0.2
#: HybridMatcher, round 3: word alignment (assess.wordalign) is centered on the mean of the model's this many most
#: frequent words (the direction every word shares)...
ASSESS_ALIGN_CENTER_WORDS = 5_000
#: ...weights each word by log(its frequency rank + this) (rare words say more)...
ASSESS_ALIGN_RANK_OFFSET = 50.0
#: ...and counts as a meaning score of (alignment - this) x ASSESS_ALIGN_SCALE (the larger of it and the centered
#: sentence cosine is used): the alignment of an item and an expectation a labeller did not connect sits around
#: 0.34 (median, tune half), of a cited pair around 0.45. 0.33 / 0.36 / 0.39 tried on the tune half: 0.36 best...
ASSESS_ALIGN_ZERO = 0.36
#: ...so that a cited pair scores about as the centered sentence cosine does (1.5 / 2 / 2.5 / 3 tried: 2 best).
ASSESS_ALIGN_SCALE = 2.0
#: An evidence item is credited to at most this many expectations of the level and the next (its best ones;
#: 6 in round 2; 7 / 8 / 10 tried with word alignment on the tune half: 8 best on readiness, 7 as good on agreement)...
ASSESS_ITEM_MAX_EXPECTATIONS = 8
#: ...unless it scores at least this on more: then it truly covers them (RULES.md section 5).
ASSESS_ITEM_COVERS_SCORE = 0.6
#: A negative cue ("not", "never", "rarely", "gap") among an item's first this many words makes it a remark
#: that something is missing: it evidences nothing (a manager's "has not yet coached anyone").
ASSESS_NEGATION_WORDS = 6
#: HybridMatcher: a negative remark scoring at least this on an expectation is about it (set on the tuning half:
#: from 0.7 "has never given a talk" reads as about "people feel safe to speak up")...
ASSESS_NEGATIVE_SCORE = 0.75
#: ...when it also scores at least this share of the best other item's score there (1: it is the best match)...
ASSESS_NEGATIVE_BEST_SHARE = 1.0
#: ...and then no item scores above this on that expectation ("has never given a talk" is evidence that
#: "give talks" is not met: RULES.md section 1).
ASSESS_NEGATIVE_CAP = 0.0
#: HybridMatcher: an act of a compound expectation ("..., and own the delivery commitments") is evidenced when
#: some item scores at least this on it alone; when one is not, the expectation is partly at most
#: (assess.parts; RULES.md section 2).
ASSESS_PART_SCORE = 0.4
#: Words of an evidence item or an expectation quoted in a competency's explanation (CompetencyReadiness.why).
ASSESS_WHY_WORDS = 12

# --- store (careerladder.store): search, snippets, paging -----------------------------------------
#: Matching statements (the most recently stored) that ``search`` ranks: bm25 over all matches of a
#: word in every posting is slow (148 ms at p95 in ``benchmarks/search.py``), a window stays fast.
SEARCH_WINDOW = 500
#: Search results returned and shown when the caller asks for no other number.
SEARCH_RESULTS = 50
#: Words of context kept on each side of the first matched word in a snippet.
SEARCH_SNIPPET_CONTEXT = 8
#: Leading letters of a query word that a text word must share to be marked (stands in for stemming).
SEARCH_SNIPPET_STEM = 4
#: A filtered search first reads this many windows of unfiltered matches and checks the filters on them.
SEARCH_OVERFETCH = 4
#: A filtered search ranks at least this many times ``limit`` matches (fewer only when fewer exist).
SEARCH_FILTERED_RANKED = 2
#: A filter is left to the full-text index when the over-read windows would keep fewer than this
#: many times the matches needed (reading more windows would not find enough).
SEARCH_INDEX_FILTER_FACTOR = 2
#: Matches read for a common filter: a window divided by the filter's share, times this margin.
SEARCH_WINDOW_MARGIN = 1.25
#: SQLite: rowids per ``IN (...)`` list (under the 999 host variables SQLite before 3.32 allows).
SQLITE_IN_CHUNK = 900
#: PostgreSQL: roles fetched per round trip by ``roles()`` (keyset pagination, no long transaction).
POSTGRES_PAGE_ROWS = 1000
#: PostgreSQL snippets (``ts_headline``): at most and at least this many words, like the SQLite
#: snippet's 2 × ``SEARCH_SNIPPET_CONTEXT``; words this short or shorter do not start or end one.
POSTGRES_HEADLINE_MAX_WORDS = 16
POSTGRES_HEADLINE_MIN_WORDS = 6
POSTGRES_HEADLINE_SHORT_WORD = 2

# --- report and render (careerladder.report, careerladder.render) ---------------------------------
#: Market report: competencies listed per level.
REPORT_TOP_COMPETENCIES = 6
#: Market report histogram buckets (inclusive bounds; None = open-ended) for years of experience
#: and team size.
REPORT_YEARS_BUCKETS: tuple[tuple[float, float | None], ...] = (
    (0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 14), (15, None))
REPORT_TEAM_BUCKETS: tuple[tuple[float, float | None], ...] = (
    (1, 5), (6, 10), (11, 20), (21, 50), (51, 100), (101, 250), (251, None))
#: Assessment packet: competencies named as strongest / weakest in the summary.
PACKET_SUMMARY_COMPETENCIES = 3
#: Pixel size of a radar chart (the static compare page overlays two charts of this size).
RADAR_SIZE = (560, 460)
#: Pixel size of a level × competency dot matrix: width, then height per level row, plus margins.
MATRIX_WIDTH = 900
MATRIX_ROW_HEIGHT = 46
MATRIX_MARGIN = 190
#: Pixel size of the assessment charts (radar and progress over time).
ASSESSMENT_CHART_SIZE = (800, 480)

# --- pages, site and web (careerladder.pages, careerladder.site, careerladder.web) ----------------
#: Steps of the heatmap colour scale (``heat-0`` .. ``heat-5`` in site.css).
HEAT_STEPS = 5
#: Source files larger than this many bytes are not shown (their pages name the path instead).
SOURCE_MAX_BYTES = 2_000_000
#: Job postings listed on the overview (the rest are reachable through search and /roles).
OVERVIEW_POSTINGS = 200
#: Longest key used as a file name as is; longer ones are cut and given a hash (file systems
#: allow 255 bytes; room is left for the folder and suffix).
FILE_KEY_MAX_CHARS = 150
#: A lint severity group with more findings than this starts folded (``<details>`` without ``open``).
LINT_OPEN_MAX = 25
#: Longest person's name accepted from the assessment form (the web app reads it once, at import,
#: into its query parameters' ``max_length``).
PERSON_MAX_CHARS = 200
#: Job postings given pages in the static site (all ladder levels always are); the rest are left to
#: ``careerladder serve`` and said so on the overview and in ``SiteResult.postings_left_out``.
SITE_MAX_POSTINGS = 2000
#: Ladders with at most this many levels get a static diff page for every pair of levels; longer ones
#: (the corpus has ladders of 40+ levels) for each level and the next only.
DIFF_ALL_PAIRS_MAX_LEVELS = 8
#: Job postings offered in the web app's pickers (any role can still be named by its key in the URL).
PICKER_POSTINGS = 500
#: Job postings listed on the web app's /roles (all ladder levels always are).
ROLES_PAGE_POSTINGS = 1000
#: Most fields one form may post (ours have six).
MAX_FORM_FIELDS = 20
#: Room in a form body for the fields other than the big one (names, level key, person, date...), bytes.
FORM_OVERHEAD_BYTES = 64 * 1024
#: Longest values the web app accepts in query parameters (read once, at import, into FastAPI's
#: ``max_length``): free text (search words, an organization name)...
QUERY_TEXT_MAX_CHARS = 200
#: ...an id (a canonical level, a competency)...
QUERY_ID_MAX_CHARS = 40
#: ...a role kind (``ladder_level``, ``job_posting``)...
QUERY_KIND_MAX_CHARS = 20
#: ...and a level's URL key (its path relative to the input, escaped).
QUERY_LEVEL_KEY_MAX_CHARS = 600

# --- pipeline (careerladder.pipeline) -------------------------------------------------------------
#: Documents written per store transaction.
BATCH_DOCUMENTS = 500
#: Files in flight per worker process (bounds memory: results of at most this many files wait).
FILES_IN_FLIGHT_PER_JOB = 2
#: Dask: bytes of JSON Lines per partition when reading a dataset.
DASK_BLOCKSIZE = 16 * 1024 * 1024
#: Dask: files analyzed per task (amortizes the scheduler's per-task overhead over small files).
DASK_FILES_PER_TASK = 16
#: Dask: records per part file written by ``write_dataset`` (Parquet row groups / JSONL lines per file).
DASK_RECORDS_PER_PART = 2000

# --- cli (careerladder.cli) -----------------------------------------------------------------------
#: ``build`` shows a progress bar from this many input files (a few files finish before it draws).
PROGRESS_MIN_FILES = 20
#: Seconds between two progress lines when stderr is not a terminal (``cli.progress.Reporter``).
PROGRESS_SECONDS = 5.0
#: Problems ``careerladder ingest`` prints on the terminal before "... N more in <error log>".
CLI_PRINTED_PROBLEMS = 50

# --- exports of postings (readers.exports, readers.fields, readers.listing) ---
#: Records of a file looked at to choose its fields (title, company, text...).
RECORDS_SAMPLED_FOR_FIELDS = 50
#: A CSV header cell longer than this is prose, not a field name.
RECORDS_MAX_COLUMN_NAME_CHARS = 60
#: Keys listed when a JSON file is refused as not postings.
RECORDS_MAX_KEYS_NAMED = 8
#: Unix times (seconds) read as dates lie between these years.
RECORDS_EPOCH_YEARS = (1990, 2100)
#: A file listing (``readers.listing``) has at least this many path lines...
LISTING_FILE_MIN_LINES = 2
#: ...and a path there ends in an extension of at most this many characters.
LISTING_FILE_MAX_EXTENSION = 5

# --- duplicate postings (readers.fingerprint, store.duplicates) ---
#: Words a posting's text shingle is made of (word n-grams compared by MinHash).
SHINGLE_WORDS = 5
#: MinHash permutations per posting (the signature is this many 32-bit values)...
MINHASH_PERMUTATIONS = 128
#: ...cut into this many bands of MINHASH_PERMUTATIONS / MINHASH_BANDS values for the LSH lookup: two
#: postings sharing a band are compared (16 bands of 8: a pair at Jaccard 0.8 shares one 95% of the time).
MINHASH_BANDS = 16
#: Estimated Jaccard similarity of word shingles from which two postings with the same title are one.
NEAR_DUPLICATE_SIMILARITY = 0.8
#: Postings with fewer words than this are never folded (a title and a line say too little).
DUPLICATE_MIN_WORDS = 30
#: Stored postings compared with a new one, the ones sharing the most bands first.
DUPLICATE_CANDIDATES = 20
#: Share of a text file's lines that name a path from which it is an index file, not a posting.
LISTING_SHARE = 0.9

# --- statement embeddings (careerladder.embed) and what uses them ---
#: GloVe words kept, most frequent first (GloVe's list is in frequency order): 50,000 scored better than
#: all 400,000 on benchmarks/embeddings/pairs.jsonl (rare words carry mostly noise) and load faster.
EMBED_VOCABULARY = 50_000
#: Statements embedded per call in the analysis path and the store's backfill (bounds memory, not results).
EMBED_BATCH = 4096
#: Hybrid search: how deep each list (full-text, embedding) is read before the two are fused.
HYBRID_CANDIDATES = 50
#: Reciprocal rank fusion: a hit at rank r of a list scores weight / (HYBRID_RRF_K + r); 60 is the constant
#: of the method's paper (Cormack et al., 2009), not fitted here.
HYBRID_RRF_K = 60
#: Weight of the full-text list against the embedding list (1) in the fusion: full-text counts more, since a
#: statement holding the query's own words is the surest hit.
HYBRID_FTS_WEIGHT = 2.0
#: Hybrid search, pseudo-relevance feedback (Rocchio): the query vector is moved towards the mean of its first
#: HYBRID_FEEDBACK_DOCS nearest statements, weighted HYBRID_FEEDBACK_WEIGHT, and searched again (0 docs: off).
#: Chosen among feedback off / 5 / 10 / 20 docs and weights 0.5 / 1.0 on the "tune" half of
#: benchmarks/search_eval only (its README); the "check" half is printed beside, never used to choose.
HYBRID_FEEDBACK_DOCS = 10
HYBRID_FEEDBACK_WEIGHT = 1.0
#: Statements from which SQLite search by meaning uses the approximate index kept beside the database
#: (store/ann.py); below, exact search over every vector in memory is fast (~1 ms at 50,000) and nothing is
#: written beside the database.
VECTOR_INDEX_MIN = 50_000
#: HNSW graph (usearch): links per node, and candidate lists while adding and searching. Larger means better
#: recall and slower builds; recall@10 against exact search is printed by benchmarks/search.py. Adding: 12 / 32
#: (the 10^6 build took 8.6 min on 2 shared cores); searching: 512, read at 64 / 128 / 256 / 512 / 1024 on the
#: 10^6 database: recall@10 0.56 / 0.80 / 0.84 / 0.88 / 0.89 for 0.6 / 0.4 / 0.5 / 0.9 / 1.8 ms at p50.
VECTOR_INDEX_CONNECTIVITY = 12
VECTOR_INDEX_EXPANSION_ADD = 32
VECTOR_INDEX_EXPANSION_SEARCH = 512
#: Changes (statements inserted, deleted or re-embedded since the index files were written) above this share
#: of the indexed statements rebuild the graph instead of updating it.
VECTOR_INDEX_REBUILD_SHARE = 0.5
#: A search filter passing at most this many statements is answered exactly over them (float16 vectors,
#: memory-mapped: ~2 ms at this size); a broader one reads the graph deeper and filters its answers...
VECTOR_EXACT_FILTERED = 50_000
#: ...k / (share of statements passing) x this deep, so that about k pass even when they sit unevenly.
VECTOR_FILTER_MARGIN = 2.0
#: Filters whose passing statements (and, for the exact path, their vectors) are kept in memory per connection
#: until the index changes (a filter is a few comparisons over 10^6 codes, ~5 ms, worth doing once).
VECTOR_FILTER_CACHE = 8
#: Aligning two levels' expectations (diff.align): a pair is "similar" when its similarity (the mean of the
#: centered embedding cosine and the cosine of the two statements' competency scores) reaches this...
ALIGN_SIMILAR = 0.60
#: ...and its centered embedding cosine alone reaches this (the same competency is not enough by itself).
#: Both set by reading the pairs of seed 001 against GitLab's Director; checked on two other company pairs
#: (tests/fixtures/alignment/README.md).
ALIGN_MIN_MEANING = 0.50
#: ...and each statement holds at least this many words the model knows ("Product strategy." is a heading
#: in a list, and two words say too little to be the same expectation as a sentence).
ALIGN_MIN_WORDS = 3
#: Lint NEAR_DUPLICATE: centered embedding cosine from which an own expectation says what an inherited one
#: already says (set by reading the corpus ladders' findings: docs/lint.md).
LINT_NEAR_DUPLICATE_MEANING = 0.85
#: Lint CROSS_LADDER_DRIFT: two ladders' levels of one canonical level whose competency coverages (expectations
#: per competency) have a cosine under this ask very differently...
LINT_DRIFT_COVERAGE = 0.5
#: ...when each has at least this many effective expectations (a level of three says too little to compare).
LINT_DRIFT_MIN_EXPECTATIONS = 6
#: ...between statements that differ in at least this many words (one or two words changed is a repeat or a
#: deliberate step: "minor" / "major" process improvements).
LINT_NEAR_DUPLICATE_MIN_CHANGED = 3
