"""Currency surface forms (symbols, names, ISO codes) and how an ambiguous one is decided.

The forms live in ``data/currencies.tsv`` (documented at its top) so a user can read and extend them;
this module loads them once and builds the regex fragments the scanner in ``grammar.py`` uses.

Two signs are ambiguous in news and are decided per article by ``ArticleContext``:

- "$" (and "dollars") is USD unless the article shows another dollar: a stated US-dollar conversion
  whose ratio fits a local dollar, or an article that writes "US$" for US dollars and is set in
  Singapore, Hong Kong, Taiwan, Australia, Canada or New Zealand.
- "¥" is CNY or JPY: a stated conversion decides by its ratio, else Chinese versus Japanese cues in the
  article, else JPY (the sign's Unicode name is YEN SIGN).

Every decision is written to ``Money.currency_note`` so a reviewer can see why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from dealextract.literals import CASE_TWINS
from dealextract.records import iso4217_codes

DOLLAR = "$"  # some dollar, decided by context
YEN = "¥"  # the yen sign: CNY or JPY, decided by context
UNKNOWN = "-"  # a currency we recognise but cannot name

# ISO codes that are also English words or common acronyms: never read as currencies on their own.
CODE_BLOCKLIST = frozenset(
    {"ALL", "TOP", "CUP", "PEN", "GEL", "BAM", "SOS", "TRY", "MAD", "AMD", "BOB", "PHP", "NIO", "CVE",
     "XXX", "XTS", "RON", "MOP", "ANG", "LAK", "BND", "KES", "BIF"}
)  # fmt: skip
# ...but these may follow a number ("29 RON", "1 KMF"), where they cannot be a word.
CODE_POST_ONLY = frozenset({"RON", "KES", "BIF", "LAK", "BND", "ANG", "GEL"})

# Local dollars an article may mean by "$", with the words that place an article there.
LOCAL_DOLLARS: dict[str, tuple[str, ...]] = {
    "SGD": ("Singapore", "Singaporean", "S$", "SGD"),
    "HKD": ("Hong Kong", "HK$", "HKD"),
    "TWD": ("Taiwan", "Taiwanese", "Taipei", "NT$", "TWD"),
    "AUD": ("Australia", "Australian", "Sydney", "Melbourne", "A$", "AUD"),
    "CAD": ("Canada", "Canadian", "Toronto", "Vancouver", "Montreal", "C$", "CAD"),
    "NZD": ("New Zealand", "Auckland", "NZ$", "NZD"),
}
CHINESE_CUES = ("China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Guangzhou", "yuan",
                "RMB", "renminbi", "CNY", "元")  # fmt: skip
JAPANESE_CUES = ("Japan", "Japanese", "Tokyo", "Osaka", "yen", "JPY", "円", "日元")


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form: its ISO code (or DOLLAR, YEN, UNKNOWN) and how it may be used."""

    text: str
    code: str
    pre: bool
    post: bool
    case_insensitive: bool = False
    minor: Decimal | None = None
    scaled_only: bool = False


def _parse_line(line: str) -> Form:
    parts = line.rstrip("\n").split("\t")
    if len(parts) < 3:
        raise ValueError(f"currencies.tsv: expected form, code, where: {line!r}")
    text, code, where = parts[0], parts[1], parts[2]
    options = set(parts[3].split(",")) if len(parts) > 3 and parts[3] else set()
    if code not in (DOLLAR, YEN, UNKNOWN) and code not in iso4217_codes():
        raise ValueError(f"currencies.tsv: {code!r} is not an ISO 4217 code ({line!r})")
    if where not in ("pre", "post", "both"):
        raise ValueError(f"currencies.tsv: where must be pre, post or both ({line!r})")
    minor = next((Decimal(o.split("=", 1)[1]) for o in options if o.startswith("minor=")), None)
    return Form(
        text=text,
        code=code,
        pre=where in ("pre", "both"),
        post=where in ("post", "both"),
        case_insensitive="ci" in options,
        minor=minor,
        scaled_only="scaled" in options,
    )


@lru_cache(maxsize=1)
def forms() -> tuple[Form, ...]:
    """The surface forms from ``data/currencies.tsv`` plus every usable ISO code, read once."""
    data = resources.files("dealextract.money").joinpath("data/currencies.tsv").read_text("utf-8")
    listed = [_parse_line(line) for line in data.splitlines() if line.strip() and not line.startswith("#")]
    known = {f.text for f in listed}
    codes = [
        Form(code, code, pre=code not in CODE_POST_ONLY, post=True)
        for code in sorted(iso4217_codes())
        if code not in known and (code not in CODE_BLOCKLIST or code in CODE_POST_ONLY)
    ]
    return tuple(listed + codes)


def _first_chars(ch: str, case_insensitive: bool) -> tuple[str, ...]:
    """Every character that matches ``ch`` as the first character of a form's pattern."""
    if ch == " ":
        return (" ", "\u00a0")
    if not case_insensitive:
        return (ch,)
    pattern = re.compile(f"(?i:{re.escape(ch)})")
    # characters outside a letter's own two cases that case-insensitive matching takes for it
    # (``literals.CASE_TWINS``; ``tests/money/test_money_scanner.py`` checks the whole of Unicode)
    pool = {ch, ch.lower(), ch.upper(), ch.title(), ch.casefold(), *CASE_TWINS}
    return tuple(sorted(c for c in pool if len(c) == 1 and pattern.fullmatch(c)))


def by_first_char(
    alternatives: Iterable[tuple[str, str, bool]], guard: str = "", screen: bool = False
) -> str:
    r"""An alternation grouped by first character: ``(?:U(?:S\$|SD)|H(?:K\$|KD)|...)``.

    Why: the regex engine tries the alternatives of a group one by one at every position, so a flat
    group of four hundred currency forms cost four hundred tries per word.  Grouped, a position costs
    one comparison per distinct first character, and a pattern that starts with the group lets the
    engine skip every character that starts nothing.  ``alternatives`` are (first character, pattern of
    the rest, whether the first character matches in any case) in priority order; each group keeps that
    order, and only one group can match at a position, so the grouped pattern matches exactly what the
    flat one did.  ``guard`` goes right after the first character (a look-behind there keeps the
    skipping); ``screen`` puts a test of the first character alone in front, for a group that is not at
    the start of its pattern (one test then rejects most positions).
    """
    groups: dict[str, list[str]] = {}
    for first, rest, case_insensitive in alternatives:
        for ch in _first_chars(first, case_insensitive):
            groups.setdefault(ch, []).append(rest)
    body = (
        "(?:" + "|".join(f"{re.escape(ch)}{guard}(?:{'|'.join(rests)})" for ch, rests in groups.items()) + ")"
    )
    return f"(?=[{''.join(re.escape(ch) for ch in groups)}]){body}" if screen else body


def _alternation(items: Iterable[Form]) -> str:
    """The forms as one alternation, longest first (so "US$" is tried before "$")."""
    parts = []
    for f in sorted(items, key=lambda f: len(f.text), reverse=True):
        rest = re.escape(f.text[1:]).replace(r"\ ", "[ \u00a0]")
        if f.case_insensitive:
            rest = f"(?i:{rest})"
        if f.text[-1].isalpha():
            rest += r"(?![^\W\d_])"  # a word ends here: "won" but not "wonder"
        parts.append((f.text[0], rest, f.case_insensitive))
    return by_first_char(parts, screen=True)


@lru_cache(maxsize=1)
def pre_pattern() -> str:
    """Regex fragment for a currency written before the number ("US$", "RMB", "€", "CHF")."""
    return _alternation(f for f in forms() if f.pre)


@lru_cache(maxsize=1)
def post_pattern() -> str:
    """Regex fragment for a currency written after the number ("yuan", "€", "U.S. dollars", "CHF")."""
    return _alternation(f for f in forms() if f.post)


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, Form], dict[str, Form]]:
    exact: dict[str, Form] = {}
    folded: dict[str, Form] = {}
    for f in forms():
        exact.setdefault(f.text, f)
        if f.case_insensitive:
            folded.setdefault(f.text.casefold(), f)
    return exact, folded


_SPACES = re.compile(r"[ \u00a0]+")


def lookup(text: str) -> Form | None:
    """The form a matched currency string stands for (spaces normalised)."""
    key = _SPACES.sub(" ", text)
    exact, folded = _lookup()
    return exact.get(key) or folded.get(key.casefold())


def combine(pre: Form | None, post: Form | None) -> Form | None:
    """One currency from a form before and one after the number: the more specific wins.

    "$1,190.00 AUD" is AUD, "SGD4.90 $" is SGD; a plain "$" never overrides a code.
    """
    if pre is None or post is None:
        return pre or post
    if post.minor is not None:
        return pre
    if pre.code in (DOLLAR, YEN, UNKNOWN) and post.code not in (DOLLAR, YEN, UNKNOWN):
        return post
    return pre


# --- article context ---------------------------------------------------------------------------------

_CUES: dict[str, tuple[str, ...]] = {
    "china": CHINESE_CUES,
    "japan": JAPANESE_CUES,
    **{code.lower(): LOCAL_DOLLARS[code] for code in LOCAL_DOLLARS},
}
# Each cue once, as a whole word; the key a matched word counts for (words are distinct across keys).
_CUE_KEY: dict[str, str] = {w: key for key, words in _CUES.items() for w in words}
_CUE_RE = re.compile(
    by_first_char(
        ((w[0], re.escape(w[1:]) + r"(?![^\W\d_])", False) for words in _CUES.values() for w in words),
        guard=r"(?<![^\W\d_].)",
    )
)
# "US$", "U.S.$", "USD", "U.S. dollars": all start with "U", so the search skips to each "U".
_US_EXPLICIT_RE = re.compile(r"U(?:S\$|\.S\.\$|(?<=\bU)(?:SD\b|\.?S\.? dollars?\b))")


class ArticleContext:
    """What an article says about where it is set, read once per article and only when a sign asks.

    Most articles never need the cues: a bare "$" is USD unless the article also writes "US$", and an
    article without "$" or "¥" asks nothing.  So the counts are taken on first use.
    """

    __slots__ = ("_cues", "_text", "_us")

    def __init__(self, text: str) -> None:
        self._text = text
        self._cues: dict[str, int] | None = None
        self._us: bool | None = None

    @classmethod
    def of(cls, text: str) -> ArticleContext:
        return cls(text)

    @property
    def cues(self) -> dict[str, int]:
        """How often the article names each place (or its currency), by key: "china", "sgd", ..."""
        if self._cues is None:
            self._cues = dict(Counter(map(_CUE_KEY.__getitem__, _CUE_RE.findall(self._text))))
        return self._cues

    @property
    def writes_us_dollar(self) -> bool:
        """Whether the article writes US dollars explicitly ("US$", "USD", "U.S. dollars")."""
        if self._us is None:
            self._us = _US_EXPLICIT_RE.search(self._text) is not None
        return self._us

    def local_dollar(self) -> str | None:
        """The one local dollar the article is clearly set in (named twice, more than any other), if any."""
        cues = self.cues
        ranked = sorted(((cues.get(c.lower(), 0), c) for c in LOCAL_DOLLARS), reverse=True)
        (top, code), (second, _) = ranked[0], ranked[1]
        return code if top >= 2 and top > second else None

    def decide_dollar(self) -> tuple[str | None, str]:
        """The currency of a bare "$" from the article alone, and why."""
        local = self.local_dollar() if self.writes_us_dollar else None
        if local is not None:
            return local, f"bare $ read as {local}: the article writes US$ for US dollars and is set there"
        return "USD", "bare $ read as USD (no other dollar in context)"

    def decide_yen(self) -> tuple[str, str]:
        """The currency of a bare "¥" from the article alone, and why."""
        china, japan = self.cues.get("china", 0), self.cues.get("japan", 0)
        if china > japan:
            return "CNY", f"¥ read as CNY: Chinese context ({china} cues against {japan} Japanese)"
        if japan > china:
            return "JPY", f"¥ read as JPY: Japanese context ({japan} cues against {china} Chinese)"
        return "JPY", "¥ read as JPY: no Chinese or Japanese context, so the sign's own name (yen)"
