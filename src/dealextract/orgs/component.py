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

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, compress, repeat
from pathlib import Path
from typing import Any, NamedTuple, cast

from spacy.language import Language
from spacy.tokens import Doc

from dealextract.ai_models.patterns import NAMING_WORDS, PRODUCT_NOUNS, find_known
from dealextract.gazetteer import (
    Entry,
    Gazetteer,
    GazetteerComponent,
    GazetteerSpec,
)
from dealextract.mentions import OrgMention, register_extensions
from dealextract.names import RECORD_NAMES, display_names
from dealextract.orgs import patterns as P
from dealextract.orgs.places import PLACE_FILE
from dealextract.tokens import TokenTable, table

ORG_KINDS = frozenset({"investor", "company", "ai_lab", "bank", "university", "agency", "media", "exchange"})
PLACE_KINDS = frozenset({"country", "province", "city", "region"})
ORG_FILE = "orgs/data/organisations.jsonl"
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


class _Sentence(NamedTuple):
    """A sentence cut at line breaks, with what both rule passes read of it: its runs, each run trimmed
    (``trims``, None where nothing is left) and the trimmed runs that are left (``trimmed``)."""

    start: int
    end: int
    headline: bool
    runs: list[P.Run]
    trims: list[P.Run | None]
    trimmed: list[P.Run]


def blocked_tokens(doc: Doc, t: TokenTable | None = None) -> set[int]:
    """Token indices inside money or date mentions found by earlier components (None if absent).

    ``t`` is the Doc's token table when the caller already has it.
    """
    t = t if t is not None else table(doc)
    out: set[int] = set()
    for attr in ("dealextract_money", "dealextract_dates"):
        values = getattr(doc._, attr, None) or []
        for value in values:
            start, end = getattr(value, "start", None), getattr(value, "end", None)
            if start is None or end is None:
                continue
            bounds = t.char_span_expand(start, end)
            if bounds is not None:
                out.update(range(*bounds))
    return out


# "according to industry site therobotreport.com", "thepaper.cn reported": a site named by its domain
_DOMAIN = re.compile(
    r"(?:www\.)?[A-Za-z][A-Za-z0-9\-]*\.(?:com|cn|net|org|io|ai|co|news|tech|vc|in|de|fr|jp|kr|sg|hk|uk)"
    r"(?:\.(?:uk|cn|in|jp|kr|sg|hk|au))?"
)


#: Nouns by which a story calls the company it is about ("the startup", "the Nairobi company").
_COMPANY_NOUNS = frozenset(
    ["startup", "start-up", "company", "firm", "business", "scale-up", "unicorn", "lender", "maker", "platform",
     "developer", "provider", "operator", "outfit", "fintech", "insurtech", "biotech", "chipmaker"]
)  # fmt: skip
#: Prepositions before a place ("villages around Lake Victoria"): a name after one is no rival antecedent.
_PLACE_PREPOSITIONS = frozenset(["in", "around", "near", "across", "throughout", "outside"])
#: Verbs right after a subject that opens a story about a company ("X has spent", "X makes", "X said").
_SUBJECT_VERBS = frozenset(
    ["has", "had", "is", "was", "makes", "made", "builds", "built", "sells", "sold", "runs", "operates",
     "develops", "provides", "offers", "said", "says", "wants", "plans", "launched", "started", "began",
     "spent", "shelved", "announced", "expects", "hopes", "employs", "serves"]
)  # fmt: skip


def _opens_with_company_reference(t: TokenTable, start: int, end: int) -> bool:
    """Whether "the" and a company noun (one word may stand between) come within a sentence's first
    six tokens."""
    lower = t.lower
    stop = min(end, start + 6)
    for k in range(start, stop):
        if lower[k] == "the":
            if k + 1 < end and lower[k + 1] in _COMPANY_NOUNS:
                return True
            if k + 2 < end and lower[k + 2] in _COMPANY_NOUNS:
                return True
    return False


def _after_lead_cue(t: TokenTable, start: int) -> bool:
    """Whether "led by", "co-led by" or "backed by" stands right before token ``start``."""
    return (
        start >= 2
        and t.lower[start - 1] == "by"
        and t.lower[start - 2] in {"led", "co-led", "backed", "funded"}
    )


def _site_names(t: TokenTable, hits: list[Any]) -> list[_Found]:
    """Tokens that are a web domain alone (not an e-mail address or a link with a path), as media
    organisations; a known name ("Helm.ai") is left to the gazetteer."""
    known = {h.start for h in hits}
    return [
        _Found(k, k + 1, t.text[k], "media", "domain")
        for k, text in enumerate(t.text)
        if "." in text and k not in known and _DOMAIN.fullmatch(text) and not text[:1].isupper()
    ]


def _is_headline(t: TokenTable, start: int, end: int) -> bool:
    """A title-case line ("Deep Robotics Raises Funds From State Investors"): rules would misfire.

    The closing punctuation is looked at first: most sentences end in a full stop, and then their
    words need not be counted.
    """
    text, is_space = t.text, t.is_space
    last = min(end, t.n) - 1
    while last >= start and is_space[last]:
        last -= 1
    if last < start or text[last] in {".", "!", "?", '"', "”", ":", ";"}:
        return False
    words = [k for k in range(start, last + 1) if t.is_alpha[k] and len(text[k]) > 3]
    if len(words) < 4:
        return False
    if any(text[k].islower() and text[k] not in _SMALL_WORDS for k in words):
        return False  # "• Lumera (Berlin) – €4M seed, led by X": title case never leaves "seed" small
    caps = sum(1 for k in words if text[k][0].isupper())
    return caps / len(words) >= 0.75


#: Words of four letters or more that some title-case styles leave in lower case.
_SMALL_WORDS = frozenset(
    ["from", "with", "into", "onto", "over", "than", "that", "upon", "amid", "about", "after", "among", "under",
     "until", "within", "without", "through", "between", "against", "before", "during", "since", "across",
     "near", "past", "like", "plus", "versus", "when", "where", "while"]
)  # fmt: skip


def _sentences(t: TokenTable) -> list[_Sentence]:
    """Sentences also split at line breaks (a headline line has no full stop), each with its runs.

    Computed once per Doc (both rule passes ask) from the token table, not from ``doc.sents``.
    """
    return cast(list[_Sentence], t.derived("orgs.sentences", _read_sentences))


def _read_sentences(t: TokenTable) -> list[_Sentence]:
    """The work of ``_sentences``."""
    out: list[_Sentence] = []
    for s, e in _split_sentences(t):
        runs = P.find_runs(t, s, e)
        trims = list(map(P.trim_run, repeat(t), runs))
        trimmed = [x for x in trims if x is not None]
        out.append(_Sentence(s, e, bool(runs) and _is_headline(t, s, e), runs, trims, trimmed))
    return out


def _split_sentences(t: TokenTable) -> list[tuple[int, int]]:
    """The Doc's sentences, cut after every token holding a line break."""
    bounds: list[tuple[int, int]] = []
    try:
        sents = t.sentence_bounds()
    except ValueError:
        sents = [(0, t.n)]
    breaks, is_space = _line_break_tokens(t), t.is_space
    k = 0
    for s, e in sents:
        cur = s
        k = bisect_left(breaks, s, k)
        while k < len(breaks) and breaks[k] < e:
            i = breaks[k]
            stop = i + 1 if is_space[i] else i
            if stop > cur:
                bounds.append((cur, stop))
            cur = stop
            k += 1
        if cur < e:
            bounds.append((cur, e))
    return bounds


def _line_break_tokens(t: TokenTable) -> list[int]:
    """The tokens whose text holds a line break, in order, found with ``str.find`` on the Doc's text
    rather than by looking at every token (a token's own trailing whitespace is at most one space)."""
    text, idx = t.doc_text, t.idx
    out: list[int] = []
    at = text.find("\n")
    while at != -1:
        k = bisect_right(idx, at) - 1
        if not out or out[-1] != k:
            out.append(k)
        at = text.find("\n", at + 1)
    return out


class OrgsComponent(GazetteerComponent):
    """Finds organisation mentions; see the module docstring for config."""

    SPECS = (
        GazetteerSpec("organisations", ORG_FILE, ORG_KINDS, "org"),
        GazetteerSpec("places", PLACE_FILE, PLACE_KINDS, "place"),
        GazetteerSpec("models", MODEL_FILE, frozenset({"model"}), "model"),
    )

    def __init__(
        self,
        nlp: Language,
        name: str = "dealextract_orgs",
        extra_files: Iterable[str | Path] = (),
        model_files: Iterable[str | Path] = (),
        place_files: Iterable[str | Path] = (),
        use_rules: bool = True,
        record_names: str = "as_written",
    ) -> None:
        register_extensions()
        if record_names not in RECORD_NAMES:
            raise ValueError(f"record_names must be one of {list(RECORD_NAMES)}, got {record_names!r}")
        self.name = name
        self.use_rules = use_rules
        self.record_names = record_names
        self.extra_files = [str(p) for p in extra_files]
        self.model_files = [str(p) for p in model_files]
        self.place_files = [str(p) for p in place_files]
        self._load_gazetteers(
            nlp, {"organisations": self.extra_files, "places": self.place_files, "models": self.model_files}
        )

    @property
    def orgs(self) -> Gazetteer:
        return self.gazetteers["organisations"]

    @property
    def places(self) -> Gazetteer:
        return self.gazetteers["places"]

    @property
    def models(self) -> Gazetteer:
        return self.gazetteers["models"]

    def set_annotations(self, doc: Doc, found: list[_Found], t: TokenTable | None = None) -> None:
        t = table(doc) if t is None else t
        mentions: list[OrgMention] = []
        for f in sorted(found, key=lambda x: (x.start, x.end)):
            if f.end > f.start:
                start_char, end_char, text = (
                    t.start_char(f.start),
                    t.end_char(f.end),
                    t.span_text(f.start, f.end),
                )
            else:  # never produced by ``match``; kept exact for callers passing their own
                span = doc[f.start : f.end]
                start_char, end_char, text = span.start_char, span.end_char, span.text
            mentions.append(
                OrgMention(
                    start=start_char,
                    end=end_char,
                    text=text,
                    name=f.name,
                    kind=f.kind,
                    source=f.source,
                    location=f.location,
                    parent=f.parent,
                )
            )
        doc._.dealextract_orgs = mentions
        doc._.dealextract_org_names = (
            display_names((m.name, m.text) for m in mentions)
            if self.record_names == "as_written"
            else {m.name: m.name for m in mentions}
        )

    def add_entries(self, entries: Iterable[Entry]) -> None:
        """Add organisations at run time (e.g. from a user's database)."""
        self.orgs.add(entries)

    # -- matching ------------------------------------------------------------------------------
    def match(self, doc: Doc, t: TokenTable | None = None) -> list[_Found]:
        """All organisation mentions in ``doc`` (token spans, not yet written to the Doc)."""
        t = table(doc) if t is None else t
        blocked = blocked_tokens(doc, t)
        for m in find_known(doc, self.models, t):
            blocked.update(range(m.start, m.end))
        taken: dict[int, _Found] = {}
        found: list[_Found] = []

        def add(f: _Found) -> bool:
            tokens = range(f.start, f.end)
            if not (taken.keys().isdisjoint(tokens) and blocked.isdisjoint(tokens)):
                return False
            found.append(f)
            taken.update(dict.fromkeys(tokens, f))
            return True

        hits = self.orgs.find(doc, t)
        if self.use_rules:
            for f in self._absorbing_runs(t, hits, blocked):
                add(f)
            for f in _site_names(t, hits):
                add(f)
        for hit in hits:
            if _glued_name_part(t, hit.end):
                continue  # "Scale AI-Powered", "Vidu-2": the known name is part of a longer word
            if self.use_rules and self._short_alias_of_longer_name(t, hit, blocked):
                continue  # "Luma Grid raised ...": a company whose name starts with "Luma" (Luma AI's)
            e = hit.entry
            add(
                _Found(
                    hit.start, _legal_end(t, hit.end), e.name, e.kind, "gazetteer", e.location, e.parent, e
                )
            )
        if self.use_rules:
            self._rules(t, add, found, taken, blocked)
            self._propagate(t, found, add, taken, blocked)
        self._parenthetical_aliases(t, found, add)
        self._canonical_short_forms(found)
        return found

    def _short_alias_of_longer_name(self, t: TokenTable, hit: Any, blocked: set[int]) -> bool:
        """Whether a one-word short form of a known name ("Luma" for Luma AI) opens a longer capitalised
        name that is not the known one ("Luma Grid", "Mistral Peak"): another company, left to the rules."""
        if hit.end - hit.start != 1 or t.text[hit.start] == hit.entry.name:
            return False
        k = hit.end
        if (
            k >= t.n
            or not t.ws[hit.start]
            or not t.is_alpha[k]
            or not t.text[k][:1].isupper()
            or k in blocked
        ):
            return False
        word = t.lower[k]
        if word in P.NOT_ORG_WORDS or word in P.PERSON_TITLES or word in P.ORG_SUFFIXES or t.is_upper[k]:
            return False  # "Luma CEO", "Mistral Capital" (an organisation word: absorbed), "Luma AI"
        return self.places.get(t.text[k]) is None

    def _absorbing_runs(self, t: TokenTable, hits: list[Any], blocked: set[int]) -> list[_Found]:
        """Longer names built on a known one: "Lenovo Capital & Incubator Group", "Intel China",
        "Amazon Industrial Innovation Fund", "CMG-SDIC Capital".  The whole run is the organisation
        (a different one from the known name, which becomes its ``parent`` when it starts the run)."""
        if not hits:
            return []
        starts = [h.start for h in hits]  # in text order, one hit per start
        out: list[_Found] = []
        for sent in _sentences(t):
            if sent.headline or not _any_within(starts, sent.start, sent.end):
                continue
            for trimmed in sent.trimmed:
                if trimmed.end - trimmed.start > P.MAX_NAME_TOKENS:
                    continue
                first = bisect_left(starts, trimmed.start)
                inside = hits[first : bisect_left(starts, trimmed.end, first)]
                inside = [h for h in inside if h.end <= trimmed.end]
                if not inside or any(i in blocked for i in range(trimmed.start, trimmed.end)):
                    continue
                last = inside[-1]
                if last.end >= trimmed.end:
                    continue
                tail = P.Run(last.end, trimmed.end)
                if any(t.lower[k] in P.PERSON_TITLES for k in range(tail.start, tail.end)):
                    continue  # "Spotify CTO Andreas Ehn": a person named by employer and title
                tail_text = t.span_text(tail.start, tail.end)
                tail_place = self.places.get(tail_text)
                # "Altimeter Growth Corp" is a company of its own; "Tencent Holdings Ltd" is Tencent Holdings
                org_end = P.ends_in_org_word(t, trimmed) and (
                    t.lower[trimmed.end - 1] not in P.LEGAL_FORMS
                    or any(t.lower[k] not in P.LEGAL_FORMS for k in range(last.end, trimmed.end - 1))
                )
                place_end = (
                    tail_place is not None
                    and tail_place.kind in {"country", "region"}
                    and inside[0].start == trimmed.start
                    and len(inside) == 1
                )
                if not (
                    org_end
                    or place_end
                    or self._org_word_then_place(t, trimmed, last.end)
                    or self._introduced_with_word(t, trimmed, inside, sent.start)
                ):
                    continue
                if self._rejected(t, trimmed, sent.start):
                    continue
                parent = inside[0].entry.name if inside[0].start == trimmed.start else None
                kind = P.suffix_kind(t, trimmed) if org_end else inside[0].entry.kind
                name = " ".join(t.span_text(trimmed.start, trimmed.end).split())
                out.append(
                    _Found(trimmed.start, _legal_end(t, trimmed.end), name, kind, "extends", None, parent)
                )
        return out

    def _introduced_with_word(self, t: TokenTable, run: P.Run, inside: list[Any], floor: int) -> bool:
        """ "investors include Lenovo Star, ...", "quick-commerce startup Swiggy Instamart": a known name
        and one more capitalised word, opening a list of backers or after a descriptor, are one
        organisation named after the known one (not when the known name is whole, ending in its
        organisation word: "Zhen Fund Smart" is two)."""
        hit = inside[0]
        if len(inside) != 1 or hit.start != run.start or run.end - hit.end != 1:
            return False
        word = t.lower[hit.end]
        if t.lower[hit.end - 1] in P.ORG_SUFFIXES or word in P.NOT_ORG_WORDS or not t.is_alpha[hit.end]:
            return False
        if self.places.get(t.text[hit.end]) is not None:
            return False
        return P.left_trigger(t, run, floor) or P.head_noun_before(t, run)

    def _org_word_then_place(self, t: TokenTable, run: P.Run, after: int) -> bool:
        """ "SoftBank Ventures Asia", "Vertex Ventures Southeast Asia & India": an organisation word at or
        after the end of the known name, then the countries or regions that name the branch."""
        return any(
            self._only_places(t, cut, run.end, {"country", "region"})
            and P.ends_in_org_word(t, P.Run(run.start, cut))
            for cut in range(run.end - 1, after - 1, -1)
        )

    def _only_places(self, t: TokenTable, start: int, end: int, kinds: Container[str] | None = None) -> bool:
        """Whether tokens [start, end) are places joined by "&", "and" or commas ("Southeast Asia &
        India"), each of one of ``kinds`` (any kind when None)."""
        part = start
        for k in range(start, end + 1):
            if k < end and t.text[k] not in {"&", "and", ","}:
                continue
            if k == part:
                return False
            place = self.places.get(t.span_text(part, k))
            if place is None or (kinds is not None and place.kind not in kinds):
                return False
            part = k + 1
        return True

    def _is_place(self, t: TokenTable, run: P.Run) -> bool:
        return self.places.get(t.span_text(run.start, run.end)) is not None

    def _rejected(self, t: TokenTable, run: P.Run, sent_start: int) -> bool:
        """Runs that are never organisations: places, people, months, rounds, lone ordinary words.

        Every test only refuses, so the cheap word tests come before the text and gazetteer ones.
        """
        lower = t.lower
        start, end = run
        if end - start == 1:
            word = lower[start]
            if word in _NOT_ALONE or t.is_stop[start] or (t.is_upper[start] and len(t.text[start]) <= 1):
                return True
            if _PLURAL_ACRONYM.fullmatch(t.text[start]):
                return True  # "SMEs", "LPs", "OEMs": a plural is a kind of thing, not a name
        if lower[end - 1] in _COLUMN_NAMES:
            return True  # "China Digest: ...", "Daily Briefing: ...": the name of a column, not a company
        if not _NOT_NAME_TOKENS.isdisjoint(lower[start:end]):
            return True
        if (
            start >= 2
            and lower[start - 1] in NAMING_WORDS
            and not PRODUCT_NOUNS.isdisjoint(lower[max(sent_start, start - 7) : start - 1])
        ):
            return True  # "its software, which it calls FlowTwin": a product's name (``ai_models``)
        if end - start > 2 and any(
            t.is_upper[k] and lower[k] in P.PERSON_TITLES for k in range(start + 1, end - 1)
        ):
            return True  # "Spotify CTO Andreas Ehn": an employer, a title and a person, not one name
        text = t.span_text(start, end)
        low = text.lower()
        if low.startswith("series ") or low in P.NOT_ORG_MIXED:
            return True
        if self._only_places(t, start, end) or P.looks_like_person(t, run):
            return True  # "Hong Kong", "Southeast Asia & India"
        if self._place_sector_descriptor(t, run):
            return True  # "the Abu Dhabi AI company G42": where and what, before the name
        # only generic words ("Group", "The Investment Fund"): a word is a token with a letter or digit;
        # a nationality that trimming kept opens an institution's name ("the European Investment Bank")
        if P.opens_with_nationality(t, run):
            return False
        if (
            end - start >= 2
            and lower[end - 1] in P.ORG_SUFFIXES
            and _after_lead_cue(t, start)
            and (end >= t.n or not t.is_alpha[end] or lower[end] in {"and", "with", "in"})
        ):
            return False  # "co-led by Innovation Industries", "from Global Ventures and ...": generic words, one name
        for k in range(start, end):
            if lower[k] not in _GENERIC and (
                t.is_alpha[k] or t.like_num[k] or any(c.isalnum() for c in t.text[k])
            ):
                return False
        return True

    def _place_sector_descriptor(self, t: TokenTable, run: P.Run) -> bool:
        """ "the Abu Dhabi AI company G42", "a Paris AI startup": a place and a sector word before a
        lower-case head noun describe a company; they do not name one ("Shanghai AI Lab" keeps its
        capitalised head and stays a name)."""
        start, end = run
        return (
            end - start >= 2
            and end < t.n
            and t.lower[end - 1] in _SECTOR_WORDS
            and t.lower[end] in P.HEAD_NOUNS
            and t.text[end].islower()
            and self._only_places(t, start, end - 1)
        )

    def _rules(
        self, t: TokenTable, add: Any, found: list[_Found], taken: dict[int, _Found], blocked: set[int]
    ) -> None:
        """Unseen names, sentence by sentence; the names already ``found`` take part in their lists.

        What one sentence adds lies inside it, so the names known in a sentence, and the tokens taken
        in it, are those of before this pass.  A sentence without a run adds nothing (its lists could only
        join known names).
        """
        known = sorted(P.Run(f.start, f.end) for f in found)
        known_starts = [r.start for r in known]
        claimed = bytearray(t.n)  # 1 for each token taken or blocked
        for i in chain(taken, blocked):
            claimed[i] = 1
        sentences = _sentences(t)
        for i, sent in enumerate(sentences):
            runs = sent.trimmed
            if sent.runs and claimed.find(1, sent.start, sent.end) != -1:
                runs = self._free_runs(t, sent, claimed, taken, blocked)
            if runs:  # else only known names: their lists hold nothing new
                lo = bisect_left(known_starts, sent.start)
                in_sentence = known[lo : bisect_left(known_starts, sent.end, lo)]
                self._sentence_rules(t, sent, runs, in_sentence, add)
                if not in_sentence and i + 1 < len(sentences):
                    self._subject_then_reference(t, sent, runs, sentences[i + 1], add)

    def _subject_then_reference(
        self, t: TokenTable, sent: _Sentence, runs: list[P.Run], following: _Sentence, add: Any
    ) -> None:
        """The only name of a sentence, as its subject, when the next sentence opens by calling something
        "the startup" or "the company": "Kijani Grid has spent two years wiring villages around Lake
        Victoria. Now the startup wants outside money."  A person ("Amina Otieno has ...") starts with
        a first name; a sentence with a second name (not after "in", "around", ...) leaves the reference
        ambiguous, and is passed over."""
        if not runs or sent.headline or following.headline:
            return
        r = runs[0]
        if any(t.lower[o.start - 1] not in _PLACE_PREPOSITIONS for o in runs[1:]):
            return  # "Jane Doe founded Kestrel. The company ...": which one is the company is unclear
        if r.start != sent.start or not 2 <= r.end - r.start <= 4 or r.end >= sent.end:
            return
        if not _opens_with_company_reference(t, following.start, following.end):
            return
        text, lower = t.text, t.lower
        if lower[r.end] not in _SUBJECT_VERBS or lower[r.start] in P.FIRST_NAMES:
            return
        if any(lower[k] in P.NOT_ORG_WORDS or not t.is_alpha[k] for k in range(r.start, r.end)):
            return
        if self._is_place(t, r) or self._rejected(t, r, sent.start):
            return
        add(_Found(r.start, r.end, " ".join(text[r.start : r.end]), None, "referenced", self._location(t, r)))

    def _sentence_rules(
        self, t: TokenTable, sent: _Sentence, runs: list[P.Run], known_runs: list[P.Run], add: Any
    ) -> None:
        """The rules of ``_rules`` in one sentence: ``runs`` are its trimmed runs less the tokens already
        taken, ``known_runs`` the names known in it."""
        s, e, headline = sent.start, sent.end, sent.headline
        by_start = {r.start: r for r in runs}
        # known organisations take part in lists too
        known = {r.start for r in known_runs}
        for r in known_runs:
            by_start[r.start] = r
        by_end = {r.end: r for r in by_start.values()}
        accepted: dict[int, str] = {}
        refused: set[int] = set()  # the runs too long or rejected, by start, for the lists below
        seeds: list[tuple[P.Run, bool | None]] = []  # (run, forward list direction or None: both)
        for r in sorted(by_start.values()) if known else by_start.values():  # by start
            if r.start in known:
                seeds.append((r, None))
                continue
            if _inert(t, r, e):
                continue
            if r.end - r.start > P.MAX_NAME_TOKENS or self._rejected(t, r, s):
                refused.add(r.start)
                continue
            reason = self._reason(t, r, s, e, headline)
            if reason is not None:
                accepted[r.start] = reason
                seeds.append((r, None if reason != "left" else True))
            elif P.left_trigger(t, r, s):
                seeds.append((r, True))
        if not headline:
            for r, direction in seeds:
                for forward in (True, False):
                    if direction is not None and direction != forward:
                        continue
                    for nb in P.list_neighbours(t, r, by_start, by_end, e, s, forward):
                        if nb.start in known or nb.start in accepted:
                            continue
                        if nb.start in refused:
                            break
                        if t.sent_start[nb.start] and nb.end - nb.start == 1:
                            break
                        accepted[nb.start] = "list"
        for start, reason in accepted.items():
            r = by_start[start]
            kind = P.suffix_kind(t, r) if P.ends_in_org_word(t, r) else None
            add(
                _Found(
                    r.start,
                    r.end,
                    " ".join(t.span_text(r.start, r.end).split()),
                    kind,
                    reason,
                    self._location(t, r),
                )
            )

    def _free_runs(
        self, t: TokenTable, sent: _Sentence, claimed: bytearray, taken: dict[int, _Found], blocked: set[int]
    ) -> list[P.Run]:
        """The trimmed runs of a sentence less the tokens ``claimed`` (taken or blocked): a run with none
        of them keeps its trimmed form, another is split and its parts trimmed."""
        out: list[P.Run] = []
        for run, trimmed in zip(sent.runs, sent.trims, strict=True):
            if claimed.find(1, run.start, run.end) != -1:
                parts = self._split_at_taken(run, taken, blocked)
                out.extend(x for x in map(P.trim_run, repeat(t), parts) if x is not None)
            elif trimmed is not None:
                out.append(trimmed)
        return out

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

    def _reason(self, t: TokenTable, r: P.Run, s: int, e: int, headline: bool) -> str | None:
        """Why a run is an organisation, or None."""
        if P.ends_in_org_word(t, r) and not (
            r.end - r.start == 2
            and self._is_place(t, P.Run(r.start, r.start + 1))
            and t.lower[r.end - 1] in {"ai", "tech", "bio", "health", "energy"}
        ):
            return "suffix"
        if headline:
            return None
        if P.has_context_cue(t, r, e):
            context = self._context_reason(t, r, s, e)
            if context is not None:
                return context
        if r.end - r.start == 1 and P.is_mixed_case(t.text[r.start]):
            return "mixed_case"
        return None

    def _context_reason(self, t: TokenTable, r: P.Run, s: int, e: int) -> str | None:
        """The words around the run that make it an organisation, or None."""
        if self._based(t, r) is not None:
            return "based"
        if P.head_noun_before(t, r):
            return "head_noun"
        if P.apposition_after(t, r, e):
            return "apposition"
        if P.right_trigger(t, r, e):
            return "right"
        if P.left_trigger(t, r, s):
            return "left"
        if self._place_possessive(t, r, s):
            return "place_possessive"
        return None

    def _place_possessive(self, t: TokenTable, r: P.Run, floor: int) -> bool:
        """ "Berlin's Klarbit", "Hong Kong's Klook": a place's possessive before a name introduces a
        company of that place (a person would need a title: "Berlin's mayor")."""
        i = r.start - 1
        if i - 1 < floor or t.lower[i] not in {"'s", "’s"}:
            return False
        return any(i - width >= floor and self._is_place(t, P.Run(i - width, i)) for width in (1, 2))

    def _based(self, t: TokenTable, r: P.Run) -> str | None:
        """ "Beijing-based X" → the place, for X; None when the run is not introduced that way."""
        i = r.start
        if i >= 3 and t.lower[i - 1] in P.BASED_WORDS and t.text[i - 2] == "-":
            cap = P.cap_column(t)
            j = i - 3
            k = j
            while k > 0 and i - k < 5 and cap[k - 1]:
                k -= 1
            return t.span_text(k, j + 1)
        return None

    def _location(self, t: TokenTable, r: P.Run) -> str | None:
        place = self._based(t, r)
        if place is not None:
            return place
        # "Beijing-based AI startup X": look a few tokens back for "-based"
        cap = P.cap_column(t)
        for i in range(r.start - 1, max(r.start - 6, 2), -1):
            if t.lower[i] == "based" and t.text[i - 1] == "-":
                k = i - 2
                while k > 0 and cap[k - 1] and i - k < 5:
                    k -= 1
                return t.span_text(k, i - 1)
        return None

    def _propagate(
        self, t: TokenTable, found: list[_Found], add: Any, taken: dict[int, _Found], blocked: set[int]
    ) -> None:
        """Every later (or earlier) use of a name the rules accepted, and its short form, is that org.

        "Fortera Capital ... Fortera's post": the short form is the name less its organisation words,
        kept only when it is not a place, a person or an ordinary word.
        """
        text, lower, cap = t.text, t.lower, P.cap_column(t)
        forms: dict[tuple[str, ...], _Found] = {}
        for f in found:
            toks = tuple(text[f.start : f.end])
            forms.setdefault(toks, f)
            if not toks[-1].endswith("."):
                # "... for Lidarwerk GmbH." at a sentence end: the tokenizer keeps "GmbH." whole
                forms.setdefault((*toks[:-1], toks[-1] + "."), f)
            k = len(toks)
            while k > 1 and toks[k - 1].lower() in P.ORG_SUFFIXES:
                k -= 1
            short = toks[:k]
            if k < len(toks) and self._short_ok(short):
                forms.setdefault(short, f)
        if not forms:
            return
        # the longest form starting with each word: a token starting none is passed over
        longest: dict[str, int] = {}
        for key in forms:
            longest[key[0]] = max(len(key), longest.get(key[0], 0))
        n = t.n
        free = 0  # the first token not inside a name matched by this pass
        # a form starts with the first word of a name found (or that word and "."): capitalised or not
        for i in _occurrences(t, longest, all(cap[f.start] for f in found)):
            if i < free or i in taken or i in blocked:
                continue  # no name can be added from a token already taken
            matched = 0
            for length in range(min(longest[text[i]], n - i), 0, -1):
                named = forms.get(tuple(text[i : i + length]))
                if named is None:
                    continue
                # whole words only: not inside a longer capitalised run
                if i + length < n and cap[i + length] and lower[i + length] not in P.NOT_ORG_WORDS:
                    continue
                if _glued_name_part(t, i + length):
                    continue  # "Hotshot-XL", "Vidu-2": a product named after the company
                if add(
                    _Found(
                        i,
                        i + length,
                        named.name,
                        named.kind,
                        "alias" if length != named.end - named.start else named.source,
                        None,
                        named.parent,
                        named.entry,
                    )
                ):
                    matched = length
                break
            free = i + (matched or 1)

    def _short_ok(self, toks: tuple[str, ...]) -> bool:
        text = " ".join(toks)
        if len(text) < 2:
            return False  # "B Capital" is not "B": "Series B" is a round
        low = text.lower()
        if self.places.get(text) is not None or low in P.NOT_ORG_WORDS or low in P.CHINESE_SURNAMES:
            return False
        if self.places.get(toks[0]) is not None:
            return False
        return not all(t.lower() in P.NOT_ORG_WORDS or t.lower() in P.FIRST_NAMES for t in toks)

    def _parenthetical_aliases(self, t: TokenTable, found: list[_Found], add: Any) -> None:
        """ "China Merchants Bank (CMB)", "Alibaba (阿里巴巴)": the bracketed form names the same org."""
        text = t.text
        aliases: dict[str, _Found] = {}
        for f in list(found):
            i = f.end
            if i + 2 < t.n and text[i] == "(" and text[i + 2] == ")":
                inner = text[i + 1]
                if P.is_acronym_of(inner, t.span_text(f.start, f.end)) or _is_cjk(inner):
                    add(_Found(i + 1, i + 2, f.name, f.kind, "alias", None, f.parent, f.entry))
                    aliases.setdefault(inner, f)
        if not aliases:
            return
        for f in found:  # "CiDi closes $61.8m" in a headline, before the full name is given
            owner = aliases.get(t.span_text(f.start, f.end))
            if owner is not None and f.source not in {"gazetteer", "alias"} and f.name != owner.name:
                f.name, f.kind, f.parent, f.entry = owner.name, owner.kind, owner.parent, owner.entry
        for i in _occurrences(t, aliases, all(map(P.is_cap_text, aliases))):
            owner = aliases[text[i]]
            add(_Found(i, i + 1, owner.name, owner.kind, "alias", None, owner.parent, owner.entry))

    @staticmethod
    def _canonical_short_forms(found: list[_Found]) -> None:
        """A rule-found name that is a longer rule name less its organisation words takes that name.

        The longer names are indexed by each of their word prefixes, so an article with thousands of
        names ("led by Fund0 Capital, Fund1 Capital, ...") is not compared pair by pair (quadratic).
        """
        by_name = {f.name: f for f in found}
        longer: dict[str, list[str]] = {}  # "Foo" -> ["Foo Ventures", ...], in by_name order
        for other in by_name:
            cut = other.find(" ")
            while cut != -1:
                longer.setdefault(other[:cut], []).append(other)
                cut = other.find(" ", cut + 1)
        for f in found:
            if f.source == "gazetteer" or f.entry is not None:
                continue
            for other in longer.get(f.name, ()):
                g = by_name[other]
                rest = other[len(f.name) + 1 :].lower().split()
                if rest and all(w in P.ORG_SUFFIXES for w in rest):
                    f.name, f.kind, f.parent, f.entry = other, g.kind, g.parent, g.entry
                    break


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")

#: Last words of newsletter and column titles.
_COLUMN_NAMES = frozenset(
    [
        "digest",
        "briefing",
        "roundup",
        "round-up",
        "newsletter",
        "recap",
        "wrap",
        "wrap-up",
        "brief",
        "bulletin",
    ]
)
#: Words that are never an organisation on their own.
_NOT_ALONE = P.NOT_ORG_WORDS | P.NOT_ORG_MIXED | P.ORG_SUFFIXES | P.PERSON_TITLES
#: Words that do not make a name by themselves, however many of them a run has.
_GENERIC = P.NOT_ORG_WORDS | P.ORG_SUFFIXES

#: Sector words that end a description ("a Paris AI startup", "the Seoul robotics company").
_SECTOR_WORDS = frozenset(
    ["ai", "tech", "robotics", "biotech", "fintech", "pharma", "chip", "ev", "evs", "energy", "media",
     "gaming", "crypto", "software", "quantum", "space", "defence", "defense"]
)  # fmt: skip
#: Tokens that never stand in a company name.
_NOT_NAME_TOKENS = frozenset(["r&d", "m&a", "q&a", "p&l", "b2b", "b2c", "d2c"])


def _glued_name_part(t: TokenTable, k: int) -> bool:
    """Whether token ``k`` is a hyphen glued between a name and a capitalised or numbered word, so that
    the name before it is part of a longer one ("Hotshot-XL"; not "Sequoia-backed")."""
    if k + 1 >= t.n or t.text[k] != "-" or t.ws[k - 1] or t.ws[k]:
        return False
    after = t.text[k + 1]
    if t.lower[k + 1] in _MODIFIER_ENDINGS:
        return False  # "Alibaba-Backed Startup Raises ...": a title-case headline
    return after[:1].isupper() or after[:1].isdigit()


#: Words after a name and a hyphen that make the name a modifier, not part of a longer name.
_MODIFIER_ENDINGS = P.HYPHEN_ENDINGS | {"led", "linked", "affiliated", "controlled", "supported", "run"}


def _inert(t: TokenTable, r: P.Run, limit: int) -> bool:
    """A run no rule can take, so that neither ``_rejected`` nor ``_reason`` need look at it: no
    organisation word at its end, not mixed case, no context cue and no list separator around it."""
    if P.has_context_cue(t, r, limit) or P.next_to_separator(t, r):
        return False
    if r.end - r.start == 1:
        return not P.is_mixed_case(t.text[r.start])
    return not P.ends_in_org_word(t, r)


def _occurrences(t: TokenTable, words: Container[str], capitalised: bool) -> Iterator[int]:
    """The tokens whose text is one of ``words``, in order.  When every word is ``capitalised``
    (``is_cap``, which depends on the text alone) only the capitalised tokens are looked at."""
    text = t.text
    if capitalised:
        positions = P.cap_positions(t)
        return compress(positions, map(words.__contains__, map(text.__getitem__, positions)))
    return compress(range(t.n), map(words.__contains__, text))


def _any_within(starts: list[int], lo: int, hi: int) -> bool:
    """Whether the sorted ``starts`` hold a value in [lo, hi)."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


_FUND_NUMBER = re.compile(r"[1-9]|1[0-9]|I{1,3}|IV|V|VI{1,3}|IX|X")


def _legal_end(t: TokenTable, end: int) -> int:
    """Extend a name over legal forms after it ("Tencent Holdings Ltd", "X Technology Co., Ltd.") and a
    fund over its number ("Vision Fund 2", "Growth Fund III", "Big Fund Phase III")."""
    n = t.n
    text, lower = t.text, t.lower
    while end < n:
        if (lower[end] in P.LEGAL_FORMS and text[end][0].isupper() and t.ws[end - 1]) or (
            lower[end - 1] == "fund" and t.ws[end - 1] and _FUND_NUMBER.fullmatch(text[end])
        ):
            end += 1
        elif (
            lower[end - 1] == "fund"
            and lower[end] == "phase"
            and end + 1 < n
            and _FUND_NUMBER.fullmatch(text[end + 1])
        ):
            end += 2  # "the Big Fund Phase III"
        elif (
            text[end] == ","
            and end + 1 < n
            and lower[end - 1] in {"co", "co.", "corp", "corp."}
            and lower[end + 1] in {"ltd", "ltd.", "limited", "inc", "inc."}
        ):
            end += 2
        else:
            break
    return end


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


@Language.factory(
    "dealextract_orgs",
    default_config={
        "extra_files": [],
        "model_files": [],
        "place_files": [],
        "use_rules": True,
        "record_names": "as_written",
    },
)
def make_orgs_component(
    nlp: Language,
    name: str,
    extra_files: list[str],
    model_files: list[str],
    place_files: list[str],
    use_rules: bool,
    record_names: str,
) -> OrgsComponent:
    """spaCy factory: ``nlp.add_pipe("dealextract_orgs", config={"extra_files": [...]})``."""
    return OrgsComponent(nlp, name, extra_files, model_files, place_files, use_rules, record_names)
