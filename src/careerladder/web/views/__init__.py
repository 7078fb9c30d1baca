"""Page families of the web app, one router per module; ``create_app`` mounts ``ROUTERS`` in order.

To add a family (an assessment page, say): write ``views/<family>.py`` with a
``router = APIRouter(include_in_schema=False)`` and declare each page once with
``@twin_page(router, path, template)`` (``web.twins``) on its context function,
which takes ``site: Site = Depends(get_site)`` and the page's parameters: that
registers the HTML page and its ``.json`` twin. Then add one import line and its
router to ``ROUTERS`` below. Templates extend ``base.html``; docs/site.md has the recipe.
"""

from __future__ import annotations

from . import api, assess, charts, compare, exports, ladders, search

ROUTERS = [ladders.router, compare.router, search.router, charts.router, exports.router, assess.router,
           assess.api_router, api.router]

__all__ = ["ROUTERS"]
