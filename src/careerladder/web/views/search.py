"""The search page: FTS5 over statements with filters, with its ``.json`` twin (``web.twins``); HTMX
requests get the results partial only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from ... import thresholds as T
from ..deps import Site, get_site
from ..twins import twin_page
from ...pages.compare import search_context

router = APIRouter(include_in_schema=False)


class SearchParams:
    """The search form's fields (all optional; empty strings mean "any")."""

    def __init__(self, q: str = Query("", max_length=T.QUERY_TEXT_MAX_CHARS, description="Words to find (all of them; the last "
                                                                       "one as a prefix)."),
                 level: str = Query("", max_length=T.QUERY_ID_MAX_CHARS, description="Canonical level (em, director, ...)."),
                 competency: str = Query("", max_length=T.QUERY_ID_MAX_CHARS, description="Competency id."),
                 organization: str = Query("", max_length=T.QUERY_TEXT_MAX_CHARS, description="Organization name."),
                 kind: str = Query("", max_length=T.QUERY_KIND_MAX_CHARS, description="ladder_level or job_posting."),
                 semantic: bool = Query(False, description="Rank by words and meaning together (hybrid search).")):
        self.q, self.level, self.competency, self.organization, self.kind = q, level, competency, organization, kind
        self.semantic = semantic

    def context(self, site: Site) -> dict[str, Any]:
        return search_context(site.catalog, self.q, level=self.level, competency=self.competency,
                              organization=self.organization, kind=self.kind, semantic=self.semantic)


@twin_page(router, "/search", "search.html", partial="_search_results.html")
def search(params: SearchParams = Depends(), site: Site = Depends(get_site)) -> dict[str, Any]:
    """``pages.compare.search_context``: the filters' options and the hits (none without words)."""
    return params.context(site)
