"""Pages and outputs: which pages and files the site has (``site``), their HTML from the templates
(``render``), addresses (``urls``), exports, the search words, the form's config, redirects.
Knows URLs and page texts, not MkDocs."""
