"""Reading: which files there are and which may be read (``repository``), bytes to YAML events
within limits (``load``, ``events``), and values that know their line and column (``document``).
Knows nothing of the rules a card must follow."""
