"""Kennisbank Basisvaardigheden: YAML cards in, a validated catalogue out.

The package imports nothing of MkDocs: the hooks in ``hooks/`` are the thin adapter. They hold
one :class:`~kennisbank.session.BuildSession` and call :func:`kennisbank.site.load_site` (which
runs :func:`kennisbank.validate.check_repository`) and hand its pages and files to MkDocs.
"""

__version__ = "0.1.0"
