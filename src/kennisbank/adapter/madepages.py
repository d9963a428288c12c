"""Pages the kennisbank makes skip what MkDocs does for a Markdown file: reading YAML front matter
back and converting Markdown. Their source is only front matter, and their HTML comes from
``on_page_content``; MkDocs still made a Markdown converter with every extension for each of
them and parsed the front matter with the pure-Python YAML loader (0.5 s at 1000 practices, see
bench/RESULTS.md). The page gets the same front matter, as data, and an empty content."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data


class MadePage(Page):
    def __init__(self, file: File, config: MkDocsConfig, front_matter: dict[str, Any]) -> None:
        super().__init__(None, file, config)
        self._front_matter = front_matter

    def read_source(self, config: MkDocsConfig) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            self.markdown, self.meta = "", dict(self._front_matter)
        else:  # a plugin gave a source of its own: read it as MkDocs does
            self.markdown, self.meta = get_data(source)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown:  # a plugin changed the Markdown: convert it as MkDocs does
            super().render(config, files)
            return
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


def nav_sources(nav: Any) -> set[str]:
    """The Markdown files the ``nav`` of mkdocs.yml names (``praktijken/index.md``, ...)."""
    found: set[str] = set()
    items = list(nav) if isinstance(nav, list) else []
    while items:
        item = items.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            items.extend(item.values())
        elif isinstance(item, list):
            items.extend(item)
    return found


def make_page(file: File, config: MkDocsConfig, front_matter: dict[str, Any], in_nav: set[str]) -> None:
    """Give ``file`` (a generated page) its page object now, before MkDocs makes a plain one;
    not for a page in the nav, which gets its title from the nav entry."""
    if file.src_uri not in in_nav:
        MadePage(file, config, front_matter)
