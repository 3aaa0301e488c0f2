"""A Django form field for bhtime expressions (the ``django`` extra).

``DateTimeExpressionField`` takes what a person types into a scheduling form
(``tomorrow 14:00``, ``now +3h``) and cleans it to an aware datetime, resolved
in Django's current time zone (``timezone.get_current_timezone()``, so
``timezone.activate`` and ``timezone.override`` choose the user's zone), with
errors in Django's active language (``translation.get_language()``)::

    from django import forms
    from bhtime.django import DateTimeExpressionField

    class ReminderForm(forms.Form):
        send_at = DateTimeExpressionField(keep_text=True)

``import bhtime`` does not import this module or Django.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NamedTuple

try:
    from django import forms
    from django.core.exceptions import ValidationError
    from django.utils import timezone, translation
    from django.utils.functional import lazy
except ModuleNotFoundError as missing:  # the extra is not installed: say how to install it
    raise ImportError("bhtime.django needs Django: pip install 'bhtime[django]'") from missing

from ._errors import BhtimeError
from ._evaluate import evaluate
from ._format import format_instant
from ._tz import Policy

__all__ = [
    "DateTimeExpressionField",
    "Resolved",
    "current_language",
    "error_text",
    "evaluate_in_current_zone",
    "validation_error",
]


class Resolved(NamedTuple):
    """An expression as the person wrote it, and the instant it meant when cleaned."""

    text: str
    at: datetime


def current_language() -> str:
    """Django's active language (``ru``, ``en-us``), or its ``LANGUAGE_CODE`` outside a request."""
    return translation.get_language() or "en"


def error_text(error: BhtimeError, locale: str) -> str:
    """The message and the hint of ``error`` in ``locale``, as one line a form shows.

    >>> import bhtime
    >>> try:
    ...     bhtime.parse("tomorow 14:00")
    ... except bhtime.BhtimeError as error:
    ...     print(error_text(error, "en"))
    unknown word 'tomorow' — did you mean 'tomorrow'?
    """
    message = error.message_in(locale)
    hint = error.hint_in(locale)
    return f"{message} — {hint}" if hint else message


def validation_error(error: BhtimeError) -> ValidationError:
    """``error`` as a Django ``ValidationError``, shown in the active language.

    Its ``code`` is bhtime's (``unknown-word``) and its ``params`` hold the
    ``message`` shown, the span ``pos``..``end`` in the text, the ``hint`` and
    bhtime's own ``params``, for a template that underlines the span. Like
    Django's own messages, ``message`` and ``hint`` are lazy: they are written
    in the language active when they are shown.
    """
    params = {
        "message": lazy(lambda: error_text(error, current_language()), str)(),
        "pos": error.pos,
        "end": error.end,
        "hint": None if error.hint is None else lazy(_hint_now, str)(error),
        "params": dict(error.params),
    }
    # Django fills the message with "message % params". The person's text (a
    # message quotes it: "unexpected '%'") is therefore a parameter, never the
    # template, so "now %d" is reported instead of crashing the form.
    return ValidationError("%(message)s", code=error.code, params=params)


def _hint_now(error: BhtimeError) -> str:
    return error.hint_in(current_language()) or ""


def evaluate_in_current_zone(
    text: str, *, now: Callable[[], datetime] | None, disambiguate: Policy
) -> datetime:
    """``text`` evaluated in Django's current time zone, at ``now()`` (default: the clock)."""
    return evaluate(
        text,
        zone=timezone.get_current_timezone(),
        now=None if now is None else now(),
        disambiguate=disambiguate,
    )


class DateTimeExpressionField(forms.CharField):
    """A form field whose text is a bhtime expression, cleaned to an aware datetime.

    ``keep_text=True`` cleans to ``Resolved(text, at)`` instead, for forms that
    store or forward what the person wrote (a reminder shown again as
    "tomorrow 14:00", the expression passed on to the SMS gateway) beside the
    instant it meant. ``now`` is a function giving the current instant
    (default: the clock), ``disambiguate`` the policy for a local time in a
    gap or an overlap (default ``"compatible"``). The text is not stripped:
    bhtime accepts surrounding whitespace, and an error's position must point
    into the text as typed.
    """

    def __init__(
        self,
        *,
        keep_text: bool = False,
        now: Callable[[], datetime] | None = None,
        disambiguate: Policy = "compatible",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)
        self.keep_text = keep_text
        self.now = now
        self.disambiguate: Policy = disambiguate

    def clean(self, value: Any) -> datetime | Resolved | None:
        text = super().clean(value)
        if text in self.empty_values:
            return None
        try:
            at = evaluate_in_current_zone(text, now=self.now, disambiguate=self.disambiguate)
        except BhtimeError as error:
            raise validation_error(error) from None
        return Resolved(text, at) if self.keep_text else at

    def prepare_value(self, value: Any) -> Any:
        # An initial value is shown as text that cleans to the same instant (to the
        # millisecond, as the canonical format writes it).
        if isinstance(value, Resolved):
            return value.text
        if isinstance(value, datetime) and value.utcoffset() is not None:
            return format_instant(value)
        return value
