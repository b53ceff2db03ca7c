"""The HTTP service: instrument lookups, search, the named queries, a SPARQL 1.1
Protocol endpoint and a small HTML front end, over the store that ``ingest``
builds. Depends on ``ontology`` and ``queries`` only, never on ``ingest``.

``itukg.api.app.create_app(settings)`` builds the FastAPI application; ``itukg serve``
runs it under uvicorn.
"""
