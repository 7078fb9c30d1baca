"""Downloads: roles (JSON, JSON Lines), ladders (JSON), statements (CSV), a role as Markdown, a level as a
job-posting draft (Markdown or JSON-LD)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import Response

from ...render import export
from ..deps import Site, get_site, split_format
from ._common import role_or_404

router = APIRouter(include_in_schema=False)


def _download(body: str, media: str, filename: str) -> Response:
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.get("/export/roles.json")
async def roles_json(site: Site = Depends(get_site)):
    return _download(export.roles_json(site.store.roles()), "application/json", "roles.json")


@router.get("/export/roles.jsonl")
async def roles_jsonl(site: Site = Depends(get_site)):
    return _download(export.roles_jsonl(site.store.roles()), "application/x-ndjson", "roles.jsonl")


@router.get("/export/ladders.json")
async def ladders_json(site: Site = Depends(get_site)):
    return _download(export.ladders_json(site.store.ladders()), "application/json", "ladders.json")


@router.get("/export/statements.csv")
async def statements_csv(site: Site = Depends(get_site)):
    return _download(export.statements_csv(site.catalog.roles()), "text/csv; charset=utf-8", "statements.csv")


@router.get("/export/role/{name}")
async def role_markdown(name: str, site: Site = Depends(get_site)):
    key, fmt = split_format(name, ("md",))
    if fmt is None:
        raise HTTPException(404, "roles export as .md")
    role = role_or_404(site.catalog, key)
    return _download(export.role_markdown(role, site.catalog.effective(role)), "text/markdown; charset=utf-8",
                     "role.md")


@router.get("/export/posting/{name}")
async def posting(name: str, site: Site = Depends(get_site)):
    key, fmt = split_format(name, ("md", "jsonld"))
    if fmt is None:
        raise HTTPException(404, "a job-posting draft is .md or .jsonld")
    role = role_or_404(site.catalog, key)
    draft = export.posting_draft(role, site.catalog.effective(role))
    if fmt == "md":
        return _download(draft.markdown, "text/markdown; charset=utf-8", "job-posting.md")
    return _download(export.jsonld_text(draft.jsonld) + "\n", "application/ld+json", "job-posting.jsonld")
