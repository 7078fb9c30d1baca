"""The search page: FTS5 over statements with filters; HTMX requests get the results partial only."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request

from ... import thresholds as T
from ..deps import Site, get_site, json_twin
from ...pages.compare import search_context

router = APIRouter(include_in_schema=False)


class SearchParams:
    """The search form's fields (all optional; empty strings mean "any")."""

    def __init__(self, q: str = Query("", max_length=T.QUERY_TEXT_MAX_CHARS,
                                      description="Words to find (all of them; the last one as a prefix)."),
                 level: str = Query("", max_length=T.QUERY_ID_MAX_CHARS,
                                    description="Canonical level (em, director, ...)."),
                 competency: str = Query("", max_length=T.QUERY_ID_MAX_CHARS, description="Competency id."),
                 organization: str = Query("", max_length=T.QUERY_TEXT_MAX_CHARS, description="Organization name."),
                 kind: str = Query("", max_length=T.QUERY_KIND_MAX_CHARS,
                                   description="ladder_level or job_posting.")):
        self.q, self.level, self.competency, self.organization, self.kind = q, level, competency, organization, kind

    def context(self, site: Site) -> dict:
        return search_context(site.catalog, self.q, level=self.level, competency=self.competency,
                              organization=self.organization, kind=self.kind)

    def query_string(self) -> str:
        items = {k: v for k, v in vars(self).items() if v}
        return "?" + urlencode(items) if items else ""


@router.get("/search")
async def search(request: Request, site: Site = Depends(get_site), params: SearchParams = Depends()):
    ctx = params.context(site)
    if request.headers.get("HX-Request") == "true":
        return site.page("_search_results.html", ctx)
    return site.page("search.html", ctx, json_url="/search.json" + params.query_string())


@router.get("/search.json")
async def search_json(site: Site = Depends(get_site), params: SearchParams = Depends()):
    return json_twin(params.context(site))
