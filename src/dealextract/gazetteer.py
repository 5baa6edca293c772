"""Gazetteers: lists of known names (organisations, AI model families, places) kept in JSONL data files.

Why a shared loader: organisations and AI models both need "find every known name and its aliases in a
Doc, fast", and both let users add their own files.  Every line is validated on load and an error names
the file and line, so a typo in a user's file is found at start-up, not as a silent miss.

Matching uses spaCy's ``PhraseMatcher`` built with ``nlp.make_doc`` (spaCy #4119: a ruler with many
patterns must not run the whole pipeline per pattern).  Two matchers: ``ORTH`` (exact case) for every
form, and ``LOWER`` for forms where ignoring case is safe (several words, or a mixed-case/digit form
such as "DeepSeek" or "01.AI").  A case-insensitive hit is only kept when the text itself has a capital
or a digit, so "deep robotics" in prose is not a company but "Deepseek" or "BYTEDANCE" are.

Line format (one JSON object per line; ``#`` lines and blank lines are skipped)::

    {"name": "ShengShu Technology", "aliases": ["ShengShu", "生数科技"], "type": "ai_lab"}
    {"name": "Alibaba Cloud", "aliases": ["Aliyun"], "type": "company", "parent": "Alibaba Group"}
    {"name": "Vidu", "type": "model", "maker": "ShengShu Technology"}

Fields: ``name`` (canonical, required), ``aliases`` (other surface forms), ``type`` (checked against the
kinds the caller allows), ``parent`` (for a subsidiary: never merged into the parent), ``maker`` (for a
model), ``case`` (``auto`` | ``exact`` | ``lower``: override the case rule), ``ambiguous`` (also the name
of something of another kind, e.g. DeepSeek the company and the model: decided from context),
``location`` and ``note`` (free text for readers).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from typing_extensions import Self

from dealextract.tokens import TokenTable, table

CaseRule = Literal["auto", "exact", "lower"]


class GazetteerError(ValueError):
    """A data file line that cannot be used; the message names the file and the line."""


class _EntryIn(BaseModel):
    """The on-disk shape of one line; unknown keys are refused so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    type: str | None = None
    parent: str | None = None
    maker: str | None = None
    family: str | None = None
    case: CaseRule = "auto"
    ambiguous: bool = False
    location: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One known name with its aliases, as used at run time."""

    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    parent: str | None = None
    maker: str | None = None
    family: str | None = None
    case: CaseRule = "auto"
    ambiguous: bool = False
    location: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def to_json(self) -> dict[str, object]:
        """The JSONL form (only the fields that are set), for ``to_disk``."""
        out: dict[str, object] = {"name": self.name}
        if self.aliases:
            out["aliases"] = list(self.aliases)
        for key, value in (
            ("type", self.kind),
            ("parent", self.parent),
            ("maker", self.maker),
            ("family", self.family),
            ("location", self.location),
        ):
            if value is not None:
                out[key] = value
        if self.case != "auto":
            out["case"] = self.case
        if self.ambiguous:
            out["ambiguous"] = True
        return out


def parse_entry(obj: object, allowed_kinds: frozenset[str] | None = None) -> Entry:
    """Validate one decoded JSON object; raises ``ValueError`` with a readable message."""
    try:
        raw = _EntryIn.model_validate(obj)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'line'}: {err['msg']}" for err in exc.errors()
        )
        raise ValueError(problems) from None
    if allowed_kinds is not None and raw.type is not None and raw.type not in allowed_kinds:
        raise ValueError(f"type {raw.type!r} is not one of {sorted(allowed_kinds)}")
    aliases = tuple(a.strip() for a in raw.aliases if a.strip())
    return Entry(
        name=raw.name.strip(),
        aliases=aliases,
        kind=raw.type,
        parent=raw.parent,
        maker=raw.maker,
        family=raw.family,
        case=raw.case,
        ambiguous=raw.ambiguous,
        location=raw.location,
    )


def read_lines(lines: Iterable[str], source: str, allowed_kinds: frozenset[str] | None = None) -> list[Entry]:
    """Parse JSONL lines; ``source`` is used in error messages ("file.jsonl:12: ...")."""
    entries: list[Entry] = []
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            entries.append(parse_entry(json.loads(stripped), allowed_kinds))
        except json.JSONDecodeError as exc:
            raise GazetteerError(f"{source}:{number}: not valid JSON ({exc.msg})") from None
        except RecursionError:  # "[[[[...": json.loads recurses once per level
            raise GazetteerError(f"{source}:{number}: JSON nested too deeply") from None
        except ValueError as exc:
            raise GazetteerError(f"{source}:{number}: {exc}") from None
    return entries


def read_jsonl(path: str | Path, allowed_kinds: frozenset[str] | None = None) -> list[Entry]:
    """Read and validate one data file."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise GazetteerError(f"{p}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GazetteerError(
            f"{p}:{line}: not valid UTF-8 (byte {exc.start}): save the file as UTF-8"
        ) from None
    return read_lines(text.splitlines(), str(p), allowed_kinds)


def write_jsonl(path: str | Path, entries: Iterable[Entry]) -> None:
    """Write entries as JSONL (the inverse of ``read_jsonl``)."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for entry in entries:
            fh.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")


def _lower_safe(form: str, n_tokens: int) -> bool:
    """Whether a form can be matched ignoring case without catching ordinary words.

    Several words ("Moonshot AI") or a single word whose case is itself distinctive ("DeepSeek",
    "iFlytek", "01.AI") are safe; a plain capitalised word ("Apple", "Step") or an all-capital acronym
    ("ARM", "IDEA") is not.
    """
    letters = [c for c in form if c.isalpha()]
    if len(letters) < 2:
        return False
    if n_tokens > 1:
        return True
    if form.isupper():
        return False
    has_digit = any(c.isdigit() for c in form)
    inner_upper = any(c.isupper() for c in form[1:])
    return has_digit or inner_upper


def _spellings(form: str) -> tuple[str, ...]:
    """A form and, for a name of capitalised words, its hyphenated spelling: news writes "Meituan
    Dianping" as "Meituan-Dianping" too, and the tokenizer splits the hyphen into a token of its own."""
    words = form.split(" ")
    if len(words) > 1 and all(w[:1].isupper() and w.isalpha() for w in words):
        return (form, "-".join(words))
    return (form,)


class Hit(NamedTuple):
    """A gazetteer match: token offsets in the Doc, the entry, and whether case matched exactly.

    A tuple, not a frozen dataclass: an article has dozens of hits, and a tuple is made several times
    faster.
    """

    start: int
    end: int
    entry: Entry
    exact: bool

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


class Gazetteer:
    """Known names in two PhraseMatchers (exact and case-insensitive), entries addressable by key.

    Built once per pipeline; ``add`` may be called again to extend it (user files).
    """

    def __init__(self, nlp: Language, entries: Iterable[Entry] = (), name: str = "gazetteer") -> None:
        self.nlp = nlp
        self.name = name
        self.entries: list[Entry] = []
        self._by_key: dict[int, Entry] = {}
        self._by_name: dict[str, Entry] = {}
        self._by_form: dict[str, Entry] = {}
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._content = hashlib.blake2b(name.encode("utf-8"))
        self.fingerprint = self._content.hexdigest()
        self.add(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def add(self, entries: Iterable[Entry]) -> None:
        """Add entries; a later entry with the same canonical name replaces the earlier one's lookup."""
        batch = list(entries)
        if not batch:
            return
        forms: list[tuple[Entry, str]] = [(e, v) for e in batch for f in e.forms for v in _spellings(f)]
        tokenizer: Any = self.nlp.tokenizer  # make_doc without the pipeline (spaCy #4119)
        docs = list(tokenizer.pipe(f for _, f in forms))
        exact_patterns: dict[str, list[Doc]] = {}
        lower_patterns: dict[str, list[Doc]] = {}
        for (entry, form), pattern in zip(forms, docs, strict=True):
            if len(pattern) == 0:
                continue
            key = f"{self.name}:{entry.name}"
            exact_patterns.setdefault(key, []).append(pattern)
            use_lower = entry.case == "lower" or (entry.case == "auto" and _lower_safe(form, len(pattern)))
            if use_lower:
                lower_patterns.setdefault(key, []).append(pattern)
            self._by_form.setdefault(form.casefold(), entry)
            self._digest([key, form, [tok.text for tok in pattern], use_lower])
        for entry in batch:
            self._digest(entry.to_json())
            self.entries.append(entry)
            key = f"{self.name}:{entry.name}"
            self._by_key[self.nlp.vocab.strings.add(key)] = entry
            self._by_name[entry.name.casefold()] = entry
        for key, pats in exact_patterns.items():
            self._exact.add(key, pats)
        for key, pats in lower_patterns.items():
            self._lower.add(key, pats)
        self.fingerprint = self._content.hexdigest()

    def _digest(self, item: object) -> None:
        """Feed one pattern or entry to ``fingerprint``: a digest of everything the gazetteer holds, so two
        gazetteers with the same fingerprint find the same hits (see ``ai_models.patterns.find_known``)."""
        self._content.update(json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n")

    def get(self, name: str) -> Entry | None:
        """The entry whose canonical name or alias is ``name`` (any case), if any."""
        key = name.casefold()
        return self._by_name.get(key) or self._by_form.get(key)

    def find(self, doc: Doc, t: TokenTable | None = None) -> list[Hit]:
        """Longest non-overlapping hits in text order; exact-case hits win ties.

        ``t`` is the Doc's token table when the caller already has it (only a case-insensitive hit
        needs the text).  Matches stay ``(key, start, end)`` tuples: a ``Span`` per match cost more than
        the matching itself.
        """
        matches: list[tuple[int, int, int]] = list(self._exact(doc))
        exact_keys = set(matches)
        lower = [m for m in self._lower(doc) if m not in exact_keys]
        if lower:
            span_text = (t if t is not None else table(doc)).span_text
            matches.extend(m for m in lower if any(c.isupper() or c.isdigit() for c in span_text(m[1], m[2])))
        hits: list[Hit] = []
        for key, start, end in longest_first(matches):
            entry = self._by_key.get(key)
            if entry is not None:
                hits.append(Hit(start, end, entry, (key, start, end) in exact_keys))
        return hits


def longest_first(matches: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` on ``(key, start, end)`` tuples: the longest (then the first) of
    overlapping matches, equal ones in their given order, the kept ones sorted by start."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for m in ordered:
        if m[1] not in seen and m[2] - 1 not in seen:
            kept.append(m)
            seen.update(range(m[1], m[2]))
    kept.sort(key=lambda m: m[1])
    return kept


def load_default(package_file: str, allowed_kinds: frozenset[str] | None = None) -> list[Entry]:
    """Read a data file bundled in the package, e.g. ``"orgs/data/organisations.jsonl"``."""
    from importlib import resources

    ref = resources.files("dealextract").joinpath(package_file)
    return read_lines(ref.read_text("utf-8").splitlines(), package_file, allowed_kinds)


def load_many(
    package_files: Sequence[str],
    extra_files: Sequence[str | Path],
    allowed_kinds: frozenset[str] | None = None,
) -> list[Entry]:
    """Bundled files then the user's files, in that order (a user's entry is added after ours)."""
    entries: list[Entry] = []
    for package_file in package_files:
        entries.extend(load_default(package_file, allowed_kinds))
    for extra in extra_files:
        entries.extend(read_jsonl(extra, allowed_kinds))
    return entries


def present_files(files: Iterable[str]) -> list[str]:
    """The user's data files that exist now.

    ``spacy.load`` builds a component from its saved config before ``from_disk`` restores the saved
    gazetteers, and the files named in that config may not exist where the pipeline is loaded: a missing
    file is only an error if the component is used without ``from_disk`` (``require_files``).
    """
    return [f for f in files if Path(f).exists()]


def require_files(missing: list[str]) -> None:
    """Refuse to run with a user data file that was named but never read."""
    if missing:
        raise GazetteerError(f"{missing[0]}: cannot read (No such file or directory)")


@dataclass(frozen=True, slots=True)
class GazetteerSpec:
    """One gazetteer a component holds: the bundled file, the kinds its lines may have, and the name
    (``key``) under which it is saved with the pipeline."""

    key: str
    bundled: str
    kinds: frozenset[str]
    label: str


class GazetteerComponent:
    """What the organisation and AI-model components share: gazetteers built from bundled and user
    files, the rule for user files missing at load time, and save/load with the pipeline.

    A subclass lists its gazetteers in ``SPECS`` and implements ``match`` and ``set_annotations``, which
    ``__call__`` calls with the Doc's token table (read once for both).
    """

    SPECS: tuple[GazetteerSpec, ...] = ()

    def _load_gazetteers(self, nlp: Language, user_files: dict[str, list[str]]) -> None:
        self.nlp = nlp
        named = [f for files in user_files.values() for f in files]
        present = present_files(named)  # see present_files for the missing ones
        self.missing_files = [f for f in named if f not in present]
        self.gazetteers = {
            spec.key: Gazetteer(
                nlp,
                load_many(
                    [spec.bundled], [f for f in user_files.get(spec.key, []) if f in present], spec.kinds
                ),
                spec.label,
            )
            for spec in self.SPECS
        }

    def __call__(self, doc: Doc) -> Doc:
        require_files(self.missing_files)
        t = table(doc)  # asked once: each ``table`` call checks the Doc against the cached table
        self.set_annotations(doc, self.match(doc, t), t)
        return doc

    def match(self, doc: Doc, t: TokenTable | None = None) -> Any:  # pragma: no cover - per subclass
        """What the component finds in ``doc``, not yet written to it (``t``: its token table, if known)."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any, t: TokenTable | None = None) -> None:  # pragma: no cover
        """Write what ``match`` found to ``doc``."""
        raise NotImplementedError

    # -- serialisation: every entry in our own JSONL line format, so a saved pipeline needs no other file
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save each gazetteer as it is now (bundled, user files, entries added at run time)."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for spec in self.SPECS:
            write_jsonl(folder / f"{spec.key}.jsonl", self.gazetteers[spec.key])

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        """Restore what ``to_disk`` saved (replacing what the config's files gave)."""
        folder = Path(path)
        self._restore({spec.key: read_jsonl(folder / f"{spec.key}.jsonl", spec.kinds) for spec in self.SPECS})
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The same data as ``to_disk``, for ``nlp.to_bytes()``."""
        saved = {spec.key: [e.to_json() for e in self.gazetteers[spec.key]] for spec in self.SPECS}
        return json.dumps(saved, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        """Restore what ``to_bytes`` saved."""
        saved = json.loads(data)
        self._restore(
            {spec.key: [parse_entry(o, spec.kinds) for o in saved[spec.key]] for spec in self.SPECS}
        )
        return self

    def _restore(self, entries: dict[str, list[Entry]]) -> None:
        self.gazetteers = {
            spec.key: Gazetteer(self.nlp, entries[spec.key], spec.label) for spec in self.SPECS
        }
        self.missing_files = []
