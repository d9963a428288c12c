"""The MkDocs entry (``hooks:`` in mkdocs.yml). MkDocs calls the functions of this module; each is
a method of one :class:`~kennisbank.adapter.hooks.KennisbankHooks`, whose build session owns
everything kept between builds. Nothing else lives here: the events are in the adapter package."""

from kennisbank.adapter.hooks import KennisbankHooks

_hooks = KennisbankHooks()

on_startup = _hooks.on_startup
on_shutdown = _hooks.on_shutdown
on_config = _hooks.on_config
on_files = _hooks.on_files
on_env = _hooks.on_env
on_page_markdown = _hooks.on_page_markdown
on_page_context = _hooks.on_page_context
on_page_content = _hooks.on_page_content
on_post_page = _hooks.on_post_page
on_post_build = _hooks.on_post_build
on_build_error = _hooks.on_build_error
on_serve = _hooks.on_serve
