"""The adapter for MkDocs and Material, and the only package that imports them: the events
(``hooks``), and two speed shortcuts through their insides (``madepages``, ``navcache``). Moving
to another generator means rewriting this package, nothing below it."""
