"""The command line: one output line per input article, bad lines become errors, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dealextract.cli import main

DEAL = "Lumora Robotics has raised $45 million in a Series B round led by Qingshan Capital."


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, Any]], str]:
    code = main(args)
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines() if line.strip()]
    return code, lines, captured.err


def test_bad_lines_become_error_lines_in_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b"\n".join(
            [
                json.dumps({"id": "ok1", "text": DEAL, "published": "2026-03-02"}).encode(),
                b"{not json",
                json.dumps({"id": "no-text", "title": "x"}).encode(),
                json.dumps({"id": "bad-date", "text": DEAL, "published": "next Tuesday"}).encode(),
                b"[1, 2, 3]",
                json.dumps({"id": "wrong-type", "text": 42}).encode(),
                json.dumps({"id": "empty", "text": "   "}).encode(),
                b'{"id": "latin1", "text": "caf\xe9"}',
                json.dumps({"id": "ok2", "text": "Nothing happened today."}).encode(),
            ]
        )
        + b"\n"
    )
    code, lines, err = run_cli(["extract", str(src)], capsys)
    assert code == 1
    assert "7 with errors" in err
    assert len(lines) == 9
    codes = [(line["article_id"], [e["code"] for e in line["errors"]]) for line in lines]
    assert codes == [
        ("ok1", []),
        (None, ["invalid_json"]),
        ("no-text", ["missing_text"]),  # an error line keeps the id the record gave
        ("bad-date", ["bad_date"]),
        (None, ["not_an_object"]),
        ("wrong-type", ["bad_text"]),
        ("empty", ["empty_text"]),
        (None, ["invalid_utf8"]),
        ("ok2", []),
    ]
    assert [line["errors"][0]["line"] for line in lines[1:8]] == [2, 3, 4, 5, 6, 7, 8]
    assert lines[0]["deals"], "the good article still gets its deal"
    for line in lines[1:8]:
        assert line["errors"][0]["message"]


def test_txt_folder_and_published_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "b.txt").write_text(DEAL, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Quiet day in the markets.", encoding="utf-8")
    code, lines, _ = run_cli(["extract", str(tmp_path), "--published", "2026-03-02"], capsys)
    assert code == 0
    assert [line["article_id"] for line in lines] == ["a", "b"]
    assert all(line["published"] == "2026-03-02" for line in lines)


def test_output_file_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (json.dumps({"id": "s1", "text": DEAL}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "out.jsonl"
    code = main(["extract", "-", "-o", str(out)])
    assert code == 0
    (line,) = out.read_text("utf-8").splitlines()
    assert json.loads(line)["article_id"] == "s1"


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["extract", "x.jsonl", "--published", "soon"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ArticleResult"


def test_console_script_runs_on_the_bundled_example() -> None:
    example = Path(__file__).resolve().parents[1] / "fixtures" / "example.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "dealextract.cli", "extract", str(example)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines and any(line["deals"] for line in lines)


def test_org_names_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Tencent led a $20 million round in Quorvel."}) + "\n")
    _, lines, _ = run_cli(["extract", str(src), "--jobs", "1"], capsys)
    assert [p["name"] for p in lines[0]["deals"][0]["investors"]] == ["Tencent"]
    _, lines, _ = run_cli(["extract", str(src), "--jobs", "1", "--org-names", "canonical"], capsys)
    assert [p["name"] for p in lines[0]["deals"][0]["investors"]] == ["Tencent Holdings"]
