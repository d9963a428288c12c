"""The catalogue: checked values become cards (``cards``), and all cards together with their
links in both directions, counts (``catalogue``) and filter values (``facets``)."""
