"""``nlp.to_disk`` / ``spacy.load`` (and ``to_bytes``/``from_bytes``) round-trip a pipeline with our
components, our gazetteers and a user's own entries, even where the user's files are gone."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import spacy
from spacy.language import Language

import dealextract
from dealextract.gazetteer import Entry

TEXT = (
    "Zorblax raised $12 million in a Series A round led by Quillfeather Partners. "
    "The startup behind the Glimmerfox-7 model said Orbitant Capital also took part."
)


def _user_files(folder: Path) -> tuple[Path, Path]:
    orgs = folder / "my_orgs.jsonl"
    orgs.write_text(
        json.dumps({"name": "Zorblax Dynamics", "aliases": ["Zorblax"], "type": "company"}) + "\n",
        encoding="utf-8",
    )
    models = folder / "my_models.jsonl"
    models.write_text(
        json.dumps({"name": "Glimmerfox", "type": "model", "maker": "Zorblax Dynamics"}) + "\n",
        encoding="utf-8",
    )
    return orgs, models


def _summary(nlp: Language) -> list[tuple[object, ...]]:
    result = dealextract.extract(TEXT, published="2026-03-02", nlp=nlp)
    return [
        (
            d.target.name,
            d.amount.value if d.amount else None,
            d.round,
            sorted((p.name, p.role) for p in d.investors),
        )
        for d in result.deals
    ] + [(e.label, e.text, str(e.normalized)) for e in result.entities]


def test_to_disk_and_spacy_load_round_trip(tmp_path: Path) -> None:
    orgs, models = _user_files(tmp_path)
    # records carry the user's canonical names (a setting the saved pipeline keeps)
    nlp = dealextract.load(org_files=[orgs], model_files=[models], org_names="canonical")
    # An entry added at run time (e.g. from a database) is saved too.
    nlp.get_pipe("dealextract_orgs").add_entries([Entry(name="Orbitant Capital", kind="investor")])
    before = _summary(nlp)
    assert before[0][:3] == ("Zorblax Dynamics", Decimal("12000000"), "Series A")

    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    orgs.unlink()  # the saved pipeline carries its gazetteers: the user's files are not needed any more
    models.unlink()

    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    assert loaded.get_pipe("dealextract_orgs").orgs.get("Zorblax") is not None
    assert loaded.get_pipe("dealextract_orgs").orgs.get("Orbitant Capital") is not None
    assert loaded.get_pipe("dealextract_models").gazetteer.get("Glimmerfox") is not None
    assert _summary(loaded) == before


def test_to_bytes_round_trip() -> None:
    nlp = dealextract.load()
    nlp.get_pipe("dealextract_orgs").add_entries([Entry(name="Zorblax Dynamics", aliases=("Zorblax",))])
    data = nlp.to_bytes()
    fresh = dealextract.add_to(spacy.blank("en"))
    assert fresh.get_pipe("dealextract_orgs").orgs.get("Zorblax") is None
    fresh.from_bytes(data)
    assert fresh.get_pipe("dealextract_orgs").orgs.get("Zorblax") is not None
    assert _summary(fresh) == _summary(nlp)


def test_components_added_by_name_save_and_load(tmp_path: Path) -> None:
    """A user's own pipeline that adds our factories by name (entry points), saved and loaded."""
    nlp = spacy.blank("en")
    for name in ("dealextract_sentences", "dealextract_money", "dealextract_dates", "dealextract_orgs"):
        nlp.add_pipe(name)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    doc = loaded("Acme Robotics raised $5 million on March 3, 2026.")
    assert [m.text for m in doc._.dealextract_money] == ["$5 million"]
    assert [d.text for d in doc._.dealextract_dates] == ["March 3, 2026"]
