"""The ``careerladder`` command (typer + rich). Each command lives in its own module of this
package and only parses options, calls the library, and prints.
"""

from __future__ import annotations

from .app import app, main
from . import build as _build  # noqa: F401 - registers commands
from . import inspect as _inspect  # noqa: F401
from . import compare as _compare  # noqa: F401
from . import leveling as _leveling  # noqa: F401
from . import assess as _assess  # noqa: F401
from . import lint as _lint  # noqa: F401
from . import ingest as _ingest  # noqa: F401
from . import report as _report  # noqa: F401
from . import serve as _serve  # noqa: F401
from . import export as _export  # noqa: F401

__all__ = ["app", "main"]
