"""Broken input never stops a batch run: every bad record becomes an output line with an ``ErrorInfo``
(a stable code, a message saying what to do, the input line) and the articles after it still run.

One file holds every fault a dump can have (invalid UTF-8, a JSON value that is not an object, ``text``
of the wrong type, an impossible ``published``, an invalid line, a lone-surrogate escape, a truncated last
line); a folder adds an empty file, a non-UTF-8 text file and an unreadable one.  The kill-and-resume
test lives in ``tests/batch/test_batch_resume.py``.
"""

from __future__ import annotations

import json
import os
import pathlib
from pathlib import Path
from typing import Any

import pytest

from dealextract.batch.readers import read_inputs
from dealextract.cli import main

GOOD = (
    b'{"id": "good", "text": "Acme Robotics raised $5 million from Foo Ventures.", "published": "2026-04-15"}'
)

# (raw line, expected error code or None for a processed article, words the message must hold)
FAULTS: list[tuple[bytes, str | None, tuple[str, ...]]] = [
    (GOOD, None, ()),
    (b'{"id": "utf8", "text": "Acme \xff\xfe raised"}', "invalid_utf8", ("line 2", "UTF-8")),
    (b"[1, 2, 3]", "not_an_object", ("list", "'text'")),
    (b"42", "not_an_object", ("int",)),
    (b"null", "not_an_object", ("NoneType",)),
    (b'{"id": "num", "text": 5}', "bad_text", ("'text' must be a string", "int")),
    (b'{"id": "list", "text": ["a"]}', "bad_text", ("list",)),
    (b'{"id": "feb30", "text": "Acme raised $5 million.", "published": "2026-02-30"}', "bad_date",
     ("2026-02-30", "YYYY-MM-DD")),
    (b'{"id": "month13", "text": "Acme raised $5 million.", "published": "2026-13-01"}', "bad_date", ("2026-13-01",)),
    (b'{"id": "notext"}', "missing_text", ("'text'",)),
    (b'{"id": "empty", "text": "   "}', "empty_text", ("empty",)),
    (b'{"id": "broken", "text": "x"', "invalid_json", ("line 12", "JSON")),
    (b'{"id": "sur", "text": "Acme \\ud800 raised $5 million."}', None, ()),
    (GOOD.replace(b'"good"', b'"after"'), None, ()),
    (b'{"id": "trunc", "text": "Acme rai', "invalid_json", ("line 15", "JSON")),  # no final newline
]  # fmt: skip


def _run(args: list[str], tmp_path: Path) -> tuple[int, list[dict[str, Any]]]:
    out = tmp_path / "out.jsonl"
    code = main(["extract", *args, "-o", str(out), "--jobs", "1", "--no-progress"])
    text = out.read_text("utf-8")
    assert text == "" or text.endswith("\n"), "every output line is complete"
    return code, [json.loads(line) for line in text.splitlines()]


@pytest.fixture()
def faulty_jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "faults.jsonl"
    path.write_bytes(b"\n".join(raw for raw, _, _ in FAULTS))
    return path


def test_every_faulty_line_gives_one_output_line_with_its_error(faulty_jsonl: Path, tmp_path: Path) -> None:
    code, lines = _run([str(faulty_jsonl)], tmp_path)
    assert code == 1  # some articles had errors; the run itself went on
    assert len(lines) == len(FAULTS), "one output line per input line, in order"
    for number, ((raw, expected, words), line) in enumerate(zip(FAULTS, lines, strict=True), start=1):
        if expected is None:
            assert line["errors"] == [], (raw, line["errors"])
            assert line["entities"], raw
            continue
        [error] = line["errors"]
        assert error["code"] == expected, (raw, error)
        assert error["line"] == number, (raw, error)
        for word in words:
            assert word in error["message"], (raw, error["message"])
    assert lines[-2]["article_id"] == "after" and lines[-2]["deals"], "the run went on after the faults"


def test_a_json_string_line_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "string.jsonl"
    path.write_bytes(b'"Acme raised $5 million."\n' + GOOD + b"\n")
    _, lines = _run([str(path)], tmp_path)
    assert [e["code"] for e in lines[0]["errors"]] == ["not_an_object"]


def test_folder_with_empty_broken_and_good_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_latin1.txt").write_bytes("Acme raised \xa35 million in Zürich".encode("latin-1"))
    (folder / "c_ok.txt").write_text("Foo Ventures led a $3 million round in Acme Robotics.", "utf-8")
    (folder / "d_only_blank_lines.jsonl").write_bytes(b"\n\n  \n")
    _, lines = _run([str(folder)], tmp_path)
    codes = [[e["code"] for e in line["errors"]] for line in lines]
    assert codes[:3] == [["empty_text"], ["invalid_utf8"], []]
    assert "b_latin1.txt" in lines[1]["errors"][0]["message"]
    assert lines[2]["deals"], "the good file after two bad ones is processed"


def test_an_empty_jsonl_file_leaves_an_error_line(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    _, lines = _run([str(path)], tmp_path)
    assert len(lines) == 1 and lines[0]["errors"]


def _make_unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Make ``path`` unreadable: chmod 000 when that works, else (root reads anything) fail its opens.

    Returns which technique was used, for the test's message.
    """
    path.chmod(0)
    try:
        path.read_bytes()
    except PermissionError:
        return "chmod 000"
    path.chmod(0o644)  # running as root: permissions do not stop reads, so make opening it fail
    real_open, real_read = pathlib.Path.open, pathlib.Path.read_bytes

    def deny(self: Path) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    def guarded_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            deny(self)
        return real_open(self, *args, **kwargs)

    def guarded_read(self: Path) -> bytes:
        if self == path:
            deny(self)
        return real_read(self)

    monkeypatch.setattr(pathlib.Path, "open", guarded_open)
    monkeypatch.setattr(pathlib.Path, "read_bytes", guarded_read)
    return "open() raising PermissionError (running as root)"


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_an_unreadable_file_in_a_folder_gives_an_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Acme Robotics raised $5 million.", "utf-8")
    locked = folder / name
    locked.write_text(
        '{"text": "Foo raised $1 million."}' if name.endswith(".jsonl") else "Foo raised $1 million."
    )
    (folder / "z.txt").write_text("Bar Labs raised $2 million.", "utf-8")
    how = _make_unreadable(locked, monkeypatch)
    try:
        items = list(read_inputs([str(folder)]))
    finally:
        if os.geteuid() != 0:
            locked.chmod(0o644)
    assert len(items) == 3, how
    info = getattr(items[1], "info", None)
    assert info is not None and info.code == "unreadable_file", (how, items[1])
    assert name in info.message and "permission" in info.message.lower()
