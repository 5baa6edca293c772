"""An article the pipeline fails on becomes a result with an ``internal_error``, never a dead batch.

Why: a batch over a million articles must write one line per article and go on; a bug that one
article triggers in one rule (the inputs are written by strangers, and Unicode is large) must cost
that article, not the run.  The result says where it failed and asks for a report, so the bug is not
hidden either: ``errors`` holds ``internal_error`` and the batch's error count includes it.

``extract`` catches around its one call; ``extract_many`` installs a spaCy error handler for the length
of its loop (``failures_as_results``), which spaCy calls with the Doc a component raised on and then
drops that Doc from the stream; the handler records the failure in the Doc's place.

A pipeline that cannot work at all is not an article's failure: a missing or invalid gazetteer file
(``GazetteerError``, raised on first use) still stops the call, with its message (``SETUP_ERRORS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from dealextract.gazetteer import GazetteerError
from dealextract.records import ErrorInfo

INTERNAL_ERROR = "internal_error"
SETUP_ERRORS: tuple[type[Exception], ...] = (GazetteerError,)  # the pipeline's, not one article's


def internal_error(where: str, exc: BaseException) -> ErrorInfo:
    """The error of an article the pipeline failed on (a bug of ours or of a user's component)."""
    detail = f"{type(exc).__name__}: {exc}"[:300]
    return ErrorInfo(
        code=INTERNAL_ERROR,
        message=(
            f"processing failed in {where} ({detail}); the other articles are not affected. "
            "This is a bug: please report it with the article's text."
        ),
    )


@contextmanager
def failures_as_results(nlp: Language, record: Callable[[Doc, ErrorInfo], None]) -> Iterator[None]:
    """While inside, a component raising on a Doc calls ``record(doc, error)`` instead of raising.

    The previous handlers of the pipeline and of each component are put back on the way out.
    """

    def handler(name: str, proc: Any, docs: list[Doc], exc: Exception) -> None:
        if isinstance(exc, SETUP_ERRORS):
            raise exc
        for doc in docs:
            record(doc, internal_error(f"the pipeline component {name!r}", exc))

    previous_default = nlp.default_error_handler
    procs: list[Any] = [proc for _, proc in nlp.pipeline if hasattr(proc, "get_error_handler")]
    previous = [(proc, proc.get_error_handler()) for proc in procs]
    # spaCy types a handler as one that raises; one that returns is supported and skips the Doc
    nlp.set_error_handler(cast(Any, handler))
    try:
        yield
    finally:
        nlp.default_error_handler = previous_default
        for proc, old in previous:
            proc.set_error_handler(old)
