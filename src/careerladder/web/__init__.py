"""The ladder's face: page contexts and templates shared by the static site and the local web app.

``catalog`` (store -> model objects, URL keys), ``context`` and ``compare``
(one JSON-ready dict per page), ``templating`` (the Jinja environment and where
pages live) need no web framework; ``app`` (FastAPI) and ``views/`` do, and are
imported only by ``careerladder serve``.
"""
