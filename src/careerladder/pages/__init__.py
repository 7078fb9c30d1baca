"""Page contexts shared by the static site and the web app, free of any web framework.

``catalog`` loads what a store holds once per page set; ``context`` (overview, ladders, levels,
roles, sources), ``compare`` (compare, diff, search), ``findings`` (lint on a page) and
``assessment`` (the assessment form and result) build the dicts templates render and JSON twins
return; ``templating`` is the Jinja2 environment and the links of each host (site or app).
"""
