"""The build session: the one owner of what one ``mkdocs`` process keeps between builds
(``session``: checks, texts, templates, the last site; ``load_site``), and what a ``--dirty``
rebuild may skip (``dirty``)."""
