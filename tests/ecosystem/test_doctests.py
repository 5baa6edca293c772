"""Every example in a docstring of ``src/dealextract`` runs, and every public function of the contract
(``dealextract.__all__`` and ``api.py``) has one.

Run as a test rather than with ``--doctest-modules`` so the modules of optional extras (Dask, WARC) that
cannot import without them are skipped by name instead of failing collection.
"""

from __future__ import annotations

import doctest
import importlib
import inspect
import pkgutil
from types import ModuleType

import pytest

import dealextract
import dealextract.api


def _modules() -> list[str]:
    names = ["dealextract"]
    names += [m.name for m in pkgutil.walk_packages(dealextract.__path__, "dealextract.")]
    return sorted(names)


def _import(name: str) -> ModuleType:
    try:
        return importlib.import_module(name)
    except ImportError as err:  # a module of an optional extra that is not installed
        pytest.skip(f"{name}: {err}")


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    module = _import(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name, globs=vars(module).copy()):
        if test.examples:
            runner.run(test)
    results = runner.summarize(verbose=False)
    assert results.failed == 0, f"{results.failed} docstring examples failed in {name} (see the output above)"


def _public_functions() -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for name in dealextract.__all__:
        obj = getattr(dealextract, name)
        if inspect.isfunction(obj):
            out.append((f"dealextract.{name}", obj))
    for name, obj in vars(dealextract.api).items():
        if inspect.isfunction(obj) and obj.__module__ == "dealextract.api" and not name.startswith("_"):
            out.append((f"dealextract.api.{name}", obj))
    return out


@pytest.mark.parametrize(("name", "func"), _public_functions(), ids=[n for n, _ in _public_functions()])
def test_public_functions_have_examples(name: str, func: object) -> None:
    assert ">>>" in (inspect.getdoc(func) or ""), f"{name} has no example in its docstring"
