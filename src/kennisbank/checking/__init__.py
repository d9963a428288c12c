"""Checking: every rule a card, a list or a hand-written page must follow, and the Dutch message
for each broken one. ``validate.check_repository`` is the one check: ``kennisbank check`` and the
build both call it; it reads, checks, makes the catalogue and checks the links between cards."""
