"""mkdocs-macros module: the one macro hand-written pages may use (opt-in per page)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from kennisbank.site import load_site


def define_env(env: Any) -> None:
    root = Path(env.conf.config_file_path).parent

    @env.macro  # type: ignore[misc]
    def kennisbank(blok: str) -> Markup:
        """Insert a generated fragment, e.g. ``{{ kennisbank('knelpunten') }}``."""
        site = load_site(root, env.conf.site_url or "/")  # same key as the hooks: checked once
        if site.renderer is None:
            return Markup("")
        page_url = env.page.url if env.page else ""
        return Markup(site.renderer.block(blok, page_url))
