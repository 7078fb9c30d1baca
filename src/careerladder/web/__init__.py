"""The local web app (FastAPI, the ``web`` extra): ``app`` builds it and mounts the page families of
``views/``, which render the framework-free contexts of ``careerladder.pages`` and get the running
``Site`` from ``deps``; ``forms`` reads and checks the assessment form. Imported only by
``careerladder serve`` and the tests.
"""
