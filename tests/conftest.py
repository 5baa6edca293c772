"""Shared fixtures: the pipeline is built once per test session (loading compiles the gazetteers)."""

from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="session")
def nlp() -> Language:
    from dealextract.api import default_pipeline

    return default_pipeline()
