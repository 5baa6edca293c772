"""Gazetteer loading, validation errors, user files, serialisation and hostile input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import cast

import pytest
import spacy

import dealextract.ai_models.component
import dealextract.orgs.component  # noqa: F401
from dealextract.gazetteer import Entry, Gazetteer, GazetteerError, load_default, read_jsonl, read_lines
from dealextract.orgs.component import ORG_KINDS, OrgsComponent


def test_bundled_files_are_valid_and_large() -> None:
    orgs = load_default("orgs/data/organisations.jsonl", ORG_KINDS)
    assert len(orgs) >= 400
    assert len({e.name for e in orgs}) == len(orgs)
    assert len(load_default("ai_models/data/models.jsonl", frozenset({"model"}))) >= 60
    assert load_default("orgs/data/places.jsonl")


def test_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"name": "Good Co", "type": "company"}\n{"name": "", "type": "company"}\n', "utf-8")
    with pytest.raises(GazetteerError, match=r"bad\.jsonl:2: name"):
        read_jsonl(path, ORG_KINDS)


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "not valid JSON"),
        ('{"name": "X", "type": "spaceship"}', "type 'spaceship'"),
        ('{"name": "X", "tpye": "company"}', "tpye"),
    ],
)
def test_bad_lines(line: str, message: str) -> None:
    with pytest.raises(GazetteerError, match=message):
        read_lines([line], "mine.jsonl", ORG_KINDS)


def test_case_rules() -> None:
    nlp = spacy.blank("en")
    gaz = Gazetteer(nlp, [Entry("DeepSeek"), Entry("Apple"), Entry("Deep Robotics")])
    found = [doc_hit.entry.name for doc_hit in gaz.find(nlp("Deepseek, apple, deep robotics, Deep Robotics"))]
    assert found == ["DeepSeek", "Deep Robotics"]


def test_hyphenated_spelling_of_a_known_name() -> None:
    """News writes "Meituan Dianping" as "Meituan-Dianping"; a name of lower-case words gets no variant."""
    nlp = spacy.blank("en")
    gaz = Gazetteer(nlp, [Entry("Vega Orbit", aliases=("Vega Orbit Labs",)), Entry("Deep learning lab")])
    doc = nlp("Vega-Orbit-Labs, Vega-Orbit and Deep-learning-lab all spoke.")
    assert [(doc[h.start : h.end].text, h.entry.name) for h in gaz.find(doc)] == [
        ("Vega-Orbit-Labs", "Vega Orbit"),
        ("Vega-Orbit", "Vega Orbit"),
    ]


def test_user_file_through_config(tmp_path: Path) -> None:
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"name": "Qorvane", "aliases": ["QRV"], "type": "investor"}) + "\n", "utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dealextract_orgs", config={"extra_files": [str(path)]})
    doc = nlp("The deal was small and QRV paid in cash.")
    assert [(m.text, m.name, m.kind) for m in doc._.dealextract_orgs] == [("QRV", "Qorvane", "investor")]


def test_to_disk_from_disk(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    orgs = cast(OrgsComponent, nlp.add_pipe("dealextract_orgs"))
    orgs.add_entries([Entry("Qorvane", kind="investor")])
    nlp.add_pipe("dealextract_models")
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "dealextract_orgs" / "organisations.jsonl").exists()
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("The deal was small and Qorvane paid in cash.")
    assert [m.name for m in doc._.dealextract_orgs] == ["Qorvane"]


def test_hostile_input_finishes() -> None:
    """10,000 capitalised words in a row, and long lists: work stays linear (no timing asserted)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dealextract_orgs")
    nlp.add_pipe("dealextract_models")
    nlp.add_pipe("dealextract_references")
    for text in (
        " ".join(["Alpha"] * 10_000),
        " ".join(["Capital"] * 10_000),
        "led by " + ", ".join(["Zorvex"] * 3_000),
        " ".join(["Qwen 2.5 -"] * 3_000),
        "GPT" + "-4" * 5_000,
    ):
        doc = nlp(text)
        assert isinstance(doc._.dealextract_orgs, list)
