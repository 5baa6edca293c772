"""Input formats: CSV and Parquet with chosen fields, gzipped JSONL, folders, WARC."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from dealextract.batch.readers import Fields, UsageError, read_inputs
from dealextract.cli import main
from dealextract.records import Article

DEAL = "Lumora Robotics has raised $45 million in a Series B round led by Qingshan Capital."


def test_csv_with_text_and_id_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["key", "body", "published"])
        writer.writerow(["n1", DEAL, "2026-03-02"])
        writer.writerow(["n2", "", ""])
        writer.writerow(["n3", "Rain in Lyon,\nall day.", ""])
    code = main(["extract", str(path), "--text-field", "body", "--id-field", "key"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [line["article_id"] for line in lines] == [
        "n1",
        "n2",
        "n3",
    ]  # an error line keeps the id its row gave
    assert lines[0]["deals"] and lines[0]["published"] == "2026-03-02"
    assert lines[1]["errors"][0]["code"] == "missing_text" and lines[1]["errors"][0]["line"] == 3


def test_csv_without_the_text_column_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("key,body\nn1,hello\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 2


def test_parquet_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "news.parquet"
    table = pa.table({"doc": [f"{DEAL} ({i})" for i in range(1200)], "uid": [f"p{i}" for i in range(1200)]})
    pq.write_table(table, path, row_group_size=500)
    items = list(read_inputs([str(path)], fields=Fields(text="doc", id="uid")))
    assert len(items) == 1200
    assert all(isinstance(a, Article) for a in items)
    assert [a.id for a in items[:3]] == ["p0", "p1", "p2"]  # type: ignore[union-attr]
    assert items[-1].line == 1200  # type: ignore[union-attr]
    with pytest.raises(UsageError):
        list(read_inputs([str(path)]))


def test_gzip_jsonl_and_folder_of_mixed_files(tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    folder.mkdir()
    with gzip.open(folder / "a.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": DEAL}) + "\n")
    (folder / "b.txt").write_text("Quiet day.", encoding="utf-8")
    (folder / "c.csv").write_text("id,text\nc1,Another quiet day.\n", encoding="utf-8")
    items = list(read_inputs([str(folder)]))
    assert [getattr(i, "id", None) for i in items] == ["g1", "b", "c1"]


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


def test_warc_articles_with_their_own_dates(tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    paragraph = (
        "<p>Lumora Robotics, a maker of warehouse robots based in Hangzhou, said on Monday that it has "
        "raised $45 million in a Series B round led by Qingshan Capital, with participation from "
        "Harborline Capital. The company plans to use the money to expand its factory and hire engineers "
        "for its research centre over the next two years.</p>"
    )
    html = (
        "<html><head><title>Lumora raises $45 million</title>"
        '<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>'
        f"<body><article><h1>Lumora raises $45 million</h1>{paragraph * 2}</article></body></html>"
    )
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [
        ("https://news.example/lumora", "text/html; charset=utf-8", html),
        ("https://news.example/logo.png", "image/png", "PNG"),
    ])  # fmt: skip
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "--published", "2026-01-01"]) == 0
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert line["article_id"] == "https://news.example/lumora"
    assert line["published"] == "2026-03-02"
    assert line["deals"] and line["deals"][0]["target"]["name"].startswith("Lumora")
