"""Overview, role list, level, role and source pages (each with its ``.json`` twin)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query

from ... import thresholds as T
from ..deps import Site, get_site, json_twin, split_format
from ...pages.context import level_context, overview_context, role_context, roles_context, source_context
from ._common import role_or_404

router = APIRouter(include_in_schema=False)


@router.get("/")
async def overview(site: Site = Depends(get_site)):
    return site.page("overview.html", overview_context(site.catalog), json_url="/index.json")


@router.get("/index.json")
async def overview_json(site: Site = Depends(get_site)):
    return json_twin(overview_context(site.catalog))


_KIND = Query(None, pattern="^(ladder_level|job_posting)$", description="Only roles of this kind.")


@router.get("/roles")
async def roles(site: Site = Depends(get_site), kind: str | None = _KIND):
    ctx = roles_context(site.catalog, kind=kind, limit=T.ROLES_PAGE_POSTINGS)
    return site.page("roles.html", ctx, json_url="/roles.json")


@router.get("/roles.json")
async def roles_json(site: Site = Depends(get_site), kind: str | None = _KIND):
    return json_twin(roles_context(site.catalog, kind=kind, limit=T.ROLES_PAGE_POSTINGS))


@router.get("/level/{key}")
async def level(key: str, site: Site = Depends(get_site)):
    key, fmt = split_format(key)
    ctx = level_context(site.catalog, role_or_404(site.catalog, key, kind="ladder_level"))
    return json_twin(ctx) if fmt else site.page("level.html", ctx, json_url=f"/level/{key}.json")


@router.get("/role/{key}")
async def role(key: str, site: Site = Depends(get_site)):
    key, fmt = split_format(key)
    ctx = role_context(site.catalog, role_or_404(site.catalog, key))
    return json_twin(ctx) if fmt else site.page("role.html", ctx, json_url=f"/role/{key}.json")


@router.get("/source/{key}")
async def source(key: str, site: Site = Depends(get_site)):
    """The source file of a stored role, with line anchors. The path comes from the database, never
    from the request: the key names a role, and only that role's ``source`` is read."""
    found = role_or_404(site.catalog, key)
    return site.page("source.html", source_context(found.source, [found]))
