"""``mkdocs serve --dirty``: which pages a rebuild may skip, and whether anything changed.

A page may be skipped when it shows exactly what it showed in the last build into the same
folder: the same cards (by value), made with the same lists, schemas, templates and address.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kennisbank.output.site import Site


def unchanged_pages(previous: Site | None, current: Site) -> set[str]:
    """Pages of ``current`` that show exactly what they showed in ``previous``: the same cards,
    made with the same lists, schemas and templates. ``mkdocs serve --dirty`` skips those."""
    if previous is None or previous.inputs != current.inputs or not current.inputs:
        return set()
    same = set()
    for uri, page in current.pages.items():
        old = previous.pages.get(uri)
        if page.depends is not None and old is not None and old.depends == page.depends:
            same.add(uri)
    return same


def cards_changed(previous: Site | None, current: Site) -> bool:
    old, new = (s.result.catalogue if s else None for s in (previous, current))
    return old is None or new is None or old.all_cards() != new.all_cards()


TEMPLATES = ("overrides", "hooks", "mkdocs.yml")
"""What shapes every page besides the cards and the rules (``checking.rules.rules_key``)."""


def fingerprint(root: Path, parts: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """Cheap stat-based fingerprint of files and folders under ``root``. Links are not followed
    (lstat): a dangling or looping link is for the check to refuse, not to crash on here."""
    entries = []
    for part in parts:
        base = root / part
        if base.is_symlink() or base.is_file():
            st = base.lstat()
            entries.append((str(base), st.st_mtime_ns, st.st_size))
        for dirpath, _dirs, names in os.walk(base):
            for name in names:
                st = os.lstat(os.path.join(dirpath, name))
                entries.append((os.path.join(dirpath, name), st.st_mtime_ns, st.st_size))
    return tuple(sorted(entries))
