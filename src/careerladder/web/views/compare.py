"""Compare and diff pages (``?a=<key>&b=<key>``), each with its ``.json`` twin."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query

from ... import thresholds as T
from ..deps import Site, get_site, json_twin
from ...pages.compare import compare_context, diff_context
from ._common import optional_role

router = APIRouter(include_in_schema=False)
A = Query(None, description="URL key of the first (lower) role.")
B = Query(None, description="URL key of the second (higher) role.")


def _query(a: str | None, b: str | None) -> str:
    return "?" + urlencode({"a": a, "b": b}) if a and b else ""


@router.get("/compare")
async def compare(site: Site = Depends(get_site), a: str | None = A, b: str | None = B):
    cat = site.catalog
    ctx = compare_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)
    return site.page("compare.html", ctx, json_url="/compare.json" + _query(a, b))


@router.get("/compare.json")
async def compare_json(site: Site = Depends(get_site), a: str | None = A, b: str | None = B):
    cat = site.catalog
    return json_twin(compare_context(cat, optional_role(cat, a), optional_role(cat, b),
                                     limit_postings=T.PICKER_POSTINGS))


@router.get("/diff")
async def diff(site: Site = Depends(get_site), a: str | None = A, b: str | None = B):
    cat = site.catalog
    ctx = diff_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)
    return site.page("diff.html", ctx, json_url="/diff.json" + _query(a, b))


@router.get("/diff.json")
async def diff_json(site: Site = Depends(get_site), a: str | None = A, b: str | None = B):
    cat = site.catalog
    return json_twin(diff_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS))
