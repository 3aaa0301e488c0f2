"""A Django REST framework serializer field for bhtime expressions (the ``drf`` extra).

``DateTimeExpressionField`` reads what an API client sends (``"tomorrow
14:00"``, ``"now +3h"``) as an aware datetime in Django's current time zone,
and writes datetimes in bhtime's canonical format
(``2017-04-25T00:41:27.000+0300``), which it reads back unchanged::

    from rest_framework import serializers
    from bhtime.rest_framework import DateTimeExpressionField

    class ReminderSerializer(serializers.Serializer):
        send_at = DateTimeExpressionField()

An invalid expression is a field error whose code is bhtime's
(``unknown-word``) and whose text, in Django's active language, is the
message and the hint. ``import bhtime`` does not import this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

try:
    from django.utils import timezone
    from rest_framework import serializers
except ModuleNotFoundError as missing:  # the extra is not installed: say how to install it
    raise ImportError(
        "bhtime.rest_framework needs Django REST framework: pip install 'bhtime[drf]'"
    ) from missing

from ._errors import BhtimeError
from ._format import format_instant
from ._tz import Policy
from .django import current_language, error_text, evaluate_in_current_zone

__all__ = ["DateTimeExpressionField"]


class DateTimeExpressionField(serializers.CharField):
    """A serializer field: a bhtime expression in, an aware datetime out.

    ``now`` is a function giving the current instant (default: the clock),
    ``disambiguate`` the policy for a local time in a gap or an overlap
    (default ``"compatible"``). Blank text, too-long text and non-strings are
    refused as ``CharField`` refuses them, with DRF's own messages; the text is
    not trimmed, so that an error's position points into it as sent.
    """

    def __init__(
        self,
        *,
        now: Callable[[], datetime] | None = None,
        disambiguate: Policy = "compatible",
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)
        self.now = now
        self.disambiguate: Policy = disambiguate

    def to_internal_value(self, data: Any) -> datetime:  # type: ignore[override]
        text: str = super().to_internal_value(data)
        try:
            return evaluate_in_current_zone(text, now=self.now, disambiguate=self.disambiguate)
        except BhtimeError as error:
            # The text goes to ValidationError as it is: DRF formats only the
            # messages of self.fail(), so neither "%" nor "{" in it is a trap.
            raise serializers.ValidationError(
                error_text(error, current_language()), code=error.code
            ) from None

    def to_representation(self, value: Any) -> str:
        if isinstance(value, datetime):
            if value.utcoffset() is None:
                value = timezone.make_aware(value, timezone.get_current_timezone())
            return format_instant(value.astimezone(timezone.get_current_timezone()))
        return str(value)
