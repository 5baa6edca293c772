"""A family glued to its version ("Qwen2.5", "abab6.5s") is only looked for in capitalised tokens and
all-lower-case tokens that are not alphabetic: no token shaped like one may fall outside both."""

from __future__ import annotations

from dealextract.ai_models.patterns import _glued_family
from dealextract.orgs.patterns import is_cap_text


def test_every_glued_shape_is_capitalised_or_lower_case() -> None:
    stems = ["qwen", "Qwen", "QWEN", "gpt", "GPT", "gPT", "o", "O", "abab", "Llama", "x", "ǅx", "ℂoin"]
    tails = ["2.5", "-4o", "4O", "6.5s", "1", "-3.1", "3_a", "2.5-Max", "١", "²"]
    for stem in stems:
        for tail in tails:
            word = stem + tail
            if _glued_family(word):
                assert is_cap_text(word) or (word.islower() and not word.isalpha()), word
