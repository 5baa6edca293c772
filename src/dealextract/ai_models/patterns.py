"""Rules for AI model names: a known family plus the version words written after it, and unseen names
recognised from what surrounds them ("its Motus video model", "open-sourced X-1").

Why token scanning and not a ``Matcher`` pattern with optional tokens: versions come in many shapes
("Qwen2.5-72B-Instruct", "Llama 3.1 405B", "GPT-4-32K", "Claude 3.7 Sonnet") and a pattern with many
optional tokens is slow (spaCy #4742).  Here each anchor extends over at most ``MAX_VERSION_TOKENS``
following tokens, so the work is linear in the length of the text.

Names that are also companies (DeepSeek, MiniMax, Baichuan, Runway, Pika, Midjourney, ...) and families
that are ordinary words (Step, Spark, Wan, Yi, Phi, Ray) are only models when a version follows or the
context says model ("the Step model", "Alibaba's Wan", "Kimi chatbot").
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from operator import gt
from typing import NamedTuple, cast

from spacy.tokens import Doc

from dealextract.gazetteer import Entry, Gazetteer
from dealextract.orgs.patterns import cap_positions
from dealextract.tokens import TokenTable, WordCache, table

MAX_VERSION_TOKENS = 8

#: Words that follow a family as part of a model's name ("Qwen 2.5-Max", "Claude 3.7 Sonnet").
VARIANT_WORDS = frozenset(
    [
        "pro",
        "max",
        "plus",
        "turbo",
        "mini",
        "nano",
        "instruct",
        "chat",
        "flash",
        "ultra",
        "lite",
        "light",
        "sonnet",
        "opus",
        "haiku",
        "code",
        "coder",
        "preview",
        "vision",
        "vl",
        "omni",
        "reasoner",
        "thinking",
        "large",
        "small",
        "medium",
        "base",
        "alpha",
        "beta",
        "air",
        "speed",
        "realtime",
        "mix",
        "math",
        "audio",
        "video",
        "image",
        "next",
        "edge",
        "long",
        "exp",
        "experimental",
        "deep",
        "research",
        "distill",
        "distilled",
        "think",
        "fast",
        "instant",
        "agent",
    ]
)

#: Nouns that say the name before them is a model ("the Vidu model", "Kimi chatbot").
MODEL_NOUNS = frozenset(
    [
        "model",
        "models",
        "llm",
        "llms",
        "chatbot",
        "chatbots",
        "assistant",
        "app",
        "series",
        "family",
        "checkpoint",
        "checkpoints",
        "weights",
    ]
)
#: Words that may stand between a name and a model noun ("its Motus video generation model").
MODEL_MODIFIERS = frozenset(
    [
        "ai",
        "video",
        "image",
        "text",
        "language",
        "large",
        "foundation",
        "foundational",
        "generative",
        "generation",
        "reasoning",
        "multimodal",
        "multi-modal",
        "open-source",
        "open-weight",
        "open-sourced",
        "source",
        "open",
        "base",
        "world",
        "3d",
        "speech",
        "voice",
        "music",
        "coding",
        "code",
        "vision",
        "robotics",
        "embodied",
        "agent",
        "agentic",
        "text-to-video",
        "image-to-video",
        "text-to-image",
        "diffusion",
        "transformer",
        "flagship",
        "latest",
        "new",
        "-",
    ]
)
#: Verbs after which a mixed-case or versioned name is a model ("open-sourced Wan2.1").
LAUNCH_VERBS = frozenset(
    [
        "launched",
        "launch",
        "launches",
        "released",
        "release",
        "releases",
        "unveiled",
        "unveils",
        "open-sourced",
        "sourced",
        "introduced",
        "debuted",
    ]
)
#: Capitalised words that are never model names on their own.
NOT_MODELS = frozenset(
    [
        "ai",
        "the",
        "its",
        "a",
        "an",
        "this",
        "that",
        "these",
        "new",
        "chinese",
        "american",
        "us",
        "gpu",
        "gpus",
        "api",
        "apis",
        "agi",
        "ceo",
        "llm",
        "series",
        "round",
        "china",
        "beijing",
        # languages and nationalities describe a model ("Japanese-language LLMs"), they do not name it
        "japanese",
        "korean",
        "english",
        "french",
        "german",
        "indian",
        "arabic",
        "spanish",
        "european",
        "multilingual",
        "open-source",
        "open-weight",
    ]
)

#: Nouns that introduce a model's name after a comma ("A smaller version, Quokka-3 Mini, ...").
_APPOSITION_NOUNS = frozenset(["version", "sibling", "variant", "successor", "edition"])
#: Every word an unseen-name rule starts from (see ``find_unseen``).
#: Product nouns whose name the text gives with "called", "dubbed" or "which it calls" ("Lattice's
#: software, which it calls FlowTwin", "an app called Tidepool"), or in apposition after "its".
PRODUCT_NOUNS = frozenset(
    ["app", "assistant", "chatbot", "model", "software", "tool", "platform", "copilot", "agent"]
)
NAMING_WORDS = frozenset(["called", "calls", "dubbed", "named", "branded"])
_CUE_WORDS = MODEL_NOUNS | _APPOSITION_NOUNS | LAUNCH_VERBS | NAMING_WORDS | PRODUCT_NOUNS

_VERSION = re.compile(
    r"""^(?:v?\d+(?:\.\d+)*[a-z]{0,2}      # 2, 2.5, 3.1, 4o, v3
        |[A-Za-z]\d+(?:\.\d+)*[a-z]?       # R1, V3, Q3, o1, K2
        |\d+(?:\.\d+)?[BbMmKkTt]           # 72B, 405B, 32K
        |[A-Z]{1,3}\d*                     # VL, X, S
        )$""",
    re.VERBOSE,
)
_NOT_VERSIONS = frozenset(
    {"AI", "US", "UK", "EU", "CEO", "IPO", "VC", "I", "A", "Inc", "LLC", "Co", "HK", "SF"}
)
_GLUED = re.compile(r"^([A-Za-z][A-Za-z]*?)-?(\d[\w.]*)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SCALE = frozenset(
    [
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "percent",
        "per",
        "%",
        "mn",
        "bn",
        "m",
        "b",
        "yuan",
        "dollars",
    ]
)


class ModelSpan(NamedTuple):
    """A model name found in a Doc (token offsets), before maker linking (a tuple: made often, and
    several times faster than a frozen dataclass)."""

    start: int
    end: int
    name: str
    family: str | None
    maker: str | None


def version_at(t: TokenTable, i: int) -> bool:
    """Whether token ``i`` can continue a model name ("2.5", "72B", "R1", "Pro")."""
    return _is_version(t.text[i], i > 0 and t.text[i - 1] == "-")


def _is_version(text: str, after_hyphen: bool) -> bool:
    """``version_at`` of a token with this text; a lower-case variant word counts after a hyphen."""
    kind = _version_kind(text)
    if kind is None:  # a variant word: "Pro", "-mini"
        return text[0].isupper() or (text.islower() and after_hyphen)
    return kind


@lru_cache(maxsize=65536)
def _version_kind(text: str) -> bool | None:
    """The part of ``version_at`` that depends on the text alone (cached per distinct word):
    None for a variant word, else whether the text is shaped like a version."""
    if text.lower() in VARIANT_WORDS:
        return None
    if _YEAR.match(text) or text in _NOT_VERSIONS:
        return False
    return bool(_VERSION.match(text))


def _extend(t: TokenTable, end: int) -> int:
    """Extend a model anchor over version tokens; returns the new end (exclusive)."""
    n = t.n
    text, ws = t.text, t.ws
    i = end
    steps = 0
    while i < n and steps < MAX_VERSION_TOKENS:
        attached = ws[i - 1] == ""
        if text[i] in {"-", "."} and attached and i + 1 < n and ws[i] == "":
            nxt = text[i + 1]
            if (
                version_at(t, i + 1)
                or (t.is_alpha[i + 1] and nxt[0].isupper())
                or nxt.lower() in VARIANT_WORDS
            ):
                i += 2
                steps += 2
                continue
            break
        if attached and t.is_alpha[i] and len(text[i]) <= 2 and t.like_num[i - 1]:
            i += 1  # "32" "K"
            steps += 1
            continue
        if version_at(t, i) and not (t.like_num[i] and i + 1 < n and t.lower[i + 1] in _SCALE):
            i += 1
            steps += 1
            continue
        break
    return i


def _needs_context(entry: Entry, form_tokens: int) -> bool:
    """Company names and ordinary-word families need a version or context to be a model."""
    return entry.ambiguous or (entry.case == "exact" and form_tokens == 1)


def _model_context(t: TokenTable, start: int, end: int) -> bool:
    """Context that says the words at [start, end) name a model."""
    lower = t.lower
    j = end
    skipped = 0
    while j < t.n and skipped < 4 and lower[j] in MODEL_MODIFIERS:
        j += 1
        skipped += 1
    if j < t.n and lower[j] in MODEL_NOUNS:
        return True
    if start > 0:
        prev = lower[start - 1]
        if prev in {"its", "'s", "’s", "using", "via"} or prev in LAUNCH_VERBS:
            return True
    return False


def _glued_family(text: str) -> str:
    """The family part of a token shaped like "Qwen2.5", else "" (``_FAMILIES`` remembers it per word)."""
    m = _GLUED.match(text)
    return "" if m is None else m.group(1)


_FAMILIES = WordCache(_glued_family)


def _name_of(t: TokenTable, start: int, end: int) -> str:
    """The canonical written form: tokens joined as in the text, runs of whitespace made one space."""
    return " ".join(t.span_text(start, end).split())


def find_known(doc: Doc, gaz: Gazetteer, t: TokenTable | None = None) -> list[ModelSpan]:
    """Known families (gazetteer or glued to a version) and their versions, decided by context.

    ``t`` is the Doc's token table when the caller already has it.  The answer is kept with the table
    under the gazetteer's fingerprint: the organisation component (which blocks models) and the model
    component hold equal model gazetteers, and the second asks for free.
    """
    t = t if t is not None else table(doc)
    known = t.derived(f"ai_models.known:{gaz.fingerprint}", lambda tt: _find_known(doc, gaz, tt))
    return list(cast(list[ModelSpan], known))


def _find_known(doc: Doc, gaz: Gazetteer, t: TokenTable) -> list[ModelSpan]:
    """The work of ``find_known``.  Only the tokens where a family starts are visited: the gazetteer's
    hits and the tokens shaped like "Qwen2.5" whose family is known."""
    found: list[ModelSpan] = []
    hits = {h.start: h for h in gaz.find(doc, t)}
    glued = _glued_anchors(t, gaz)
    n = t.n
    i = 0  # the first token not yet passed over
    for start in sorted(hits.keys() | glued.keys()):
        if start < i:
            continue
        i = start
        hit = hits.get(i)
        if hit is not None:
            entry, anchor_end, n_form = hit.entry, hit.end, hit.end - hit.start
            is_glued = False
        else:
            entry, anchor_end, n_form, is_glued = glued[i], i + 1, 1, True
        end = _extend(t, anchor_end)
        versioned = is_glued or end > anchor_end
        if versioned and not is_glued and _needs_context(entry, n_form):
            # "Nova Vision AI" is a company; "Nova 2" or "Step-2" is a model: a number or hyphen is needed
            tail_text = t.span_text(anchor_end, end)
            versioned = any(c.isdigit() for c in tail_text) or t.text[anchor_end] == "-"
            if not versioned:
                end = anchor_end
        if (
            versioned
            or not _needs_context(entry, n_form)
            or (_model_context(t, i, anchor_end) and not _opens_longer_name(t, anchor_end))
        ):
            # a company name followed by its possessive is the company ("DeepSeek's V3 model")
            if not versioned and entry.ambiguous and anchor_end < n and t.lower[anchor_end] in {"'s", "’s"}:
                i = anchor_end
                continue
            if not versioned and n_form == 1 and _person_named(t, i):
                i = anchor_end  # "Claude Monet", "Kimi Raikkonen": a given name and a surname
                continue
            found.append(ModelSpan(i, end, _name_of(t, i, end), entry.family or entry.name, entry.maker))
            i = end
            continue
        i = anchor_end
    return found


#: Model families that are also given names: before a capitalised word that is no variant of the model
#: ("Claude Monet", not "Claude Opus"), they open a person's name.
_GIVEN_NAME_FAMILIES = frozenset(["claude", "kimi", "ernie", "jasper", "aria", "ada", "luma", "grace"])


def _opens_longer_name(t: TokenTable, end: int) -> bool:
    """Whether a capitalised word that is no variant of a model follows the family ending at ``end``:
    "Munich's Helix Quantum" is a company whose name starts with a model's, not "Helix"."""
    return (
        end < t.n
        and t.ws[end - 1] != ""
        and t.is_alpha[end]
        and t.text[end][:1].isupper()
        and t.lower[end] not in VARIANT_WORDS
        and t.lower[end] not in MODEL_MODIFIERS
        and t.lower[end] not in MODEL_NOUNS
    )


def _person_named(t: TokenTable, i: int) -> bool:
    """Whether the one-word family at ``i`` is a given name followed by a surname."""
    k = i + 1
    return (
        t.lower[i] in _GIVEN_NAME_FAMILIES
        and t.text[i][:1].isupper()
        and not t.text[i].isupper()
        and k < t.n
        and t.ws[i] != ""
        and t.is_alpha[k]
        and t.text[k][:1].isupper()
        and not t.text[k].isupper()
        and t.lower[k] not in VARIANT_WORDS
    )


def _glued_anchors(t: TokenTable, gaz: Gazetteer) -> dict[int, Entry]:
    """The tokens that are a known family glued to its version in one token ("Qwen2.5", "GPT-4o",
    "Llama-3.1", "abab6.5s"), with the family's entry.

    Such a token starts with a letter and holds a digit, so it is either capitalised (``is_cap``: a
    capital first or inside) or all lower case and not alphabetic: only those tokens are looked at.
    """
    text = t.text
    lower_not_alpha = compress(range(t.n), map(gt, t.is_lower, t.is_alpha))
    candidates = sorted(set(cap_positions(t)).union(lower_not_alpha))
    out: dict[int, Entry] = {}
    for k, family in zip(candidates, _FAMILIES.column([text[k] for k in candidates]), strict=True):
        entry = gaz.get(family) if family else None
        if entry is not None and entry.kind == "model":
            out[k] = entry
    return out


def _is_name_token(t: TokenTable, k: int) -> bool:
    """Whether ``doc[k]`` can be part of an unseen model's name (capitalised, digits or inner capitals)."""
    text = t.text[k]
    if not any(c.isalnum() for c in text) or t.lower[k] in NOT_MODELS or t.is_stop[k]:
        return False
    return text[0].isupper() or any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:])


def find_unseen(
    doc: Doc, known: list[ModelSpan], blocked: set[int], t: TokenTable | None = None
) -> list[ModelSpan]:
    """Unknown names in model context: "its Motus video model", "launched Xyz-2", "the V3 model".

    ``blocked`` holds token indices already taken (organisations, known models, money, dates); ``t`` is
    the Doc's token table when the caller already has it.  Each rule starts from a cue word (a model
    noun, a launch verb), so only the cue tokens are visited, found once for the three rules.
    """
    t = t if t is not None else table(doc)
    taken = set(blocked)
    for m in known:
        taken.update(range(m.start, m.end))
    cues = list(compress(range(t.n), map(_CUE_WORDS.__contains__, t.lower)))
    found: list[ModelSpan] = []
    _named_before_noun(t, cues, taken, found)
    _coded_after_noun(t, cues, taken, found)
    _launched(t, cues, taken, found)
    _listed_after_noun(t, cues, taken, found)
    _named_product(t, cues, taken, found)
    return found


def _named_product(t: TokenTable, cues: list[int], taken: set[int], found: list[ModelSpan]) -> None:
    """ "its software, which it calls FlowTwin", "an assistant app called Tidepool", "Its consumer
    assistant app, Tidepool, has 600 million users": the name a product noun is given."""
    text, lower, n = t.text, t.lower, t.n
    for i in cues:
        if lower[i] in NAMING_WORDS:
            before = lower[max(0, i - 6) : i]
            if PRODUCT_NOUNS.isdisjoint(before):
                continue
            start = i + 1
        elif lower[i] in PRODUCT_NOUNS and i + 2 < n and text[i + 1] == ",":
            # an apposition needs an owner before the noun ("its", "their", "the company's")
            if not {"its", "their", "'s", "’s"} & set(lower[max(0, i - 4) : i]):
                continue
            start = i + 2
        else:
            continue
        if start >= n or start in taken or not _is_name_token(t, start):
            continue
        end = _extend(t, start + 1)
        while end < n and end - start < 4 and end not in taken and _continues_name(t, end):
            end += 1
        if any(k in taken for k in range(start, end)):
            continue
        if lower[i] in PRODUCT_NOUNS and (end >= n or text[end] not in {",", ".", ")"}):
            continue  # an apposition closes: "app, Tidepool, has"
        _take(t, start, end, taken, found)


def _take(t: TokenTable, start: int, end: int, taken: set[int], found: list[ModelSpan]) -> None:
    """Record an unseen model at [start, end); its tokens are not free for the later rules."""
    found.append(ModelSpan(start, end, _name_of(t, start, end), None, None))
    taken.update(range(start, end))


def _named_before_noun(t: TokenTable, cues: list[int], taken: set[int], found: list[ModelSpan]) -> None:
    """ "its Motus video model", "the V3 model": name words before a model noun and its modifiers."""
    text, lower, sent_start = t.text, t.lower, t.sent_start
    for i in cues:
        if lower[i] not in MODEL_NOUNS or lower[i] in {"app", "series", "family", "assistant"}:
            continue
        j = i
        skipped = 0
        while j > 0 and skipped < 4 and lower[j - 1] in MODEL_MODIFIERS:
            j -= 1
            skipped += 1
        end = j
        start = end
        while start > 0 and end - start < 4 and _is_name_token(t, start - 1) and (start - 1) not in taken:
            start -= 1
        if start == end:
            continue
        if start > 0 and sent_start[start - 1] is False and text[start - 1] in {"-", "–"}:
            continue
        has_digit = any(c.isdigit() for c in text[start])
        sentence_initial_word = sent_start[start] and t.is_title[start] and not has_digit
        if sentence_initial_word and end - start == 1:
            continue
        _take(t, start, end, taken, found)


def _coded_after_noun(t: TokenTable, cues: list[int], taken: set[int], found: list[ModelSpan]) -> None:
    """ "its in-house model, LingoMT-2, turns ...", "A smaller version, Quokka-3 Mini, runs ...": a
    model noun, a comma, then a name that is unmistakably a product code (a digit or inner capital)."""
    text, lower, n = t.text, t.lower, t.n
    for i in cues:
        if i >= n - 2 or (lower[i] not in MODEL_NOUNS and lower[i] not in _APPOSITION_NOUNS):
            continue
        if text[i + 1] != ",":
            continue
        start = i + 2
        if start in taken or not _is_name_token(t, start):
            continue
        end = _extend(t, start + 1)
        while (
            end < n
            and end - start < 4
            and end not in taken
            and _is_name_token(t, end)
            and text[end][0].isupper()
        ):
            end += 1
        name_text = t.span_text(start, end)
        coded = any(c.isdigit() for c in name_text) or any(
            c.isupper() for c in name_text[1:].replace(" ", "")
        )
        if not coded or any(k in taken for k in range(start, end)) or end >= n or text[end] not in {",", "."}:
            continue
        _take(t, start, end, taken, found)


#: Plural model nouns whose list names models: "three video models, including Hotshot-XL, Act One and X".
_PLURAL_MODEL_NOUNS = frozenset(["models", "llms", "chatbots"])
_LIST_OPENERS = frozenset(["including", "like", "called", "named", "dubbed"])


def _listed_after_noun(t: TokenTable, cues: list[int], taken: set[int], found: list[ModelSpan]) -> None:
    """ "foundation models, including Hotshot-XL, Hotshot Act One, and Hotshot", "models such as X and
    Y": each name of the list after a plural model noun is a model."""
    text, lower, n = t.text, t.lower, t.n
    for i in cues:
        if lower[i] not in _PLURAL_MODEL_NOUNS:
            continue
        k = i + 1
        if k < n and text[k] == ",":
            k += 1
        if k + 1 < n and lower[k] == "such" and lower[k + 1] == "as":
            k += 2
        elif k < n and lower[k] in _LIST_OPENERS:
            k += 1
        else:
            continue
        while k < n and k not in taken and _is_name_token(t, k):
            end = _extend(t, k + 1)
            while end < n and end - k < 4 and end not in taken and _continues_name(t, end):
                end += 1
            _take(t, k, end, taken, found)
            k = end
            if k < n and text[k] == ",":
                k += 1
            if k < n and lower[k] in {"and", "or"}:
                k += 1
            if k == end:
                break


def _continues_name(t: TokenTable, k: int) -> bool:
    """A capitalised word inside a listed name, a number word included ("Hotshot Act One")."""
    word = t.text[k]
    return word[:1].isupper() and (
        _is_name_token(t, k) or (t.is_alpha[k] and t.lower[k] not in {"and", "or", "the"})
    )


def _launched(t: TokenTable, cues: list[int], taken: set[int], found: list[ModelSpan]) -> None:
    """ "open-sourced Wan2.1", "launched its Xyz-2": a mixed-case or versioned name after a launch verb."""
    text, lower, n = t.text, t.lower, t.n
    for verb in cues:
        i = verb + 1
        if lower[verb] not in LAUNCH_VERBS or i >= n or i in taken:
            continue
        start = i + 1 if lower[i] in {"its", "the"} and i + 1 < n else i
        if start in taken or not _is_name_token(t, start):
            continue
        word = text[start]
        mixed = any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:])
        end = _extend(t, start + 1)
        if not mixed and end == start + 1:
            continue
        if any(k in taken for k in range(start, end)):
            continue
        _take(t, start, end, taken, found)
