"""careerladder's exceptions, one hierarchy::

    CareerLadderError
     ├── ReadError        a file cannot be read or decoded, or no reader knows it
     │    ├── LimitError  a file exceeds a size, depth or length limit
     │    ├── NotPostingError  a readable file that holds no posting (an index, derived data)
     │    └── NoInputError  nothing usable in a whole input (every file skipped)
     ├── ParseError       a document was read but holds no usable role
     ├── ResolveError     inheritance cannot be resolved (used by strict callers)
     ├── StoreError       the database refused a write or has a newer schema
     └── EvidenceError    an assessment's evidence file is empty or malformed

Every error's ``str()`` is one line naming the file (and line, when known)
and the problem, so a batch can log it and go on.
"""

from __future__ import annotations


class CareerLadderError(Exception):
    """Base class; ``source`` is the file, ``line`` the 1-based line or None."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = f"{self.source}:{self.line}: " if self.line else f"{self.source}: "
        return f"{where}{self.message}"


class ReadError(CareerLadderError):
    """The file cannot be read: missing, empty, binary, undecodable or of no known format.

    ``reason``: why, in a few words a summary can count files by (``"binary"``, ``"empty"``,
    ``"unknown format"``, ``"too large"``, ``"no documents"``, ``"unreadable"``; the default,
    ``"malformed"``, is a file of a known format that breaks it).
    """

    reason = "malformed"

    def __init__(self, message: str, source: str | None = None, line: int | None = None,
                 reason: str | None = None):
        super().__init__(message, source, line)
        if reason:
            self.reason = reason


class LimitError(ReadError):
    """The input exceeds a limit in ``careerladder.thresholds`` (size, depth, statement length)."""

    reason = "too large"


class NotPostingError(ReadError):
    """The file was read and holds no posting by design: an index of file names, data derived from
    postings (counts, classifications), an export with no records. Reported as ``NOT_A_POSTING``
    (information, not a read error); the message says what the file is."""

    reason = "not a posting"


class NoInputError(ReadError):
    """Nothing usable could be read from a whole input: no file, or no file holding a role.

    ``diagnostics``: one per skipped file or document (each names it and says why).
    """

    reason = "no input"

    def __init__(self, message: str, source: str | None = None, diagnostics: list | None = None):
        super().__init__(message, source)
        self.diagnostics = list(diagnostics or [])


class ParseError(CareerLadderError):
    """The document was read but no role could be made of it.

    ``code``: the diagnostic code (``NO_ROLE``: its title names no role; ``NOT_A_POSTING``: it
    lists many roles, a job board's page or a dashboard); ``reason``: the few words a summary
    counts skipped documents by (``"not a role document"``, ``"not a posting"``).
    """

    code = "NO_ROLE"
    reason = "not a role document"

    def __init__(self, message: str, source: str | None = None, line: int | None = None,
                 code: str | None = None, reason: str | None = None):
        super().__init__(message, source, line)
        if code:
            self.code = code
        if reason:
            self.reason = reason


class ResolveError(CareerLadderError):
    """An inheritance reference cannot be resolved."""


class StoreError(CareerLadderError):
    """The store cannot be opened or written."""


class EvidenceError(CareerLadderError):
    """An evidence file for an assessment is empty or malformed."""
