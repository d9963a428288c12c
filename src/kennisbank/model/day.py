"""The day a check, a build or ``kennisbank nieuw`` runs as.

"Today" decides which cards are due for review, which ``gecontroleerd`` dates lie in the future
and what a new card says. The entry points (the command line, the MkDocs adapter) read it once
and pass it down; nothing below them looks at the clock. ``KENNISBANK_TODAY`` (``YYYY-MM-DD``)
sets the day: the tests run on a fixed day, and a build can be repeated as it was.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV = "KENNISBANK_TODAY"


def today() -> dt.date:
    """``KENNISBANK_TODAY`` when it is set, else the clock. A value that is not a date is refused
    with a Dutch reason (ValueError): a build must not quietly run on another day."""
    given = os.environ.get(TODAY_ENV, "").strip()
    if not given:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(given)
    except ValueError:
        raise ValueError(
            f"{TODAY_ENV} is '{given}', maar dat is geen datum (schrijf bijvoorbeeld 2026-12-07, "
            "of laat de variabele leeg voor vandaag)"
        ) from None
