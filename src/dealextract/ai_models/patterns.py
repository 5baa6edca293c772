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
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dealextract.gazetteer import Entry, Gazetteer

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
    ]
)

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


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """A model name found in a Doc (token offsets), before maker linking."""

    start: int
    end: int
    name: str
    family: str | None
    maker: str | None


def is_version_token(tok: Token) -> bool:
    """Whether a token can continue a model name ("2.5", "72B", "R1", "Pro")."""
    text = tok.text
    if text.lower() in VARIANT_WORDS:
        return text[0].isupper() or (text.islower() and tok.i > 0 and tok.nbor(-1).text == "-")
    if _YEAR.match(text) or text in _NOT_VERSIONS:
        return False
    return bool(_VERSION.match(text))


def _extend(doc: Doc, end: int) -> int:
    """Extend a model anchor over version tokens; returns the new end (exclusive)."""
    n = len(doc)
    i = end
    steps = 0
    while i < n and steps < MAX_VERSION_TOKENS:
        prev = doc[i - 1]
        tok = doc[i]
        attached = prev.whitespace_ == ""
        if tok.text in {"-", "."} and attached and i + 1 < n and tok.whitespace_ == "":
            nxt = doc[i + 1]
            if (
                is_version_token(nxt)
                or (nxt.is_alpha and nxt.text[0].isupper())
                or nxt.text.lower() in VARIANT_WORDS
            ):
                i += 2
                steps += 2
                continue
            break
        if attached and tok.is_alpha and len(tok.text) <= 2 and prev.like_num:
            i += 1  # "32" "K"
            steps += 1
            continue
        if is_version_token(tok) and not (tok.like_num and i + 1 < n and doc[i + 1].lower_ in _SCALE):
            i += 1
            steps += 1
            continue
        break
    return i


def _needs_context(entry: Entry, form_tokens: int) -> bool:
    """Company names and ordinary-word families need a version or context to be a model."""
    return entry.ambiguous or (entry.case == "exact" and form_tokens == 1)


def _model_context(doc: Doc, start: int, end: int) -> bool:
    """Context that says the words at [start, end) name a model."""
    j = end
    skipped = 0
    while j < len(doc) and skipped < 4 and doc[j].lower_ in MODEL_MODIFIERS:
        j += 1
        skipped += 1
    if j < len(doc) and doc[j].lower_ in MODEL_NOUNS:
        return True
    if start > 0:
        prev = doc[start - 1]
        if prev.lower_ in {"its", "'s", "’s", "using", "via"} or prev.lower_ in LAUNCH_VERBS:
            return True
    return False


def _glued_anchor(tok: Token, gaz: Gazetteer) -> Entry | None:
    """A family glued to its version in one token: "Qwen2.5", "GPT-4o", "Llama-3.1", "abab6.5s"."""
    m = _GLUED.match(tok.text)
    if m is None:
        return None
    entry = gaz.get(m.group(1))
    return entry if entry is not None and entry.kind == "model" else None


def _name_of(doc: Doc, start: int, end: int) -> str:
    """The canonical written form: tokens joined as in the text, runs of whitespace made one space."""
    return " ".join(doc[start:end].text.split())


def find_known(doc: Doc, gaz: Gazetteer) -> list[ModelSpan]:
    """Known families (gazetteer or glued to a version) and their versions, decided by context."""
    found: list[ModelSpan] = []
    covered_until = 0
    hits = {h.start: h for h in gaz.find(doc)}
    i = 0
    n = len(doc)
    while i < n:
        hit = hits.get(i)
        entry: Entry | None
        if hit is not None:
            entry, anchor_end, n_form = hit.entry, hit.end, hit.end - hit.start
            glued = False
        else:
            entry = _glued_anchor(doc[i], gaz)
            anchor_end, n_form, glued = i + 1, 1, True
        if entry is None or i < covered_until:
            i += 1
            continue
        end = _extend(doc, anchor_end)
        versioned = glued or end > anchor_end
        if versioned and not glued and _needs_context(entry, n_form):
            # "Nova Vision AI" is a company; "Nova 2" or "Step-2" is a model: a number or hyphen is needed
            tail = doc[anchor_end:end]
            versioned = any(c.isdigit() for c in tail.text) or doc[anchor_end].text == "-"
            if not versioned:
                end = anchor_end
        if versioned or not _needs_context(entry, n_form) or _model_context(doc, i, anchor_end):
            # a company name followed by its possessive is the company ("DeepSeek's V3 model")
            if (
                not versioned
                and entry.ambiguous
                and anchor_end < n
                and doc[anchor_end].lower_ in {"'s", "’s"}
            ):
                i = anchor_end
                continue
            found.append(ModelSpan(i, end, _name_of(doc, i, end), entry.family or entry.name, entry.maker))
            covered_until = end
            i = end
            continue
        i = anchor_end
    return found


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if not any(c.isalnum() for c in text) or tok.lower_ in NOT_MODELS or tok.is_stop:
        return False
    return text[0].isupper() or any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:])


def find_unseen(doc: Doc, known: list[ModelSpan], blocked: set[int]) -> list[ModelSpan]:
    """Unknown names in model context: "its Motus video model", "launched Xyz-2", "the V3 model".

    ``blocked`` holds token indices already taken (organisations, known models, money, dates).
    """
    taken = set(blocked)
    for m in known:
        taken.update(range(m.start, m.end))
    found: list[ModelSpan] = []
    n = len(doc)
    for i in range(n):
        tok = doc[i]
        if tok.lower_ not in MODEL_NOUNS or tok.lower_ in {"app", "series", "family", "assistant"}:
            continue
        j = i
        skipped = 0
        while j > 0 and skipped < 4 and doc[j - 1].lower_ in MODEL_MODIFIERS:
            j -= 1
            skipped += 1
        end = j
        start = end
        while start > 0 and end - start < 4 and _is_name_token(doc[start - 1]) and (start - 1) not in taken:
            start -= 1
        if start == end:
            continue
        if start > 0 and doc[start - 1].is_sent_start is False and doc[start - 1].text in {"-", "–"}:
            continue
        first = doc[start]
        has_digit = any(c.isdigit() for c in first.text)
        sentence_initial_word = first.is_sent_start and first.is_title and not has_digit
        if sentence_initial_word and end - start == 1:
            continue
        found.append(ModelSpan(start, end, _name_of(doc, start, end), None, None))
        taken.update(range(start, end))
    for i in range(1, n):
        if doc[i - 1].lower_ not in LAUNCH_VERBS or i in taken:
            continue
        start = i + 1 if doc[i].lower_ in {"its", "the"} and i + 1 < n else i
        tok = doc[start]
        if start in taken or not _is_name_token(tok):
            continue
        mixed = any(c.isdigit() for c in tok.text) or any(c.isupper() for c in tok.text[1:])
        end = _extend(doc, start + 1)
        if not mixed and end == start + 1:
            continue
        if any(k in taken for k in range(start, end)):
            continue
        found.append(ModelSpan(start, end, _name_of(doc, start, end), None, None))
        taken.update(range(start, end))
    return found
