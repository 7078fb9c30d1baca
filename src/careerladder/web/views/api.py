"""The JSON API under ``/api/`` (documented in ``/api/openapi.json``): the pages' contexts by another path.

Each route calls the context function of its page (``views.ladders``, ``views.compare``,
``views.search``), so ``/api/levels/<key>`` is ``/level/<key>.json`` by construction; the API's own
parameters are stricter (``a`` and ``b`` required) and documented.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from ..deps import Site, get_site
from . import compare as compare_pages, ladders as ladder_pages
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
    return ladder_pages.overview(site)


@router.get("/ladders", summary="Ladders as stored (levels with effective expectations)")
async def ladders(site: Site = Depends(get_site)) -> list[Context]:
    return site.store.ladders()


@router.get("/roles", summary="Roles: ladder levels, then job postings")
async def roles(site: Site = Depends(get_site),
                kind: str | None = Query(None, pattern="^(ladder_level|job_posting)$")) -> Context:
    return ladder_pages.roles(kind, site)


@router.get("/roles/{key}", summary="One role: statements by section, requirements, leveling, source")
async def role(key: str, site: Site = Depends(get_site)) -> Context:
    """``key`` is the role id in tilde encoding (as in ``/role/<key>``)."""
    return ladder_pages.role(key, site)


@router.get("/levels/{key}", summary="One ladder level: own and inherited expectations, requirements")
async def level(key: str, site: Site = Depends(get_site)) -> Context:
    return ladder_pages.level(key, site)


@router.get("/compare", summary="Two roles side by side by competency")
async def compare(site: Site = Depends(get_site), a: str = Query(...), b: str = Query(...)) -> Context:
    return compare_pages.compare(a, b, site)


@router.get("/diff", summary="What the higher of two levels adds, by competency")
async def diff(site: Site = Depends(get_site), a: str = Query(...), b: str = Query(...)) -> Context:
    return compare_pages.diff(a, b, site)


@router.get("/search", summary="Full-text search over statements, with filters")
async def search(site: Site = Depends(get_site), params: SearchParams = Depends()) -> Context:
    return params.context(site)
