"""Without its extra, bhtime.pydantic or bhtime.strategies says which extra to install."""

from __future__ import annotations

import importlib
import sys

import pytest


@pytest.mark.parametrize(
    ("module", "needs", "message"),
    [
        (
            "bhtime.pydantic",
            "pydantic",
            "bhtime.pydantic needs pydantic: pip install 'bhtime[pydantic]'",
        ),
        (
            "bhtime.strategies",
            "hypothesis",
            "bhtime.strategies needs hypothesis: pip install 'bhtime[hypothesis]'",
        ),
    ],
)
def test_without_its_extra_the_import_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, needs: str, message: str
) -> None:
    # None in sys.modules makes an import fail as if the package were not installed;
    # monkeypatch puts the real modules back afterwards.
    for name in [name for name in sys.modules if name == needs or name.startswith(f"{needs}.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, needs, None)
    monkeypatch.delitem(sys.modules, module, raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module(module)
    assert str(caught.value) == message
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)
