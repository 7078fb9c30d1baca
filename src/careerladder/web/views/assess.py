"""The assessment page: paste evidence, choose a level, see promotion readiness with its radar chart; and a
person's stored assessments with the progress chart.

``GET /assess`` is the form and ``GET /assess/history`` a person's stored assessments, each with
its ``.json`` twin (``web.twins``). ``POST /assess`` (and ``POST /assess.json``, ``POST /assess.md``
for the promotion packet) assesses the posted form and stores nothing: the read-only rule of the app
holds. Only ``POST /assess/save`` writes, and only when the app was created with ``allow_write``
(``careerladder serve --allow-write``): otherwise it answers 403 and opens nothing. Every POST passes
the same-origin check (``web.forms``; a save must name its origin) and its body is read up to
``MAX_FORM_BYTES``. The form works without JavaScript.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ... import thresholds as T
from ...errors import StoreError
from ...render.assessment import assessment_data, history_data, progress_svg
from ...render.packet import assessment_markdown
from ..deps import Site, get_site
from ...pages.assessment import (EVIDENCE_MAX_BYTES, AssessForm, FormProblem, form_context,
                          history_context, result_context, run_assessment)
from ..forms import ENCODING_FACTOR, FormRefused, origin_problem, read_form
from ..twins import twin_page

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])
#: Largest form body read: the evidence percent-encoded, plus the other fields.
MAX_FORM_BYTES = EVIDENCE_MAX_BYTES * ENCODING_FACTOR + T.FORM_OVERHEAD_BYTES
#: Referrer-Policy of the pages with the form: the browser then sends a real Origin with the POST.
FORM_REFERRER = "same-origin"
READ_ONLY = ("this server is read-only: assessments are not stored (start careerladder serve --allow-write "
             "to store them, or use careerladder assess --db)")
PERSON = Query("", max_length=T.PERSON_MAX_CHARS, description="The person's name, exactly as stored.")


def _answer(site: Site, ctx: dict[str, Any], fmt: str | None, status: int = 200) -> Response:
    if fmt == "json":
        return JSONResponse(ctx, status_code=status)
    return site.page("assess.html", ctx, json_url=site.links.assess("json"), status=status, referrer=FORM_REFERRER)


def _refused(site: Site, status: int, message: str, fmt: str | None, form: AssessForm | None = None) -> Response:
    return _answer(site, form_context(site.catalog, form, allow_write=site.allow_write, error=message), fmt, status)


async def _posted(request: Request, site: Site, fmt: str | None, *, storing: bool = False):
    """The posted form and its assessment, or the ``Response`` that refuses it."""
    problem = origin_problem(request, require=storing)
    if problem:
        return None, None, _refused(site, 403, problem, fmt)
    try:
        form = AssessForm.from_fields(await read_form(request, MAX_FORM_BYTES))
    except FormRefused as exc:
        return None, None, _refused(site, exc.status, exc.message, fmt)
    try:
        return form, run_assessment(site.catalog, form), None
    except FormProblem as exc:
        shown = replace(form, evidence="") if exc.status == 413 else form  # never echo megabytes back
        return form, None, _refused(site, exc.status, exc.message, fmt, shown)


LEVEL = Query("", pattern="^[A-Za-z0-9_~-]*$", max_length=T.QUERY_LEVEL_KEY_MAX_CHARS,
              description="URL key of the level to preselect.")


@twin_page(router, "/assess", "assess.html", referrer=FORM_REFERRER)
def assess_form(level: str = LEVEL, site: Site = Depends(get_site)) -> dict[str, Any]:
    """The empty form (``level`` preselected); ``GET /assess.json`` is its context."""
    return form_context(site.catalog, AssessForm(level=level), allow_write=site.allow_write)


@router.post("/assess")
async def assess_page(request: Request, site: Site = Depends(get_site)):
    """Assess the posted evidence and show the result; stores nothing."""
    form, a, refused = await _posted(request, site, None)
    return refused or _answer(site, result_context(site.catalog, form, a, allow_write=site.allow_write), None)


@router.post("/assess.json")
async def assess_json(request: Request, site: Site = Depends(get_site)):
    form, a, refused = await _posted(request, site, "json")
    return refused or _answer(site, result_context(site.catalog, form, a, allow_write=site.allow_write), "json")


@router.post("/assess.md")
async def assess_packet(request: Request, site: Site = Depends(get_site)):
    """The promotion packet (Markdown, text escaped) of the posted evidence, as a download."""
    _, a, refused = await _posted(request, site, None)
    if refused:
        return refused
    return Response(assessment_markdown(a), media_type="text/markdown; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="promotion-packet.md"'})


@router.post("/assess/save")
async def assess_save(request: Request, site: Site = Depends(get_site)):
    """Assess and store (only with ``allow_write``), then show the person's history (303 See Other)."""
    if not site.allow_write:
        return _refused(site, 403, READ_ONLY, None)
    form, a, refused = await _posted(request, site, None, storing=True)
    if refused:
        return refused
    if not (form.person or a.evidence.person):
        return _refused(site, 400, "give the person's name (or 'person:' in the front matter) to store the "
                                   "assessment under it", None, form)
    try:
        with site.write_store() as store:
            new = store.write_assessment(assessment_data(a))
    except StoreError as exc:
        return _refused(site, 500, f"the assessment was not stored: {exc}", None, form)
    target = site.links.assess_history(a.person) + f"&saved={'new' if new else 'again'}"
    return RedirectResponse(target, status_code=303)


def _stored(site: Site, person: str) -> tuple[list[dict[str, Any]] | None, str | None]:
    if not person:
        return None, None
    try:
        return site.store.assessments(person), None
    except (sqlite3.Error, StoreError) as exc:  # a database from before assessments were kept
        return [], f"this database keeps no assessments ({exc})"


def _history(site: Site, person: str, saved: str | None) -> dict[str, Any]:
    stored, problem = _stored(site, person)
    return history_context(site.catalog, person, stored, allow_write=site.allow_write, saved=saved, problem=problem)


SAVED = Query(None, pattern="^(new|again)$", include_in_schema=False)


@twin_page(router, "/assess/history", "assess_history.html")
def history_page(person: str = PERSON, saved: str | None = SAVED, site: Site = Depends(get_site)) -> dict[str, Any]:
    """A person's stored assessments (``history`` None when no person is asked for, or none is stored)."""
    return _history(site, person, saved)


@router.get("/assess/history.svg")
async def history_chart(site: Site = Depends(get_site), person: str = PERSON):
    stored, _ = _stored(site, person)
    if not stored:
        raise HTTPException(404, f"no stored assessments of {person!r}")
    return Response(progress_svg(history_data(person, stored)), media_type="image/svg+xml")


@api_router.get("/assessments", summary="A person's stored assessments (readiness over time)")
async def assessments(site: Site = Depends(get_site),
                      person: str = Query(..., min_length=1, max_length=T.PERSON_MAX_CHARS)) -> dict[str, Any]:
    """The ``history`` document of ``careerladder assess --history PERSON --format json``: each stored
    assessment's date, perspective, level and readiness, oldest first (empty when none is stored)."""
    stored, _ = _stored(site, person)
    return history_data(person, stored or [])
