"""Hypothesis strategies for hostile text, shared by the property and fuzz tests of this folder.

Why a mix: arbitrary code points alone rarely reach the rules (a random string seldom holds "$5
million" next to "led by"), and fragments alone never hold what nobody thought of.  ``hostile_text``
interleaves both: every Unicode category including lone surrogates, NUL, control, zero-width and
right-to-left marks, CJK and emoji, and the words and symbols the money, date, organisation and deal
rules react to.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Code points the rules and the tokenizer treat specially.
SPECIALS = (
    "\x00", "\x07", "\x1b", "\t", "\r", "\n", "\n\n", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",
    "\u202e", "\u202d", "\u2066", "\u00a0", "\u202f", "\u2009", "\u3000", "\ud800", "\udfff", "\udc80",
    "\ufffd", "😀", "🇨🇳", "👩‍💻", "مرحبا", "שלום", "融资", "亿元", "万", "百", "千", "￥", "¥", "€", "£", "$",
    "US$", "HK$", "S$", "RMB", "₹", "…", "。", "！", "？", "“", "”", "«", "»", "(", ")", "[", "]",
)  # fmt: skip

# Words and pieces of the money, date, organisation and deal rules.
FRAGMENTS = (
    "$5 million", "2 billion yuan", "(about $293 million)", "US$4.7 billion", "RMB1 billion", "¥500 million",
    "1,234,567", "13 009", "0.1", "twenty-five", "half a million", "tens of millions of yuan", "5亿元",
    "million", "billion", "bn", "m", "k", "cents", "per month", "a month", "more than", "about", "up to",
    "between", "and", "to", "-", "or more", "+", "raised", "led by", "with participation from", "invested",
    "acquired", "acquisition of", "Series A", "Series B+", "Pre-A", "seed round", "angel", "Pre-IPO",
    "valuing it at", "at a $157 billion valuation", "Alibaba Cloud", "ShengShu Technology", "Foo Ventures",
    "Acme Robotics Inc.", "Sequoia China", "Tencent", "the startup", "the company", "it", "Vidu", "Qwen",
    "DeepSeek-R1", "GPT-4o", "Beijing-based", "AI", "Labs", "Capital", "Holdings", "Co., Ltd.", "U.S.",
    "Inc.", "Dec.", "May", "May 3, 2024", "April 17, 2018", "Q3 2025", "H1 2024", "FY2024", "last week",
    "two months ago", "next Tuesday", "in 2023", "2026-02-30", "31/02/2025", "yesterday", "earlier this year",
    ".", ",", ";", ":", "?", "!", "'s", " ", "  ", "\n",
)  # fmt: skip

# Letters that a case-insensitive pattern takes for ASCII ones ("ſ" for "s", "ı" and "İ" for "i", the
# Kelvin sign for "k"): a rule that reads what such a pattern matched must fold it the same way.
CASE_TWINS = str.maketrans({"s": "ſ", "i": "ı", "I": "İ", "k": "\u212a"})

any_char = st.characters(exclude_categories=())  # every category, lone surrogates (Cs) included
piece = st.one_of(
    st.text(any_char, max_size=12),
    st.sampled_from(SPECIALS),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS).map(lambda s: s.upper()),
    st.sampled_from((*FRAGMENTS, "thousands of dollars", "several million", "dozens of billions")).map(
        lambda s: s.translate(CASE_TWINS)
    ),
)


@st.composite
def hostile_text(draw: st.DrawFn, max_pieces: int = 40) -> str:
    """A string of fragments, specials and arbitrary code points, glued with or without spaces."""
    parts = draw(st.lists(piece, max_size=max_pieces))
    glue = draw(st.sampled_from(["", " ", "  ", "\n", " \u200b"]))
    return glue.join(parts)
