"""Stores: SQLite by default (a path or ``sqlite:///path``), PostgreSQL for ``postgresql://`` URLs.

>>> store = open_store(":memory:")
>>> type(store).__name__
'SQLiteStore'
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from ..errors import StoreError
from .base import DocumentRecord, SearchHit, Store
from .sqlite import SQLiteStore


def open_store(url: str | Path, *, readonly: bool = False) -> Store:
    """The store at ``url``: a file path, ``sqlite:///path``, ``:memory:``, or ``postgresql://...``.

    Raises ``StoreError`` for an unknown scheme or a database that cannot be opened.
    """
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        if find_spec("psycopg") is None:  # psycopg is the optional "postgres" extra
            raise StoreError("PostgreSQL needs the 'postgres' extra: pip install 'careerladder[postgres]'", text)
        from .postgres import PostgresStore

        return PostgresStore(text, readonly=readonly)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    elif "://" in text:
        raise StoreError("unknown database URL scheme (use a path, sqlite:///path or postgresql://...)", text)
    return SQLiteStore(text, readonly=readonly)


__all__ = ["open_store", "Store", "SQLiteStore", "DocumentRecord", "SearchHit"]
