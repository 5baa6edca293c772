"""The ``dealextract_references`` component: "the startup", "the company", "it", "its" → an organisation.

Why: deal sentences often name the target only by reference ("The start-up's Series C round was led
by ...").  Resolution is cautious and explainable: a reference goes to the organisation that scores
best on three things, each visible in the text:

* salience: it is the subject of a raise or was introduced as a startup/company/firm,
* recency: it was named in this or a recent sentence,
* centrality: it is the article's main company (the non-investor named most often).

"it"/"its" are only resolved at the start of a clause ("Its latest round", "said it had raised"), where
they almost always mean the company the sentence is about; investors, banks, media and agencies are
never the antecedent of "the startup" or "the company".

Reads ``doc._.dealextract_orgs``; writes ``doc._.dealextract_references`` (list[Reference]).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dealextract.mentions import OrgMention, Reference, register_extensions
from dealextract.orgs.patterns import DEMONYMS
from dealextract.orgs.places import bundled_place_forms
from dealextract.tokens import TokenTable, table

#: Head nouns of "the <noun>" references, with the kinds of organisation they can point to.
COMPANY_NOUNS = frozenset(
    [
        "startup",
        "start-up",
        "company",
        "firm",
        "lab",
        "maker",
        "developer",
        "business",
        "unicorn",
        "group",
        "platform",
        "manufacturer",
        "chipmaker",
        "automaker",
        "carmaker",
    ]
)
_NOT_TARGET_KINDS = frozenset({"investor", "bank", "media", "agency", "exchange", "university"})
_MODIFIERS_MAX = 5
_IT_VERBS = frozenset(
    [
        "bagged",
        "landed",
        "nabbed",
        "pulled",
        "snagged",
        "drew",
        "attracted",
        "got",
        "gets",
        "won",
        "netted",
        "garnered",
        "picked",
        "raises",
        "secures",
        "acquired",
        "bought",
        "snapped",
        "purchased",
        "took",
        "agreed",
        "led",
        "invested",
        "said",
        "says",
        "has",
        "had",
        "will",
        "plans",
        "raised",
        "secured",
        "completed",
        "was",
        "is",
        "aims",
        "also",
        "added",
        "launched",
        "released",
        "develops",
        "makes",
        "became",
        "expects",
        "intends",
        "would",
        "could",
        "announced",
        "closed",
        "received",
        "counts",
        "operates",
        "currently",
        "now",
    ]
)
#: Words after which "it" opens a clause ("said it had raised", "after it bagged", "when it closed").
_CLAUSE_OPENERS = frozenset(
    [
        "said",
        "says",
        "added",
        ",",
        "and",
        "after",
        "before",
        "when",
        "since",
        "because",
        "while",
        "until",
        "once",
        "as",
    ]
)
_IT_EXPLETIVE_NEXT = frozenset(
    ["expected", "likely", "unclear", "unknown", "possible", "reported", "not", "clear", "understood"]
)
_SALIENT_AFTER = frozenset(
    [
        "raised",
        "raises",
        "secured",
        "closed",
        "completed",
        "has",
        "had",
        "said",
        "says",
        "announced",
        "received",
        "aims",
        "plans",
    ]
)


_PREPOSITIONS = frozenset(["under", "of", "by", "from", "with", "at", "for", "to", "into", "behind", "like"])


@dataclass(frozen=True, slots=True)
class _OrgTok:
    org: OrgMention
    start: int  # token index
    end: int
    sent: int  # sentence index
    salient: bool


def _org_tokens(t: TokenTable, orgs: list[OrgMention], sent_of: list[int]) -> list[_OrgTok]:
    out: list[_OrgTok] = []
    for org in orgs:
        bounds = t.char_span_expand(org.start, org.end)
        if bounds is None:
            continue
        start, end = bounds
        nxt = t.lower[end] if end < t.n else ""
        prev = t.lower[start - 1] if start > 0 else ""
        introduced = (prev in COMPANY_NOUNS or prev == "up" or org.source == "head_noun") and not any(
            w in _PREPOSITIONS for w in t.lower[max(0, start - 8) : start]
        )  # "the fund under media group X": named inside a phrase, not as the topic
        salient = nxt in _SALIENT_AFTER or introduced
        salient = salient and org.kind not in _NOT_TARGET_KINDS
        out.append(_OrgTok(org, start, end, sent_of[start], salient))
    return out


#: Adverbs between "it" and its verb: "It previously raised", "It also closed".
_IT_ADVERBS = frozenset(
    [
        "previously",
        "also",
        "recently",
        "earlier",
        "already",
        "first",
        "then",
        "now",
        "reportedly",
        "last",
        "later",
    ]
)


#: Raise verbs after a quoted "we": the speaker's company raised ("We raised our seed from X").
_WE_RAISED = frozenset(["raised", "secured", "closed", "landed", "bagged", "received", "got"])
_QUOTES = frozenset(['"', "“", "‘", "'"])


def _we_raised(t: TokenTable, i: int) -> bool:
    """Whether "we" at ``i`` opens a quote or sentence and a raise verb follows ("We've just closed")."""
    if not (i == 0 or t.sent_start[i] or t.text[i - 1] in _QUOTES):
        return False
    k = i + 1
    while (
        k < t.n
        and k < i + 4
        and (t.lower[k] in _IT_ADVERBS or t.lower[k] in {"have", "had", "'ve", "’ve", "just"})
    ):
        k += 1
    return k < t.n and t.lower[k] in _WE_RAISED


#: Last words of a time phrase that opens a sentence before "it" ("Earlier this year it raised").
_TIME_ENDS = frozenset(
    ["year", "month", "week", "quarter", "ago", "later", "earlier", "then", "previously", "recently", "monday",
     "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)  # fmt: skip


def _after_time_opener(t: TokenTable, i: int) -> bool:
    """Whether "it" at ``i`` follows a short time phrase that opens its sentence or clause ("In 2023 it
    ...", "..., and in July it snapped up ...")."""
    if i == 0 or not (t.lower[i - 1] in _TIME_ENDS or t.like_num[i - 1]):
        return False
    for k in range(i - 1, max(-1, i - 6), -1):
        if t.sent_start[k]:
            return True
        if t.lower[k] in {",", "and", "but", "while", ";"}:
            return True
        if not (t.lower[k] in _TIME_ENDS or t.like_num[k] or t.lower[k] in _TIME_WORDS):
            return False
    return False


_TIME_WORDS = frozenset(["in", "on", "at", "this", "last", "next", "early", "late", "mid", "the", "of", "a"])


def _place_width(t: TokenTable, j: int) -> int:
    """How many tokens from ``j`` name a bundled place or a nationality ("the French startup"): one or
    two, else 0."""
    places = bundled_place_forms()
    if t.text[j].casefold() in places or t.lower[j] in DEMONYMS:
        return 1
    if j + 1 < t.n and f"{t.text[j]} {t.text[j + 1]}".casefold() in places:
        return 2
    return 0


def _reference_spans(t: TokenTable) -> list[tuple[int, int, str]]:
    """(start, end, type) of candidate references: type "noun", "pronoun" or "we" (a quoted raise)."""
    out: list[tuple[int, int, str]] = []
    text, lower, sent_start = t.text, t.lower, t.sent_start
    n = t.n
    i = 0
    while i < n:
        low = lower[i]
        if low == "the":
            j = i + 1
            found = len(out)
            while j < n and j - i <= _MODIFIERS_MAX + 1:
                w = lower[j]
                if w == "start" and j + 2 < n and text[j + 1] == "-" and lower[j + 2] == "up":
                    out.append((i, j + 3, "noun"))
                    break
                if w in COMPANY_NOUNS:
                    # "the company X" is an apposition, not a reference; "the company's" is one
                    if j + 1 >= n or not (text[j + 1][:1].isupper() and text[j + 1][:1].isalpha()):
                        out.append((i, j + 1, "noun"))
                    break
                if text[j][:1].isupper() and w not in {"ai"}:
                    width = _place_width(t, j)  # "the Denver company", "the San Diego startup"
                    if not width:
                        break
                    j += width
                    continue
                if not (t.is_alpha[j] or text[j] == "-"):
                    break
                j += 1
            # past a reference, or to the word that ended the search; "the new capital comes after it
            # bagged" holds no reference, and the "it" in it must still be looked at
            i = j if len(out) > found else i + 1
            continue
        if low == "we" and _we_raised(t, i):
            out.append((i, i + 1, "we"))
        if low in {"it", "its"}:
            clause_start = (
                i == 0 or sent_start[i] or lower[i - 1] in _CLAUSE_OPENERS or _after_time_opener(t, i)
            )
            if low == "its" and (i == 0 or sent_start[i] or lower[i - 1] in {"and", ","}):
                out.append((i, i + 1, "pronoun"))
            elif low == "it" and clause_start and i + 1 < n:
                k = i + 2 if lower[i + 1] in _IT_ADVERBS and i + 2 < n else i + 1  # "It previously raised"
                after = lower[k + 1] if k + 1 < n else ""
                if lower[k] in _IT_VERBS and not (lower[k] in {"is", "was"} and after in _IT_EXPLETIVE_NEXT):
                    out.append((i, i + 1, "pronoun"))
            elif low == "its" and i > 0 and lower[i - 1] in {"said", "says"}:
                out.append((i, i + 1, "pronoun"))
        i += 1
    return out


def resolve(doc: Doc, orgs: list[OrgMention]) -> list[Reference]:
    """Resolve the references in ``doc`` against the organisation mentions found before them."""
    if not orgs:
        return []
    t = table(doc)
    sent_of = [0] * t.n
    try:
        for k, (start, end) in enumerate(t.sentence_bounds()):
            for i in range(start, end):
                sent_of[i] = k
    except ValueError:
        pass
    mentions = _org_tokens(t, orgs, sent_of)
    counts = Counter(m.org.name for m in mentions if m.org.kind not in _NOT_TARGET_KINDS)
    main = counts.most_common(1)[0][0] if counts else None
    out: list[Reference] = []
    pronoun_of: dict[int, str] = {}  # sentence -> what its first resolved pronoun names
    name_ends = {m.end for m in mentions}
    for start, end, rtype in _reference_spans(t):
        sent = sent_of[start]
        if rtype == "noun" and start >= 2 and t.text[start - 1] == "," and start - 1 in name_ends:
            continue  # "Lumière Labs, the French developer of ...": an apposition on the name, no reference
        if rtype == "pronoun" and sent in pronoun_of:
            # "In March it bought X ..., and in July it snapped up Y": the clauses share their subject
            out.append(
                Reference(t.start_char(start), t.end_char(end), t.span_text(start, end), pronoun_of[sent])
            )
            continue
        if rtype == "we":
            # a quoted "we raised" is the company the article is about so far, not the nearest name
            before = Counter(
                m.org.name for m in mentions if m.start < start and m.org.kind not in _NOT_TARGET_KINDS
            )
            if before:
                name = before.most_common(1)[0][0]
                out.append(Reference(t.start_char(start), t.end_char(end), t.span_text(start, end), name))
            continue
        speaker = _speaker(t, start, mentions) if rtype == "pronoun" else None
        if speaker is not None:
            # "Volkswagen said it would take a stake": "it" is whoever said so
            out.append(Reference(t.start_char(start), t.end_char(end), t.span_text(start, end), speaker.name))
            pronoun_of.setdefault(sent, speaker.name)
            continue
        best: tuple[float, OrgMention] | None = None
        for m in mentions:
            if m.start >= start:
                break
            if m.org.kind in _NOT_TARGET_KINDS:
                continue
            distance = sent - m.sent
            if distance > 4 and m.org.name != main:
                continue
            score = 1.0 / (1 + distance)
            if m.salient:
                score += 1.0
            if m.org.name == main:
                score += 0.8
            if distance == 0 and rtype == "pronoun":
                score += 1.0 if _first_in_sentence(m, mentions) else 0.3
            elif distance == 0:
                # "Tencent said the startup ...": a noun phrase names someone other than the sentence's
                # subject; "Shares of X jumped after Y said it would buy the company": the other name
                score += -1.0 if _acts(t, m) else 1.5
            if best is None or score >= best[0]:
                best = (score, m.org)
        if best is None:
            continue
        out.append(Reference(t.start_char(start), t.end_char(end), t.span_text(start, end), best[1].name))
        if rtype == "pronoun":
            pronoun_of.setdefault(sent, best[1].name)
    return out


def _acts(t: TokenTable, m: _OrgTok) -> bool:
    """Whether the mention is the subject of the verb after it ("Tencent said", "X will buy"), not a
    name inside a phrase ("Shares of X jumped after Y said it would acquire the company")."""
    if m.start > 0 and t.lower[m.start - 1] in _PREPOSITIONS:
        return False
    return m.end >= t.n or t.lower[m.end] in _SUBJECT_VERBS


_REPORTING_VERBS = frozenset(
    [
        "said",
        "says",
        "added",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "disclosed",
        "stated",
        "noted",
    ]
)
#: Words after a name that make it the subject of its clause.
_SUBJECT_VERBS = (
    _REPORTING_VERBS
    | _SALIENT_AFTER
    | frozenset(
        [
            "will",
            "would",
            "is",
            "was",
            "has",
            "had",
            "agreed",
            "plans",
            "bought",
            "acquired",
            "led",
            "invested",
        ]
    )
)


def _speaker(t: TokenTable, start: int, mentions: list[_OrgTok]) -> OrgMention | None:
    """The organisation that is the subject of "said" right before a pronoun ("X on Tuesday said it")."""
    verb = start - 1
    if verb < 1 or t.lower[verb] not in _REPORTING_VERBS:
        return None
    for m in reversed(mentions):
        if m.end > verb:
            continue
        between = range(m.end, verb)
        if len(between) > 3 or any(not t.is_alpha[k] for k in between):
            return None
        return m.org
    return None


def _first_in_sentence(m: _OrgTok, mentions: list[_OrgTok]) -> bool:
    return all(o.sent != m.sent or o.start >= m.start for o in mentions)


class ReferencesComponent:
    """spaCy component wrapper around ``resolve``."""

    def __init__(self, nlp: Language, name: str = "dealextract_references") -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.dealextract_references = resolve(doc, list(doc._.dealextract_orgs or []))
        return doc


@Language.factory("dealextract_references", default_config={})
def make_references_component(nlp: Language, name: str) -> ReferencesComponent:
    """spaCy factory: ``nlp.add_pipe("dealextract_references")`` after the orgs component."""
    return ReferencesComponent(nlp, name)
