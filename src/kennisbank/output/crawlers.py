"""What search engines get besides the pages: a robots.txt that names the sitemap.

Nothing is disallowed: editor-only pages carry ``<meta name="robots" content="noindex">``,
and a crawler that is kept out by robots.txt never sees that tag.
"""

from __future__ import annotations

from kennisbank.output.urls import absolute_url

ROBOTS_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"  # written by MkDocs


def robots_txt(site_url: str) -> str:
    """Allow everything; name the sitemap when the site's address is known (it must be absolute)."""
    lines = ["User-agent: *", "Disallow:"]
    if site_url.startswith(("https://", "http://")):
        lines += ["", f"Sitemap: {absolute_url(site_url, SITEMAP_PATH)}"]
    return "\n".join(lines) + "\n"
