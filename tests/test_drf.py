"""bhtime.rest_framework.DateTimeExpressionField in real DRF serializers."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import datetime, timezone

import pytest

pytest.importorskip("django", reason="Django not installed: pip install 'bhtime[drf]'")
pytest.importorskip(
    "rest_framework", reason="Django REST framework not installed: pip install 'bhtime[drf]'"
)

import django_settings
from django.test import override_settings
from django.utils import timezone as django_timezone
from django.utils import translation
from django_settings import NOW, VALID, bhtime_error
from rest_framework import serializers

import bhtime
from bhtime.django import error_text
from bhtime.rest_framework import DateTimeExpressionField

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(autouse=True, scope="module")
def _django() -> None:
    django_settings.configure()


class ReminderSerializer(serializers.Serializer[dict[str, object]]):
    at = DateTimeExpressionField(now=lambda: NOW)


def resolved(text: str) -> str:
    serializer = ReminderSerializer(data={"at": text})
    assert serializer.is_valid(), serializer.errors
    at = serializer.validated_data["at"]
    assert isinstance(at, datetime)
    # What the API answers: the canonical format, in the current zone.
    shown = ReminderSerializer({"at": at}).data["at"]
    assert shown == bhtime.format_instant(at)
    return str(shown)


def field_errors(text: object) -> list[serializers.ErrorDetail]:
    serializer = ReminderSerializer(data={"at": text})
    assert not serializer.is_valid()
    return list(serializer.errors["at"])


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_input(text: str, expected: str) -> None:
    assert resolved(text) == expected


def test_its_own_output_reads_back_unchanged() -> None:
    first = resolved("tomorrow 14:00")
    assert resolved(first) == first


def test_timezone_override() -> None:
    with django_timezone.override("Asia/Yekaterinburg"):
        assert resolved("tomorrow 14:00") == "2017-04-26T14:00:00.000+0500"
        # A stored instant is shown in the current zone.
        utc = datetime(2017, 4, 26, 9, 0, tzinfo=timezone.utc)
        assert ReminderSerializer({"at": utc}).data["at"] == "2017-04-26T14:00:00.000+0500"


def test_a_naive_stored_value_is_read_in_the_current_zone() -> None:
    # USE_TZ = False projects store naive wall-clock times.
    naive = datetime(2017, 4, 26, 14, 0)
    with django_timezone.override("Asia/Yekaterinburg"):
        assert ReminderSerializer({"at": naive}).data["at"] == "2017-04-26T14:00:00.000+0500"


def test_a_stored_expression_is_shown_as_written() -> None:
    assert ReminderSerializer({"at": "tomorrow 14:00"}).data["at"] == "tomorrow 14:00"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("tomorow 14:00", "unknown-word"),
        ("now +3 hrs", "unknown-unit"),
        ("now %d", "unexpected"),
        ("now {at}", "unexpected"),
        ("завтра 14:00", "invalid-character"),
    ],
)
def test_invalid_input_is_a_field_error_with_bhtimes_code(text: str, code: str) -> None:
    (error,) = field_errors(text)
    assert error.code == code
    assert str(error) == error_text(bhtime_error(text), "en")


def test_the_message_for_a_typo() -> None:
    (error,) = field_errors("tomorow 14:00")
    assert str(error) == "unknown word 'tomorow' — did you mean 'tomorrow'?"


@pytest.mark.parametrize(("value", "code"), [("", "blank"), (None, "null"), ([], "invalid")])
def test_what_is_not_text_keeps_drfs_errors(value: object, code: str) -> None:
    (error,) = field_errors(value)
    assert error.code == code


def test_language_code_ru() -> None:
    with override_settings(LANGUAGE_CODE="ru"):
        (error,) = field_errors("tomorow 14:00")
        (blank,) = field_errors("")
    assert error.code == "unknown-word"
    assert str(error) == error_text(bhtime_error("tomorow 14:00"), "ru")
    assert CYRILLIC.search(str(error)), str(error)
    # DRF's own message beside it is Russian too.
    assert CYRILLIC.search(str(blank)), str(blank)


def test_translation_override() -> None:
    with translation.override("ru"):
        (error,) = field_errors("now +3 hrs")
    assert str(error) == error_text(bhtime_error("now +3 hrs"), "ru")


def test_without_drf_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import rest_framework` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "rest_framework", None)
    monkeypatch.delitem(sys.modules, "bhtime.rest_framework", raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module("bhtime.rest_framework")
    assert str(caught.value) == (
        "bhtime.rest_framework needs Django REST framework: pip install 'bhtime[drf]'"
    )
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)
