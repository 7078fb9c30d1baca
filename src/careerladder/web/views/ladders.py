"""Overview, role list, level and role pages (each with its ``.json`` twin, ``web.twins``), and source pages.

Each context function takes the page's parameters and the ``Site`` and returns the page's context
(``pages.context``); ``/level/<key>`` and ``/role/<key>`` raise a 404 for a key naming no such role.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ... import thresholds as T
from ..deps import Site, get_site
from ..twins import twin_page
from ...pages.context import level_context, overview_context, role_context, roles_context, source_context
from ._common import role_or_404

router = APIRouter(include_in_schema=False)
Context = dict[str, Any]
_KIND = Query(None, pattern="^(ladder_level|job_posting)$", description="Only roles of this kind.")


@twin_page(router, "/", "overview.html")
def overview(site: Site = Depends(get_site)) -> Context:
    return overview_context(site.catalog)


@twin_page(router, "/roles", "roles.html")
def roles(kind: str | None = _KIND, site: Site = Depends(get_site)) -> Context:
    return roles_context(site.catalog, kind=kind, limit=T.ROLES_PAGE_POSTINGS)


@twin_page(router, "/level/{key}", "level.html")
def level(key: str, site: Site = Depends(get_site)) -> Context:
    """A ladder level; 404 when ``key`` names no role or a job posting."""
    return level_context(site.catalog, role_or_404(site.catalog, key, kind="ladder_level"))


@twin_page(router, "/role/{key}", "role.html")
def role(key: str, site: Site = Depends(get_site)) -> Context:
    """Any role; 404 when ``key`` names none."""
    return role_context(site.catalog, role_or_404(site.catalog, key))


@router.get("/source/{key}")
async def source(key: str, site: Site = Depends(get_site)):
    """The source file of a stored role, with line anchors (no JSON twin, as in the static site). The
    path comes from the database, never from the request: the key names a role, and only that role's
    ``source`` is read."""
    found = role_or_404(site.catalog, key)
    return site.page("source.html", source_context(found.source, [found]))
