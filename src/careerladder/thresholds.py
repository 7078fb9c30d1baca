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
#: Minimum number of role-title headings at one level to split a document into roles.
MIN_ROLES_TO_SPLIT = 2
#: Minimum score for a capitalized phrase to be taken as the organization.
ORGANIZATION_MIN_SCORE = 3.0

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

# --- exports of postings (readers.exports, readers.fields) ---
#: Records of a file looked at to choose its fields (title, company, text...).
RECORDS_SAMPLED_FOR_FIELDS = 50

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
