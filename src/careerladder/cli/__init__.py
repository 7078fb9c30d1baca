"""The ``careerladder`` command (typer + rich). Each command lives in its own module of this
package and only parses options, calls the library, and prints; importing a module registers
its commands on ``app``.
"""

from __future__ import annotations

from . import build, inspect, compare, leveling, assess, lint, ingest, report, search, serve, export  # registration order
from .app import app, main

#: The command modules, in the order their commands were registered.
COMMAND_MODULES = (build, inspect, compare, leveling, assess, lint, ingest, report, serve, export)

__all__ = ["app", "main", "COMMAND_MODULES"]
