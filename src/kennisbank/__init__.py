"""Kennisbank Basisvaardigheden: YAML cards in, a validated catalogue out.

The package knows nothing of MkDocs except in :mod:`kennisbank.mkdocs_adapter`-free form: the
hooks in ``hooks/`` call :func:`kennisbank.site.build_site` and friends.
"""

__version__ = "0.1.0"
