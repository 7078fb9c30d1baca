"""Page families of the web app, one router per module; ``create_app`` mounts ``ROUTERS`` in order.

To add a family (an assessment page, say): write ``views/<family>.py`` with a
``router = APIRouter()`` whose handlers take ``site: Site = Depends(get_site)``,
render with ``site.page(template, context, json_url=...)`` and answer
``<url>.json`` with ``json_twin(context)``; then add one import line and its
router to ``ROUTERS`` below. Templates extend ``base.html``.
"""

from __future__ import annotations

from . import api, assess, charts, compare, exports, ladders, search

ROUTERS = [ladders.router, compare.router, search.router, charts.router, exports.router, assess.router,
           assess.api_router, api.router]

__all__ = ["ROUTERS"]
