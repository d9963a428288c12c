"""The words every stage shares: card types, kinds and vocabularies (``types``), and a problem
with its position (``problems``). Imports nothing else of the package."""
