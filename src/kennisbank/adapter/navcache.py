"""Material renders the whole site navigation again for every page: 1.7 ms a page, two thirds
of writing one (profile in bench/RESULTS.md). For a page that is not in the navigation (every
card, facet and editors' page) that render is the same as for any other such page in the same
folder: no item is active, and each link is relative to the folder. So it is made once per
folder and reused; pages in the navigation get their own render as before.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import Any

import jinja2

NAV_TEMPLATE = "partials/nav.html"


def _folder(page: Any, nav: Any, in_nav: frozenset[str]) -> str | None:
    """The folder whose pages all get this page's navigation, or None when it is the page's own
    (the page is in the navigation, or a navigation page lies below it)."""
    url = getattr(page, "url", None)
    if nav is None or not isinstance(url, str) or not url or url in in_nav:
        return None
    if any(other.startswith(url) for other in in_nav):
        return None
    return posixpath.dirname(url.rstrip("/"))


def reuse_nav(env: jinja2.Environment) -> None:
    """Make ``partials/nav.html`` in ``env`` render once per folder for pages outside the nav."""
    template = env.get_template(NAV_TEMPLATE)
    render = template.root_render_func
    made: dict[tuple[int, str], str] = {}
    urls: dict[int, frozenset[str]] = {}

    def once_per_folder(context: jinja2.runtime.Context) -> Iterator[str]:
        nav = context.get("nav")
        if nav is not None and id(nav) not in urls:
            urls[id(nav)] = frozenset(p.url for p in nav.pages)
        folder = _folder(context.get("page"), nav, urls.get(id(nav), frozenset()))
        if folder is None:
            yield from render(context)
            return
        key = (id(nav), folder)
        if key not in made:
            made[key] = "".join(render(context))
        yield made[key]

    template.root_render_func = once_per_folder
