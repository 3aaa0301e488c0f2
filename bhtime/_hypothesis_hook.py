"""Hypothesis' entry point: ``st.from_type(bhtime.Expression)`` draws valid expressions.

Named in pyproject's ``[project.entry-points.hypothesis]``, so hypothesis runs
``_hypothesis_setup_hook`` whenever it is imported, in every project where
bhtime is installed. It is therefore kept apart from ``bhtime.strategies``:
importing hypothesis imports only this module and ``bhtime._ast``, and the
strategy is built the first time ``from_type`` asks for it.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

    from ._ast import Expression


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is importing us

    from ._ast import Expression  # noqa: PLC0415

    st.register_type_strategy(Expression, _parsed_expressions)


def _parsed_expressions(_: type) -> SearchStrategy[Expression]:
    """``expressions()`` parsed: what ``from_type`` and ``builds`` draw for an ``Expression``."""
    from ._parse import parse  # noqa: PLC0415 - on first use only
    from .strategies import expressions  # noqa: PLC0415

    return expressions().map(parse)
