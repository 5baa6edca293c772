"""Sentence boundaries for news text, without a parser.

spaCy's rule-based ``sentencizer`` splits on every full stop and ignores line breaks; news copy needs
both less and more: headlines and digest bullets end at a line break with no punctuation, while
"U.S.", "Inc." and "Apr." must not end a sentence.  This component marks a sentence start

* after a line break (a whitespace token holding "\\n"), and
* after sentence-final punctuation (optionally followed by closing quotes or brackets) when the next word
  starts like a sentence: an upper-case letter, a digit, an opening quote or bracket, or a bullet.

The tokenizer's exceptions already keep abbreviations such as "Inc." and "Dec." as one token, so a lone
"." token is a real full stop.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = frozenset({".", "!", "?", "…", "。", "！", "？"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})
_OPENERS = frozenset({'"', "“", "‘", "(", "[", "«", "-", "–", "—", "•", "*"})


def _starts_like_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in _OPENERS or not first.isascii()


class SentenceSplitter:
    """Marks ``is_sent_start`` on every token; cheap enough to run on every article."""

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        starts = [False] * n
        starts[0] = True
        i = 0
        while i < n:
            tok = doc[i]
            text = tok.text
            if tok.is_space or (tok.whitespace_ and "\n" in tok.whitespace_):
                if "\n" in text or "\n" in tok.whitespace_:
                    j = i + 1
                    while j < n and doc[j].is_space:
                        j += 1
                    if j < n:
                        starts[j] = True
                    i = j
                    continue
            elif text in _FINAL or (len(text) > 1 and text[-1] in _FINAL and text[0] in _FINAL):
                j = i + 1
                while j < n and doc[j].text in _CLOSERS:
                    j += 1
                while j < n and doc[j].is_space:
                    j += 1
                if j < n and _starts_like_sentence(doc[j].text):
                    starts[j] = True
                i = j
                continue
            i += 1
        for k, token in enumerate(doc):
            token.is_sent_start = starts[k]
        return doc


@Language.factory("dealextract_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    """spaCy factory: ``nlp.add_pipe("dealextract_sentences")``."""
    return SentenceSplitter()
