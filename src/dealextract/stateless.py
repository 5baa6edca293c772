"""What every dealextract component without data of its own shares: save and load that do nothing.

The money, dates, sentences and deals components are their code and their config; their rules and
tables ship with the package.  These methods exist so that ``nlp.to_disk``/``to_bytes`` (and loading a
saved pipeline) treat every dealextract component alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from typing_extensions import Self


class Stateless:
    """Mixin: serialisation methods for a component with nothing to save."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Nothing to save: the component's behaviour is its code and its config."""

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Self:
        """Nothing to restore."""
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Nothing to save (an empty payload)."""
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Self:
        """Nothing to restore."""
        return self
