"""Charts on demand: radar of one or two roles, dot matrix of a ladder; SVG, or PNG rendered from it."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import Response

from ...render import charts
from ..deps import Site, get_site, split_format
from ...pages.catalog import role_id_of
from ...pages.context import coverage_data
from ._common import role_or_404

router = APIRouter(include_in_schema=False)
MEDIA = {"svg": "image/svg+xml", "png": "image/png"}


def _chart(svg: str, fmt: str) -> Response:
    if fmt == "png":
        return Response(charts.svg_to_png(svg), media_type=MEDIA["png"])
    return Response(svg, media_type=MEDIA["svg"])


@router.get("/charts/radar.{fmt}")
async def radar(fmt: str, site: Site = Depends(get_site), a: str = Query(..., description="URL key of a role."),
                b: str | None = Query(None, description="URL key of a second role.")):
    if fmt not in MEDIA:
        raise HTTPException(404, f"no chart format {fmt!r} (svg or png)")
    cat = site.catalog
    roles = [role_or_404(cat, a)] + ([role_or_404(cat, b)] if b else [])
    series = [(r.title, coverage_data(cat.effective(r))) for r in roles]
    title = "Competency coverage: " + " and ".join(r.title for r in roles)
    return _chart(charts.radar_svg(series, title=title), fmt)


@router.get("/charts/matrix/{name}")
async def matrix(name: str, site: Site = Depends(get_site)):
    key, fmt = split_format(name, tuple(MEDIA))
    ladder_id = role_id_of(key)
    ladder = site.catalog.ladder(ladder_id) if fmt and ladder_id is not None else None
    if ladder is None:
        raise HTTPException(404, f"no ladder chart {name!r}")
    rows = [(r.title, coverage_data(site.catalog.effective(r))) for r in ladder.roles]
    return _chart(charts.matrix_svg(rows, title=f"{ladder.name}: expectations per competency"), fmt)
