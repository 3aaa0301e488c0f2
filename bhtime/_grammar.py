"""Find the grammar file and build the LALR parser, once, on first use.

The grammar ships inside the wheel as ``bhtime/bhtime.lark``; in a checkout or
an editable install it is read from the repository's ``grammar/`` folder.
lark is imported here only, and only when the first expression is parsed, so
``import bhtime`` stays cheap.
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["grammar_text", "parser"]

_GRAMMAR_NAME = "bhtime.lark"
_lock = threading.Lock()
_parser: Lark | None = None


def grammar_text() -> str:
    """The text of the grammar, from the package if installed, else the checkout."""
    packaged = resources.files(__package__).joinpath(_GRAMMAR_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    in_checkout = Path(__file__).resolve().parent.parent / "grammar" / _GRAMMAR_NAME
    return in_checkout.read_text(encoding="utf-8")


def parser(transformer: Any) -> Lark:
    """The shared parser; the first caller builds it, the others wait for it."""
    global _parser  # noqa: PLW0603 - the one lazily built object
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = _build(transformer)
    return _parser


def _build(transformer: Any) -> Lark:
    from lark import Lark  # noqa: PLC0415 - keep lark out of `import bhtime`

    # A basic (context-free) lexer: SPEC §2 cuts items with no regard to what
    # the parser expects. The transformer builds the AST during the LALR pass.
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer="basic",
        transformer=transformer,
        maybe_placeholders=False,
        # SPEC §2: case-insensitive in ASCII only; without this, re's Unicode
        # folding would read "ſ" as s and the Kelvin sign as k.
        g_regex_flags=re.ASCII,
    )
