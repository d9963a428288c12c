"""Kennisbank Basisvaardigheden: YAML cards in, a validated catalogue and a static site out.

One direction, a subpackage per stage (lower never imports higher; contracts in pyproject.toml,
checked by ``lint-imports``):

- ``model``: the words every stage shares: card types, kinds, vocabularies, problems.
- ``reading``: files to values with their line and column.
- ``catalogue``: checked values to cards, and all cards with their links both ways.
- ``checking``: the rules, the schemas, Dutch messages; ``check_repository`` runs the whole check.
- ``output``: the pages and files of the site (HTML, exports, search words, redirects).
- ``editing``: what editors run besides the check (``kennisbank nieuw``, ``hernoem``).
- ``build``: the build session, the one owner of what is kept between builds.
- ``adapter``: MkDocs and Material; the only place that imports them. ``cli``: the command line.
"""

__version__ = "0.1.0"
