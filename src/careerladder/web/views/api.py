"""The JSON API under ``/api/`` (documented in ``/api/openapi.json``): the pages' contexts by another path."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from ... import thresholds as T
from ..deps import Site, get_site
from ...pages.compare import compare_context, diff_context
from ...pages.context import level_context, overview_context, role_context, roles_context
from ._common import optional_role, role_or_404
from .search import SearchParams

router = APIRouter(prefix="/api", tags=["api"])
Context = dict[str, Any]


@router.get("", include_in_schema=False)
async def index():
    """Where the API is described."""
    return JSONResponse({"openapi": "/api/openapi.json",
                         "endpoints": ["/api/overview", "/api/ladders", "/api/roles", "/api/roles/{key}",
                                       "/api/levels/{key}", "/api/compare", "/api/diff", "/api/search",
                                       "/api/assessments"]})


@router.get("/overview", summary="Ladders as heatmaps, calibration, job postings")
async def overview(site: Site = Depends(get_site)) -> Context:
    """The front page's data: every ladder's levels with expectations per competency, the
    cross-company calibration table, and the first job postings."""
    return overview_context(site.catalog)


@router.get("/ladders", summary="Ladders as stored (levels with effective expectations)")
async def ladders(site: Site = Depends(get_site)) -> list[Context]:
    return site.store.ladders()


@router.get("/roles", summary="Roles: ladder levels, then job postings")
async def roles(site: Site = Depends(get_site),
                kind: str | None = Query(None, pattern="^(ladder_level|job_posting)$")) -> Context:
    return roles_context(site.catalog, kind=kind, limit=T.ROLES_PAGE_POSTINGS)


@router.get("/roles/{key}", summary="One role: statements by section, requirements, leveling, source")
async def role(key: str, site: Site = Depends(get_site)) -> Context:
    """``key`` is the role id in tilde encoding (as in ``/role/<key>``)."""
    return role_context(site.catalog, role_or_404(site.catalog, key))


@router.get("/levels/{key}", summary="One ladder level: own and inherited expectations, requirements")
async def level(key: str, site: Site = Depends(get_site)) -> Context:
    return level_context(site.catalog, role_or_404(site.catalog, key, kind="ladder_level"))


@router.get("/compare", summary="Two roles side by side by competency")
async def compare(site: Site = Depends(get_site), a: str = Query(...), b: str = Query(...)) -> Context:
    cat = site.catalog
    return compare_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)


@router.get("/diff", summary="What the higher of two levels adds, by competency")
async def diff(site: Site = Depends(get_site), a: str = Query(...), b: str = Query(...)) -> Context:
    cat = site.catalog
    return diff_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)


@router.get("/search", summary="Full-text search over statements, with filters")
async def search(site: Site = Depends(get_site), params: SearchParams = Depends()) -> Context:
    return params.context(site)
