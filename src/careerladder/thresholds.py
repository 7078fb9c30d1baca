"""Every tunable number in one place, named (no magic numbers elsewhere)."""

from __future__ import annotations

#: Largest input file read, in bytes (a ladder page is rarely over 1 MB; a
#: monthly HN thread export is ~20 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Largest single record (one posting inside a container file), in bytes.
MAX_RECORD_BYTES = 2 * 1024 * 1024
#: Deepest list/heading nesting kept; deeper items are attached at this depth.
MAX_NESTING_DEPTH = 12
#: Longest statement kept, in characters; longer ones are cut and reported.
MAX_STATEMENT_CHARS = 4000
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
