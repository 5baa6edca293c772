"""The ``dealextract_orgs`` component: organisation mentions (label ORG) into ``doc._.dealextract_orgs``.

``match`` finds candidates (gazetteer, then rules for unseen names); ``set_annotations`` writes them.
The component consults the AI-model gazetteer itself, so "Qwen" or "DeepSeek-R1" never become
organisations whatever the pipeline order, and skips what the money and dates components took.

Config::

    nlp.add_pipe("dealextract_orgs", config={
        "extra_files": ["my_orgs.jsonl"],      # more organisations (gazetteer line format)
        "model_files": ["my_models.jsonl"],    # more AI models, so they are never taken for companies
        "place_files": ["my_places.jsonl"],    # more places, never organisations
        "use_rules": True,                     # False: gazetteer only
    })
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from dealextract.ai_models.patterns import find_known
from dealextract.gazetteer import (
    Entry,
    Gazetteer,
    GazetteerError,
    load_many,
    parse_entry,
    read_jsonl,
    write_jsonl,
)
from dealextract.mentions import OrgMention, register_extensions
from dealextract.orgs import patterns as P

ORG_KINDS = frozenset({"investor", "company", "ai_lab", "bank", "university", "agency", "media", "exchange"})
PLACE_KINDS = frozenset({"country", "province", "city", "region"})
ORG_FILE = "orgs/data/organisations.jsonl"
PLACE_FILE = "orgs/data/places.jsonl"
MODEL_FILE = "ai_models/data/models.jsonl"


@dataclass(slots=True)
class _Found:
    """A mention being built: token span, canonical name and how we know."""

    start: int
    end: int
    name: str
    kind: str | None
    source: str
    location: str | None = None
    parent: str | None = None
    entry: Entry | None = None


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    headline: bool = False
    runs: list[P.Run] = field(default_factory=list)


def blocked_tokens(doc: Doc) -> set[int]:
    """Token indices inside money or date mentions found by earlier components (None if absent)."""
    out: set[int] = set()
    for attr in ("dealextract_money", "dealextract_dates"):
        values = getattr(doc._, attr, None) or []
        for value in values:
            start, end = getattr(value, "start", None), getattr(value, "end", None)
            if start is None or end is None:
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                out.update(range(span.start, span.end))
    return out


def _present(files: Iterable[str]) -> list[str]:
    """The files that exist (see ``OrgsComponent.missing_files`` for why the others wait)."""
    return [f for f in files if Path(f).exists()]


def _is_headline(doc: Doc, start: int, end: int) -> bool:
    """A title-case line ("Deep Robotics Raises Funds From State Investors"): rules would misfire."""
    toks = [t for t in doc[start:end] if not t.is_space]
    if not toks or toks[-1].text in {".", "!", "?", '"', "”", ":", ";"}:
        return False
    words = [t for t in toks if t.is_alpha and len(t.text) > 3]
    if len(words) < 4:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.75


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    """Sentence bounds, also split at line breaks (a headline line has no full stop)."""
    bounds: list[tuple[int, int]] = []
    try:
        sents = [(s.start, s.end) for s in doc.sents]
    except ValueError:
        sents = [(0, len(doc))]
    for s, e in sents:
        cur = s
        for i in range(s, e):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                stop = i + 1 if doc[i].is_space or "\n" in doc[i].whitespace_ else i
                if stop > cur:
                    bounds.append((cur, stop))
                cur = stop
        if cur < e:
            bounds.append((cur, e))
    return bounds


class OrgsComponent:
    """Finds organisation mentions; see the module docstring for config."""

    def __init__(
        self,
        nlp: Language,
        name: str = "dealextract_orgs",
        extra_files: Iterable[str | Path] = (),
        model_files: Iterable[str | Path] = (),
        place_files: Iterable[str | Path] = (),
        use_rules: bool = True,
    ) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.use_rules = use_rules
        self.extra_files = [str(p) for p in extra_files]
        self.model_files = [str(p) for p in model_files]
        self.place_files = [str(p) for p in place_files]
        # ``spacy.load`` builds the component from its saved config before ``from_disk`` restores the
        # saved gazetteers, and the user's files named in that config may not exist where the pipeline
        # is loaded: a missing file is only an error if the component is used without ``from_disk``.
        self.missing_files = [
            f for f in (*self.extra_files, *self.model_files, *self.place_files) if not Path(f).exists()
        ]
        self.orgs = Gazetteer(nlp, load_many([ORG_FILE], _present(self.extra_files), ORG_KINDS), "org")
        self.places = Gazetteer(
            nlp, load_many([PLACE_FILE], _present(self.place_files), PLACE_KINDS), "place"
        )
        self.models = Gazetteer(
            nlp, load_many([MODEL_FILE], _present(self.model_files), frozenset({"model"})), "model"
        )

    # -- spaCy API -----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.missing_files:
            raise GazetteerError(f"{self.missing_files[0]}: cannot read (No such file or directory)")
        self.set_annotations(doc, self.match(doc))
        return doc

    def set_annotations(self, doc: Doc, found: list[_Found]) -> None:
        mentions: list[OrgMention] = []
        for f in sorted(found, key=lambda x: (x.start, x.end)):
            span = doc[f.start : f.end]
            mentions.append(
                OrgMention(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    name=f.name,
                    kind=f.kind,
                    source=f.source,
                    location=f.location,
                    parent=f.parent,
                )
            )
        doc._.dealextract_orgs = mentions

    def add_entries(self, entries: Iterable[Entry]) -> None:
        """Add organisations at run time (e.g. from a user's database)."""
        self.orgs.add(entries)

    # -- serialisation: the gazetteers as they are now (bundled, user files, ``add_entries``) ----------
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save every entry in our own JSONL line format, so a saved pipeline needs no other file."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        write_jsonl(p / "organisations.jsonl", self.orgs)
        write_jsonl(p / "places.jsonl", self.places)
        write_jsonl(p / "models.jsonl", self.models)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> OrgsComponent:
        """Restore what ``to_disk`` saved (replacing what the config's files gave)."""
        p = Path(path)
        self.orgs = Gazetteer(self.nlp, read_jsonl(p / "organisations.jsonl", ORG_KINDS), "org")
        self.places = Gazetteer(self.nlp, read_jsonl(p / "places.jsonl", PLACE_KINDS), "place")
        self.models = Gazetteer(self.nlp, read_jsonl(p / "models.jsonl", frozenset({"model"})), "model")
        self.missing_files = []
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The same data as ``to_disk``, for ``nlp.to_bytes()``."""
        saved = {
            "organisations": [e.to_json() for e in self.orgs],
            "places": [e.to_json() for e in self.places],
            "models": [e.to_json() for e in self.models],
        }
        return json.dumps(saved, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> OrgsComponent:
        """Restore what ``to_bytes`` saved."""
        saved = json.loads(data)
        self.orgs = Gazetteer(self.nlp, [parse_entry(o, ORG_KINDS) for o in saved["organisations"]], "org")
        self.places = Gazetteer(self.nlp, [parse_entry(o, PLACE_KINDS) for o in saved["places"]], "place")
        self.models = Gazetteer(
            self.nlp, [parse_entry(o, frozenset({"model"})) for o in saved["models"]], "model"
        )
        self.missing_files = []
        return self

    # -- matching ------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[_Found]:
        """All organisation mentions in ``doc`` (token spans, not yet written to the Doc)."""
        blocked = blocked_tokens(doc)
        for m in find_known(doc, self.models):
            blocked.update(range(m.start, m.end))
        taken: dict[int, _Found] = {}
        found: list[_Found] = []

        def add(f: _Found) -> bool:
            if any(i in taken or i in blocked for i in range(f.start, f.end)):
                return False
            found.append(f)
            for i in range(f.start, f.end):
                taken[i] = f
            return True

        hits = self.orgs.find(doc)
        if self.use_rules:
            for f in self._absorbing_runs(doc, hits, blocked):
                add(f)
        for hit in hits:
            e = hit.entry
            add(
                _Found(
                    hit.start, _legal_end(doc, hit.end), e.name, e.kind, "gazetteer", e.location, e.parent, e
                )
            )
        if self.use_rules:
            self._rules(doc, add, taken, blocked)
            self._propagate(doc, found, add)
        self._parenthetical_aliases(doc, found, add)
        self._canonical_short_forms(found)
        return found

    def _absorbing_runs(self, doc: Doc, hits: list[Any], blocked: set[int]) -> list[_Found]:
        """Longer names built on a known one: "Lenovo Capital & Incubator Group", "Intel China",
        "Amazon Industrial Innovation Fund", "CMG-SDIC Capital".  The whole run is the organisation
        (a different one from the known name, which becomes its ``parent`` when it starts the run)."""
        if not hits:
            return []
        hit_at = {h.start: h for h in hits}
        out: list[_Found] = []
        for s, e in _sentences(doc):
            if _is_headline(doc, s, e):
                continue
            for run in P.find_runs(doc, s, e):
                trimmed = P.trim_run(doc, run)
                if trimmed is None or trimmed.end - trimmed.start > P.MAX_NAME_TOKENS:
                    continue
                inside = [hit_at[i] for i in range(trimmed.start, trimmed.end) if i in hit_at]
                inside = [h for h in inside if h.end <= trimmed.end]
                if not inside or any(i in blocked for i in range(trimmed.start, trimmed.end)):
                    continue
                last = inside[-1]
                if last.end >= trimmed.end:
                    continue
                tail = P.Run(last.end, trimmed.end)
                tail_text = doc[tail.start : tail.end].text
                tail_place = self.places.get(tail_text)
                org_end = (
                    P.ends_in_org_word(doc, trimmed) and doc[trimmed.end - 1].lower_ not in P.LEGAL_FORMS
                )
                place_end = (
                    tail_place is not None
                    and tail_place.kind in {"country", "region"}
                    and inside[0].start == trimmed.start
                    and len(inside) == 1
                )
                if not (org_end or place_end):
                    continue
                if self._rejected(doc, trimmed, s):
                    continue
                parent = inside[0].entry.name if inside[0].start == trimmed.start else None
                kind = P.suffix_kind(doc, trimmed) if org_end else inside[0].entry.kind
                name = " ".join(doc[trimmed.start : trimmed.end].text.split())
                out.append(
                    _Found(trimmed.start, _legal_end(doc, trimmed.end), name, kind, "extends", None, parent)
                )
        return out

    def _is_place(self, doc: Doc, run: P.Run) -> bool:
        return self.places.get(doc[run.start : run.end].text) is not None

    def _rejected(self, doc: Doc, run: P.Run, sent_start: int) -> bool:
        """Runs that are never organisations: places, people, months, rounds, lone ordinary words."""
        span = doc[run.start : run.end]
        low = span.text.lower()
        if self._is_place(doc, run) or P.looks_like_person(doc, run):
            return True
        if run.end - run.start == 1:
            tok = doc[run.start]
            if tok.lower_ in P.NOT_ORG_WORDS or tok.lower_ in P.NOT_ORG_MIXED or tok.is_stop:
                return True
            if tok.lower_ in P.ORG_SUFFIXES or tok.lower_ in P.PERSON_TITLES:
                return True
            if tok.is_upper and len(tok.text) <= 1:
                return True
        if low.startswith("series ") or low in P.NOT_ORG_MIXED:
            return True
        return all(
            t.lower_ in P.NOT_ORG_WORDS or t.lower_ in P.ORG_SUFFIXES
            for t in span
            if t.is_alpha or t.like_num or any(c.isalnum() for c in t.text)
        )

    def _rules(self, doc: Doc, add: Any, taken: dict[int, _Found], blocked: set[int]) -> None:
        for s, e in _sentences(doc):
            headline = _is_headline(doc, s, e)
            raw_runs = P.find_runs(doc, s, e)
            runs: list[P.Run] = []
            for r in raw_runs:
                runs.extend(self._split_at_taken(r, taken, blocked))
            trimmed = [t for t in (P.trim_run(doc, r) for r in runs) if t is not None]
            # known organisations take part in lists too
            items: dict[int, P.Run] = {t.start: t for t in trimmed}
            known: set[int] = set()
            for i in range(s, e):
                f = taken.get(i)
                if f is not None and f.start == i:
                    items[i] = P.Run(f.start, f.end)
                    known.add(i)
            by_start = dict(items)
            by_end = {r.end: r for r in items.values()}
            accepted: dict[int, str] = {}
            seeds: list[tuple[P.Run, bool | None]] = []  # (run, forward list direction or None: both)
            for r in sorted(items.values(), key=lambda x: x.start):
                if r.start in known:
                    seeds.append((r, None))
                    continue
                if r.end - r.start > P.MAX_NAME_TOKENS or self._rejected(doc, r, s):
                    continue
                reason = self._reason(doc, r, s, e, headline)
                if reason is not None:
                    accepted[r.start] = reason
                    seeds.append((r, None if reason != "left" else True))
                elif P.left_trigger(doc, r, s):
                    seeds.append((r, True))
            if not headline:
                for r, direction in seeds:
                    for forward in (True, False):
                        if direction is not None and direction != forward:
                            continue
                        for nb in P.list_neighbours(doc, r, by_start, by_end, e, s, forward):
                            if nb.start in known or nb.start in accepted:
                                continue
                            if nb.end - nb.start > P.MAX_NAME_TOKENS or self._rejected(doc, nb, s):
                                break
                            if doc[nb.start].is_sent_start and nb.end - nb.start == 1:
                                break
                            accepted[nb.start] = "list"
            for start, reason in accepted.items():
                r = by_start[start]
                kind = P.suffix_kind(doc, r) if P.ends_in_org_word(doc, r) else None
                add(
                    _Found(
                        r.start,
                        r.end,
                        " ".join(doc[r.start : r.end].text.split()),
                        kind,
                        reason,
                        self._location(doc, r),
                    )
                )

    def _split_at_taken(self, run: P.Run, taken: dict[int, _Found], blocked: set[int]) -> list[P.Run]:
        """Parts of a run not covered by known organisations, models, money or dates."""
        out: list[P.Run] = []
        cur: int | None = None
        for i in range(run.start, run.end):
            free = i not in taken and i not in blocked
            if free and cur is None:
                cur = i
            elif not free and cur is not None:
                out.append(P.Run(cur, i))
                cur = None
        if cur is not None:
            out.append(P.Run(cur, run.end))
        return out

    def _reason(self, doc: Doc, r: P.Run, s: int, e: int, headline: bool) -> str | None:
        """Why a run is an organisation, or None."""
        if P.ends_in_org_word(doc, r) and not (
            r.end - r.start == 2
            and self._is_place(doc, P.Run(r.start, r.start + 1))
            and doc[r.end - 1].lower_ in {"ai", "tech", "bio", "health", "energy"}
        ):
            return "suffix"
        if headline:
            return None
        if self._based(doc, r) is not None:
            return "based"
        if P.head_noun_before(doc, r):
            return "head_noun"
        if P.apposition_after(doc, r, e):
            return "apposition"
        if P.right_trigger(doc, r, e):
            return "right"
        if P.left_trigger(doc, r, s):
            return "left"
        if r.end - r.start == 1 and P.is_mixed_case(doc[r.start].text):
            return "mixed_case"
        return None

    def _based(self, doc: Doc, r: P.Run) -> str | None:
        """ "Beijing-based X" → the place, for X; None when the run is not introduced that way."""
        i = r.start
        if i >= 3 and doc[i - 1].lower_ in {"based", "headquartered", "listed"} and doc[i - 2].text == "-":
            j = i - 3
            k = j
            while k > 0 and i - k < 5 and P.is_cap(doc[k - 1]):
                k -= 1
            return doc[k : j + 1].text
        return None

    def _location(self, doc: Doc, r: P.Run) -> str | None:
        place = self._based(doc, r)
        if place is not None:
            return place
        # "Beijing-based AI startup X": look a few tokens back for "-based"
        for i in range(r.start - 1, max(r.start - 6, 2), -1):
            if doc[i].lower_ == "based" and doc[i - 1].text == "-":
                k = i - 2
                while k > 0 and P.is_cap(doc[k - 1]) and i - k < 5:
                    k -= 1
                return doc[k : i - 1].text
        return None

    def _propagate(self, doc: Doc, found: list[_Found], add: Any) -> None:
        """Every later (or earlier) use of a name the rules accepted, and its short form, is that org.

        "Fortera Capital ... Fortera's post": the short form is the name less its organisation words,
        kept only when it is not a place, a person or an ordinary word.
        """
        forms: dict[tuple[str, ...], _Found] = {}
        for f in found:
            toks = tuple(t.text for t in doc[f.start : f.end])
            forms.setdefault(toks, f)
            if True:
                k = len(toks)
                while k > 1 and toks[k - 1].lower() in P.ORG_SUFFIXES:
                    k -= 1
                short = toks[:k]
                if k < len(toks) and self._short_ok(short):
                    forms.setdefault(short, f)
        if not forms:
            return
        longest = max(len(k) for k in forms)
        first_tokens = {k[0] for k in forms}
        n = len(doc)
        i = 0
        while i < n:
            if doc[i].text not in first_tokens:
                i += 1
                continue
            matched = 0
            for length in range(min(longest, n - i), 0, -1):
                key = tuple(t.text for t in doc[i : i + length])
                hit = forms.get(key)
                if hit is None:
                    continue
                f = hit
                # whole words only: not inside a longer capitalised run
                if (
                    i + length < n
                    and P.is_cap(doc[i + length])
                    and doc[i + length].lower_ not in P.NOT_ORG_WORDS
                ):
                    continue
                if add(
                    _Found(
                        i,
                        i + length,
                        f.name,
                        f.kind,
                        "alias" if length != f.end - f.start else f.source,
                        None,
                        f.parent,
                        f.entry,
                    )
                ):
                    matched = length
                break
            i += matched or 1

    def _short_ok(self, toks: tuple[str, ...]) -> bool:
        text = " ".join(toks)
        low = text.lower()
        if self.places.get(text) is not None or low in P.NOT_ORG_WORDS or low in P.CHINESE_SURNAMES:
            return False
        if self.places.get(toks[0]) is not None:
            return False
        return not all(t.lower() in P.NOT_ORG_WORDS or t.lower() in P.FIRST_NAMES for t in toks)

    def _parenthetical_aliases(self, doc: Doc, found: list[_Found], add: Any) -> None:
        """ "China Merchants Bank (CMB)", "Alibaba (阿里巴巴)": the bracketed form names the same org."""
        aliases: dict[str, _Found] = {}
        for f in list(found):
            i = f.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
                inner = doc[i + 1].text
                if _acronym_of(inner, doc[f.start : f.end]) or _is_cjk(inner):
                    add(_Found(i + 1, i + 2, f.name, f.kind, "alias", None, f.parent, f.entry))
                    aliases.setdefault(inner, f)
        if not aliases:
            return
        for tok in doc:
            owner = aliases.get(tok.text)
            if owner is not None:
                add(
                    _Found(tok.i, tok.i + 1, owner.name, owner.kind, "alias", None, owner.parent, owner.entry)
                )

    @staticmethod
    def _canonical_short_forms(found: list[_Found]) -> None:
        """A rule-found name that is a longer rule name less its organisation words takes that name."""
        by_name = {f.name: f for f in found}
        for f in found:
            if f.source == "gazetteer" or f.entry is not None:
                continue
            for other, g in by_name.items():
                if other != f.name and other.startswith(f.name + " "):
                    rest = other[len(f.name) + 1 :].lower().split()
                    if rest and all(w in P.ORG_SUFFIXES for w in rest):
                        f.name, f.kind, f.parent, f.entry = other, g.kind, g.parent, g.entry
                        break


def _legal_end(doc: Doc, end: int) -> int:
    """Extend a name over legal forms after it: "Tencent Holdings Ltd", "X Technology Co., Ltd."."""
    n = len(doc)
    while end < n:
        tok = doc[end]
        if tok.lower_ in P.LEGAL_FORMS and tok.text[0].isupper() and doc[end - 1].whitespace_:
            end += 1
        elif (
            tok.text == ","
            and end + 1 < n
            and doc[end - 1].lower_ in {"co", "co.", "corp", "corp."}
            and doc[end + 1].lower_ in {"ltd", "ltd.", "limited", "inc", "inc."}
        ):
            end += 2
        else:
            break
    return end


def _acronym_of(inner: str, span: Span) -> bool:
    """ "CMB" for "China Merchants Bank", "SSCIC" for "Shanghai State-owned Capital Investment Co"."""
    if not (2 <= len(inner) <= 8 and inner.isupper() and inner.isalpha()):
        return False
    initials = "".join(w[0] for w in span.text.replace("-", " ").split() if w[0].isalpha()).upper()
    return inner[0] == initials[:1] and all(c in initials for c in inner)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@Language.factory(
    "dealextract_orgs",
    default_config={"extra_files": [], "model_files": [], "place_files": [], "use_rules": True},
)
def make_orgs_component(
    nlp: Language,
    name: str,
    extra_files: list[str],
    model_files: list[str],
    place_files: list[str],
    use_rules: bool,
) -> OrgsComponent:
    """spaCy factory: ``nlp.add_pipe("dealextract_orgs", config={"extra_files": [...]})``."""
    return OrgsComponent(nlp, name, extra_files, model_files, place_files, use_rules)
