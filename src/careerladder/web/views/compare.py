"""Compare and diff pages (``?a=<key>&b=<key>``), each with its ``.json`` twin (``web.twins``).

Either role may be left out (the page then shows its pickers); a key naming no role is a 404.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ... import thresholds as T
from ..deps import Site, get_site
from ..twins import twin_page
from ...pages.compare import compare_context, diff_context
from ._common import optional_role

router = APIRouter(include_in_schema=False)
A = Query(None, description="URL key of the first (lower) role.")
B = Query(None, description="URL key of the second (higher) role.")


@twin_page(router, "/compare", "compare.html")
def compare(a: str | None = A, b: str | None = B, site: Site = Depends(get_site)) -> dict[str, Any]:
    """``pages.compare.compare_context``: the pickers, and both roles by competency when both are named."""
    cat = site.catalog
    return compare_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)


@twin_page(router, "/diff", "diff.html")
def diff(a: str | None = A, b: str | None = B, site: Site = Depends(get_site)) -> dict[str, Any]:
    """``pages.compare.diff_context``: the pickers, and what the higher role adds when both are named."""
    cat = site.catalog
    return diff_context(cat, optional_role(cat, a), optional_role(cat, b), limit_postings=T.PICKER_POSTINGS)
