"""Helpers the page families share: role lookup by URL key, 404s."""

from __future__ import annotations

from fastapi import HTTPException

from ...model import Role
from ...pages.catalog import Catalog, role_id_of


def role_or_404(cat: Catalog, key: str, *, kind: str | None = None) -> Role:
    """The role a URL key names; 404 when the key is malformed, unknown, or of another kind."""
    rid = role_id_of(key)
    role = cat.role(rid) if rid is not None else None
    if role is None or (kind and role.kind != kind):
        raise HTTPException(404, f"no {'level' if kind == 'ladder_level' else 'role'} with key {key!r}")
    return role


def optional_role(cat: Catalog, key: str | None) -> Role | None:
    """The role of an optional query parameter (``None`` when empty); 404 when it names nothing."""
    return role_or_404(cat, key) if key else None
