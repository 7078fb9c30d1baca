"""Every tunable number in one place, named (no magic numbers elsewhere)."""

from __future__ import annotations

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
#: Bytes sniffed to choose a reader.
SNIFF_BYTES = 4096
#: Share of NUL / control bytes above which a file is treated as binary.
BINARY_CONTROL_RATIO = 0.10

#: A heading (or bold pseudo-heading) longer than this many words is a sentence.
MAX_HEADING_WORDS = 12
#: Plain text: a line standing alone is a heading up to this many words ("What you'll do")...
MAX_PLAIN_HEADING_WORDS = 8
#: ...and, when it is neither Title Case nor a section name, up to this many ("Our stack").
MAX_SHORT_HEADING_WORDS = 5
#: Plain text: the key of a "Key: value" line ("Employment type: Full-time") has at most this many words.
MAX_FIELD_KEY_WORDS = 4
#: Pasted text: a paragraph this long (characters) is searched for headings run into the next
#: sentence and lists pasted inline ("Job SummaryWe are...", " * item * item")...
PASTED_MIN_CHARS = 300
#: ...and holds an inline list when it has more than this many " * " / " • " markers.
PASTED_MIN_BULLETS = 2
#: Not a posting: a line listing a role has a title and at least this many fields in all
#: ("Engineering Manager · Acme · Dublin · 2d ago"), in at most LISTING_MAX_CHARS characters...
LISTING_MIN_FIELDS = 3
LISTING_MAX_CHARS = 200
#: ...and a page with at least LISTING_MIN_ROLES such lines, making up at least LISTING_MIN_SHARE of
#: its lines, lists roles (a job board, a careers page, a dashboard) instead of describing one.
LISTING_MIN_ROLES = 5
LISTING_MIN_SHARE = 0.3
#: Minimum number of role-title headings at one level to split a document into roles.
MIN_ROLES_TO_SPLIT = 2
#: Minimum score for a capitalized phrase to be taken as the organization.
ORGANIZATION_MIN_SCORE = 3.0
#: Job postings: points of explicit cues a name needs to be the employer (a "Company:" field 5, a
#: "Company | Role" header 3, an "About Acme" heading 3, "Acme is a ..." 2, "At Acme, we" 2, an e-mail
#: or URL domain 1): one sentence cue, or a domain with any other.
ORGANIZATION_EXPLICIT_MIN = 2

# --- ladder lint (careerladder.lint) ---
#: Uneven jumps: a step (what a level adds over the level below it, counted in expectations)
#: is uneven when it is over HIGH_RATIO times or under LOW_RATIO times the track's median step...
LINT_UNEVEN_HIGH_RATIO = 2.0
LINT_UNEVEN_LOW_RATIO = 0.5
#: ...and differs from the median by at least this many expectations (small ladders are noisy)...
LINT_UNEVEN_MIN_DIFFERENCE = 3
#: ...in a track with at least this many steps (a median of two steps says little).
LINT_UNEVEN_MIN_STEPS = 3
#: Coverage drop: the level below covers a competency with at least this many expectations.
LINT_COVERAGE_DROP_MIN = 2
#: Coverage gap: at least this many other levels of the track, all covering the competency.
LINT_COVERAGE_MIN_PEERS = 3
#: Repeats: rapidfuzz ratio (0-100, on lower-cased words) from which two statements are the same...
LINT_REPEAT_SIMILARITY = 90
#: ...counted for statements of at least this many words, found as own text at this many levels.
LINT_REPEAT_MIN_WORDS = 4
LINT_REPEAT_MIN_LEVELS = 3
#: Vague wording: statements longer than this many words are not judged (long sentences carry verbs
#: the action-verb list does not know).
LINT_VAGUE_MAX_WORDS = 20
#: Level mismatch: the text reads at least MIN_GAP canonical levels away from the title's level, with at
#: least MIN_CONFIDENCE of the leveler's probability that far away, for a level stating at least
#: MIN_STATEMENTS expectations of its own (leveling two bullets says little).
LINT_LEVEL_MISMATCH_MIN_GAP = 2
LINT_LEVEL_MISMATCH_MIN_CONFIDENCE = 0.8
LINT_LEVEL_MISMATCH_MIN_STATEMENTS = 5

#: Seconds between two progress lines when stderr is not a terminal (``cli.progress.Reporter``).
PROGRESS_SECONDS = 5.0
#: Problems ``careerladder ingest`` prints on the terminal before "... N more in <error log>".
CLI_PRINTED_PROBLEMS = 50
