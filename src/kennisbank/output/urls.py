"""Addresses: the one place that turns source paths into site paths and back, site paths into
relative links and absolute URLs, and keeps the public URL contract.

Every path ever published stays listed in ``published-urls.txt``. The list only grows.
``kennisbank urls`` adds the paths of new pages; tests fail when a listed
path is neither built nor redirected, or when the list is behind the site.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Iterable
from pathlib import Path

URL_FILE = "published-urls.txt"
HEADER = (
    "# Elk adres dat ooit op de site stond. Haal hier nooit een regel weg: een verdwenen pagina\n"
    "# krijgt een doorverwijzing. Nieuwe adressen voeg je toe met 'kennisbank urls'.\n"
)


@functools.lru_cache(maxsize=200_000)
def relative_url(from_url: str, to_url: str) -> str:
    """Link from one site-relative directory URL to another, so the site works in any subpath."""
    base = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else ""
    rel = posixpath.relpath("/" + to_url, "/" + base) if to_url else posixpath.relpath("/", "/" + base)
    if rel == ".":
        return "./"
    return rel + ("/" if to_url.endswith("/") or not to_url else "")


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


def path_to_src(path: str, src_uris: set[str]) -> str | None:
    """``/praktijken/x/`` -> ``praktijken/x.md`` (or ``.../index.md``) if such a page exists."""
    stem = path.strip("/")
    candidates = ["index.md"] if not stem else [f"{stem}.md", f"{stem}/index.md"]
    return next((c for c in candidates if c in src_uris), None)


def src_for_redirect(path: str) -> str:
    """The source name mkdocs-redirects expects for an old path that has no page any more."""
    stem = path.strip("/")
    return f"{stem}.md" if stem else "index.md"


def docs_urls(docs_dir: Path) -> list[str]:
    urls = []
    for page in sorted(docs_dir.rglob("*.md")):
        rel = page.relative_to(docs_dir).with_suffix("").as_posix()
        if rel == "index":
            urls.append("/")
        elif rel.endswith("/index"):
            urls.append(f"/{rel[: -len('index')]}")
        else:
            urls.append(f"/{rel}/")
    return urls


def generated_urls(src_uris: Iterable[str]) -> list[str]:
    """``praktijken/x.md`` -> ``/praktijken/x/``; ``tips/index.md`` -> ``/tips/``."""
    urls = []
    for src in src_uris:
        stem = src.removesuffix(".md")
        urls.append(f"/{stem.removesuffix('index')}" if stem.endswith("index") else f"/{stem}/")
    return urls


def site_urls(src_uris: Iterable[str], docs_dir: Path) -> list[str]:
    """Every public page path of the site as built now."""
    return sorted({*docs_urls(docs_dir), *generated_urls(src_uris)})


def read_published(root: Path) -> list[str]:
    file = root / URL_FILE
    if not file.exists():
        return []
    lines = file.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def add_new_urls(root: Path, src_uris: Iterable[str]) -> list[str]:
    """Append the site's URLs that are not listed yet; returns what was added."""
    listed = read_published(root)
    new = [u for u in site_urls(src_uris, root / "docs") if u not in set(listed)]
    if new or not (root / URL_FILE).exists():
        (root / URL_FILE).write_text(
            HEADER + "".join(f"{u}\n" for u in sorted({*listed, *new})), encoding="utf-8"
        )
    return new
