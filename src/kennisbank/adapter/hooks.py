"""The MkDocs events, wired to the kennisbank package. No content rules live here.

:class:`KennisbankHooks` holds the :class:`~kennisbank.build.session.BuildSession` of this
``mkdocs`` process (made in ``on_startup``): everything kept between builds lives there, and what
one build knows lives in its ``build`` (made fresh in ``on_config``). ``hooks/kennisbank_hooks.py``
(``hooks:`` in mkdocs.yml) hands the methods of one instance to MkDocs.
"""

from __future__ import annotations

import html
import logging
import os
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisbank.adapter import madepages, navcache
from kennisbank.build.dirty import cards_changed, unchanged_pages
from kennisbank.build.session import BuildSession, CurrentBuild, load_site
from kennisbank.checking.markup import sanitize_page
from kennisbank.model import day
from kennisbank.model.problems import Level, Problem, sort_problems, summary_line
from kennisbank.model.types import Kind
from kennisbank.output.cms import BUNDLE_DIR, bundle_files
from kennisbank.output.frontmatter import escape_meta, hand_written_meta
from kennisbank.output.redirects import Redirect, load_redirects
from kennisbank.output.search import SEARCH_DIR, IndexBesideBuild, SearchIndexError, index_in_background
from kennisbank.output.searchindex import write_index
from kennisbank.output.share import PUBLISH_ENV, SITE_URL_ENV, normal_site_url, publication_problem
from kennisbank.output.site import Site
from kennisbank.output.urls import path_to_src, src_for_redirect

log = logging.getLogger("mkdocs.plugins.kennisbank")
_DOCS_DIR = "docs"
WATCHED = (*(k.folder for k in Kind), "data", "schema")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


class _GeneratedPage(File):
    """A generated page. In a ``--dirty`` build (``mkdocs serve --dirty``) MkDocs asks whether it
    changed; it did not when it shows the same cards as in the last build into this directory."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


def _report(problems: list[Problem]) -> None:
    for problem in sort_problems(problems):
        # Warnings (review due, readability) are hints for editors: shown, but never fail --strict.
        (log.error if problem.level is Level.ERROR else log.info)(str(problem))
    if any(p.level is Level.ERROR for p in problems):
        raise PluginError(f"De bouw stopt: los eerst de fouten hierboven op. {summary_line(problems)}")


class KennisbankHooks:
    """The MkDocs events of one ``mkdocs`` process, as methods. ``hooks/kennisbank_hooks.py`` makes
    one and hands its methods to MkDocs; the :class:`BuildSession` it holds owns everything kept
    between builds (a new one in ``on_startup``, dropped in ``on_shutdown``)."""

    def __init__(self) -> None:
        self.session = BuildSession(log=log)

    def _site(self) -> Site:
        site = self.session.build.site
        assert site is not None, "on_config sets the site before any page is made"
        return site

    def on_startup(self, command: str, dirty: bool) -> None:
        self.session = BuildSession(log=log)

    def on_shutdown(self) -> None:
        self._stop_search()
        self.session = BuildSession(log=log)  # drop everything the process kept

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check everything before MkDocs reads a single page: MkDocs would follow a link out of the
        repository (or walk a looping folder link forever), and mkdocs-macros would run a page's
        Jinja. The same problems as ``kennisbank check``, all at once."""
        if config.site_url:
            config.site_url = normal_site_url(config.site_url)
        if os.environ.get(PUBLISH_ENV, "") not in ("", "0"):
            why = publication_problem(config.site_url or "")
            if why:
                raise PluginError(
                    f"Deze bouw is voor publicatie ({PUBLISH_ENV}), maar {why}. Zet {SITE_URL_ENV} op het "
                    "adres waarop de site echt staat, bijvoorbeeld https://kennisbank.voorbeeldgemeente.nl/ "
                    "(in GitHub Actions komt het van actions/configure-pages)."
                )
        try:
            today = day.today()
        except ValueError as exc:
            raise PluginError(str(exc)) from exc
        self.session.build = CurrentBuild()
        site = load_site(_root(config), config.site_url or "/", self.session, today)
        self.session.build.site = site
        _report(site.result.problems)
        if "macros" in config.plugins:
            self._register_macro(config.plugins["macros"])
        return config

    def _register_macro(self, macros: Any) -> None:
        """The one macro hand-written pages may use (opt-in per page, see ``checking/handwritten.py``):
        ``{{ kennisbank('knelpunten') }}`` inserts a generated fragment."""

        def kennisbank(blok: str) -> Markup:
            renderer = self._site().renderer
            if renderer is None:
                return Markup("")
            page = getattr(macros, "page", None)
            return Markup(renderer.block(blok, page.url if page else ""))

        macros.register_macros({"kennisbank": kennisbank})

    @event_priority(100)  # before mkdocs-redirects, so it sees the generated card pages
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self._site()
        previous = self.session.last_built(config.site_dir)
        same = unchanged_pages(previous, site)
        in_nav = madepages.nav_sources(config.nav)
        for page in site.pages.values():
            file = _GeneratedPage.generated(config, page.src_uri, content=page.source())
            assert isinstance(file, _GeneratedPage)  # File.generated makes an instance of cls
            file.unchanged = page.src_uri in same
            files.append(file)
            madepages.make_page(file, config, page.front_matter(), in_nav)
        if cards_changed(previous, site):
            # Hand-written pages that show cards (through the macro): drop their old output, so a
            # --dirty build makes them again. A clean build empties the directory anyway.
            for file in files.documentation_pages():
                if file.abs_src_path and "kennisbank(" in file.content_string:
                    Path(file.abs_dest_path).unlink(missing_ok=True)
        for path, make in site.files.items():
            files.append(File.generated(config, path, content=make()))
        root = _root(config)
        source = str((root / BUNDLE_DIR).parent)
        for bundled in bundle_files(root):  # the form at /admin/, when `make cms` made it
            admin = f"admin/{bundled.as_posix()}"
            files.append(File(admin, source, config.site_dir, use_directory_urls=False))
        known = {f.src_uri for f in files.documentation_pages()}
        redirects, problems = load_redirects(root, known)
        _report(problems)
        self.session.build.redirects = redirects
        if "redirects" in config.plugins:
            config.plugins["redirects"].config["redirect_maps"] = {
                src_for_redirect(r.old): path_to_src(r.new, known) for r in redirects
            }
        if previous is None or not (Path(config.site_dir) / SEARCH_DIR).is_dir():
            # A whole build (not a --dirty rebuild while serving): index each page as it is written.
            try:
                self.session.build.search = IndexBesideBuild()
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc
        return files

    def on_env(self, env: Any, **_: Any) -> Any:
        """Material's templates too are compiled once per process, not again on every rebuild; its
        navigation is rendered once per folder for the pages outside it."""
        env.bytecode_cache = self.session.templates
        navcache.reuse_nav(env)
        return env

    @event_priority(100)  # before mkdocs-macros renders anything
    def on_page_markdown(self, markdown: str, page: Page, **_: Any) -> str:
        """Hand-written pages: front matter is text (escaped once, as generated pages have it)."""
        if page.file.src_uri not in self._site().pages:
            escape_meta(page.meta)
        return markdown

    def on_page_context(self, context: Any, page: Page, **_: Any) -> Any:
        """No two pages may share a ``<title>``: in tabs, search results and link previews they
        could not be told apart. Cards are checked for this already; this also covers the rest."""
        text = html.unescape(str(page.meta.get("title") or page.title or ""))
        shown = f"{_DOCS_DIR}/{page.file.src_path}" if page.file.abs_src_path else f"/{page.url}"
        first = self.session.build.titles.setdefault(" ".join(text.casefold().split()), shown)
        if first != shown:
            # Said at the hand-written page if there is one: that is where an editor changes it.
            here, other = (first, shown) if first.startswith(f"{_DOCS_DIR}/") else (shown, first)
            log.error(
                f"{here}:1:1: de paginatitel '{text}' wordt ook gebruikt door {other} "
                "(geef elke pagina een eigen titel)"
            )
        return context

    def on_page_content(self, html_text: str, page: Page, config: MkDocsConfig, **_: Any) -> str:
        generated = self._site().pages.get(page.file.src_uri)
        if generated is not None:
            return generated.render()
        hand_written_meta(page.meta, self._site().result.catalogue, page.is_homepage)  # dates for the sitemap
        return sanitize_page(html_text)

    @event_priority(-100)  # after every other plugin: the page as it is written
    def on_post_page(self, output: str, page: Page, **_: Any) -> str:
        search = self.session.build.search
        if search is not None and "data-pagefind-body" in output:  # Pagefind skips pages without
            search.add(page.file.dest_uri, output)
        return output

    @event_priority(-100)  # after mkdocs-redirects wrote its pages
    def on_post_build(self, config: MkDocsConfig) -> None:
        renderer = self._site().renderer
        if renderer is None:
            self._stop_search()
            return
        redirect: Redirect
        for redirect in self.session.build.redirects:
            target = Path(config.site_dir) / redirect.old.strip("/") / "index.html"
            target.write_text(renderer.redirect(redirect.old, redirect.new), encoding="utf-8")
        site_dir = Path(config.site_dir)
        self.session.remember_built(config.site_dir, self._site())
        search, self.session.build.search = self.session.build.search, None
        if search is None:
            # A --dirty rebuild while serving: the page is there at once, search follows shortly.
            index_in_background(site_dir, log, self.session.indexer, also=lambda: write_index(site_dir))
            return
        log.info(f"Zoekindex van de site: {write_index(site_dir)}")  # zoeken/index.json, for zoeken.js
        try:
            log.info(f"Zoekindex: {search.write(site_dir / SEARCH_DIR)}")
        except SearchIndexError as exc:
            raise PluginError(str(exc)) from exc

    def _stop_search(self) -> None:
        search, self.session.build.search = self.session.build.search, None
        if search is not None:
            search.close()

    def on_build_error(self, error: Exception, **_: Any) -> None:
        self._stop_search()

    def on_serve(self, server: Any, config: MkDocsConfig, **_: Any) -> Any:
        root = _root(config)
        for folder in WATCHED:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
