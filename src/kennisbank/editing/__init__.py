"""What editors run besides the check: a new card from the schema (``template``, ``kennisbank
nieuw``) and a rename that leaves a redirect (``rename``, ``kennisbank hernoem``)."""
