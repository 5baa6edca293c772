"""No surprise I/O: extraction never touches the network and never unpickles anything, and the data
loaders refuse a bad user file with its name and line instead of failing later or silently."""

from __future__ import annotations

import pickle
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import dealextract
from dealextract.gazetteer import GazetteerError

ARTICLE = (
    "Alibaba Cloud led a 2 billion yuan (about $293 million) Series B round in ShengShu Technology, the "
    "Beijing-based startup behind the Vidu model, on April 2, 2026. Foo Ventures also invested €5 million."
)


@pytest.fixture()
def no_network_no_pickle(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way out to the network, and every unpickling, raises and is recorded.

    Libraries are imported first (one extraction with every kind of mention): pint imports dask, which
    pickles its own functions at import time; that is not input and not extraction.
    """
    dealextract.extract(ARTICLE, published="2026-04-15")
    attempts: list[str] = []

    def refuse(what: str) -> Any:
        def _raise(*args: Any, **kwargs: Any) -> Any:
            attempts.append(what)
            raise AssertionError(f"extraction tried {what}")

        return _raise

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", refuse("urllib.request.urlopen"))
    monkeypatch.setattr(pickle, "load", refuse("pickle.load"))
    monkeypatch.setattr(pickle, "loads", refuse("pickle.loads"))
    return attempts


def test_loading_and_extracting_touch_no_network_and_no_pickle(no_network_no_pickle: list[str]) -> None:
    nlp = dealextract.load()  # a fresh pipeline: loading is where a download or unpickling would hide
    result = dealextract.extract(ARTICLE, published="2026-04-15", nlp=nlp)
    assert result.deals and result.errors == []
    # ECB conversion (amount_usd_source "ecb") reads the bundled rates, not the network
    euro = dealextract.extract(
        "Acme Robotics raised €5 million from Foo Ventures.", published="2026-04-15", nlp=nlp
    )
    assert euro.deals
    assert list(dealextract.extract_many([ARTICLE, "x", {"text": ARTICLE, "id": "2"}], nlp=nlp))
    assert dealextract.parse_money("US$4.7 billion") is not None
    assert dealextract.parse_date("two months ago", reference="2026-04-15") is not None
    assert no_network_no_pickle == []


def test_input_that_looks_like_code_or_a_pickle_is_just_text(no_network_no_pickle: list[str]) -> None:
    hostile = (
        "__import__('os').system('false') " + pickle.dumps({"a": 1}).decode("latin-1") + " raised $5 million"
    )
    result = dealextract.extract(hostile)
    assert result.errors == [] and no_network_no_pickle == []


BAD_FILES: list[tuple[bytes, int, str]] = [
    (b'{"name": "Acme"}\n{"name": "Foo", "alias": ["F"]}\n', 2, "alias"),  # unknown key (typo)
    (b'{"name": "Acme"}\n\n# comment\n{"name": "Foo"\n', 4, "not valid JSON"),
    (b'{"name": ""}\n', 1, "name"),
    (b'{"name": "Acme", "aliases": "A"}\n', 1, "aliases"),
    (b'{"name": "Acme", "type": "planet"}\n', 1, "planet"),
    (b'["Acme"]\n', 1, "line"),
    (b'{"name": "Acme"}\n{"name": "Caf\xe9"}\n', 2, "UTF-8"),
    (b'{"name": "Acme"}\n' + b"[" * 100_000 + b"\n", 2, "nested"),
]  # fmt: skip


@pytest.mark.parametrize("kind", ["org_files", "model_files"])
@pytest.mark.parametrize(("content", "line", "words"), BAD_FILES)
def test_a_bad_gazetteer_file_is_refused_with_file_and_line(
    tmp_path: Path, kind: str, content: bytes, line: int, words: str
) -> None:
    if kind == "model_files" and b"planet" in content:
        content = content.replace(b"planet", b"company")  # "company" is not a model kind either
        words = "company"
    path = tmp_path / "mine.jsonl"
    path.write_bytes(content)
    with pytest.raises(GazetteerError) as err:
        dealextract.load(**{kind: [path]})
    message = str(err.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message, message


def test_a_missing_gazetteer_file_is_refused_with_its_name(tmp_path: Path) -> None:
    """Refused on first use, not at load: ``spacy.load`` of a saved pipeline names files that are gone."""
    with pytest.raises(GazetteerError, match=r"nope\.jsonl"):
        nlp = dealextract.load(org_files=[tmp_path / "nope.jsonl"])
        dealextract.extract(ARTICLE, nlp=nlp)
