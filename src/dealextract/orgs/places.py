"""The bundled place names as one set of case-folded forms, for the rules that only need to know
whether a word is a place ("the Denver company", "Hong Kong" is no person).

The organisation component reads the places through its gazetteer (with the user's own place files);
these rules run where that gazetteer is not at hand, so they read the bundled list alone.
"""

from __future__ import annotations

from functools import lru_cache

from dealextract.gazetteer import load_default

PLACE_FILE = "orgs/data/places.jsonl"


@lru_cache(maxsize=1)
def bundled_place_forms() -> frozenset[str]:
    """Every bundled place name and alias, case-folded."""
    return frozenset(form.casefold() for entry in load_default(PLACE_FILE) for form in entry.forms)
