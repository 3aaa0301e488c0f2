"""bhtime.django.DateTimeExpressionField in real Django forms: zone, language, errors."""

from __future__ import annotations

import importlib
import re
import sys
from datetime import datetime, timedelta, timezone

import pytest

pytest.importorskip("django", reason="Django not installed: pip install 'bhtime[django]'")

import django_settings
from django import forms
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone as django_timezone
from django.utils import translation
from django_settings import NOW, VALID, bhtime_error

import bhtime
from bhtime.django import DateTimeExpressionField, Resolved, error_text

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@pytest.fixture(autouse=True, scope="module")
def _django() -> None:
    django_settings.configure()


class ReminderForm(forms.Form):
    at = DateTimeExpressionField(now=lambda: NOW)


class KeepingForm(forms.Form):
    at = DateTimeExpressionField(now=lambda: NOW, keep_text=True)
    note = forms.CharField(required=False)


class OptionalForm(forms.Form):
    at = DateTimeExpressionField(now=lambda: NOW, required=False)


def cleaned(text: str) -> str:
    form = ReminderForm({"at": text})
    assert form.is_valid(), form.errors
    at = form.cleaned_data["at"]
    assert isinstance(at, datetime)
    return bhtime.format_instant(at)


def only_error(form: forms.Form, field: str = "at") -> ValidationError:
    assert not form.is_valid()
    (error,) = form.errors.as_data()[field]
    return error


# -- valid input -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_input_is_resolved_in_the_default_zone(text: str, expected: str) -> None:
    # TIME_ZONE = "Europe/Moscow" in tests/django_settings.py.
    assert cleaned(text) == expected


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Asia/Yekaterinburg", "2017-04-26T14:00:00.000+0500"),
        ("America/New_York", "2017-04-25T14:00:00.000-0400"),
        ("Asia/Kathmandu", "2017-04-26T14:00:00.000+0545"),
    ],
)
def test_timezone_override_chooses_the_users_zone(zone: str, expected: str) -> None:
    with django_timezone.override(zone):
        assert cleaned("tomorrow 14:00") == expected
    assert cleaned("tomorrow 14:00") == "2017-04-26T14:00:00.000+0300"


def test_timezone_activate_for_a_request() -> None:
    django_timezone.activate("Europe/Paris")
    try:
        assert cleaned("noon") == "2017-04-24T12:00:00.000+0200"
    finally:
        django_timezone.deactivate()


def test_keep_text_gives_the_text_and_the_instant() -> None:
    form = KeepingForm({"at": "tomorrow 14:00"})
    assert form.is_valid(), form.errors
    kept = form.cleaned_data["at"]
    assert isinstance(kept, Resolved)
    assert kept.text == "tomorrow 14:00"
    assert bhtime.format_instant(kept.at) == "2017-04-26T14:00:00.000+0300"


def test_an_initial_value_is_shown_as_text_that_cleans_to_it() -> None:
    at = datetime(2017, 4, 26, 14, 0, tzinfo=timezone(timedelta(hours=3)))
    form = ReminderForm(initial={"at": at})
    shown = form["at"].value()
    assert form["at"].field.prepare_value(shown) == "2017-04-26T14:00:00.000+0300"
    assert 'value="2017-04-26T14:00:00.000+0300"' in str(form["at"])
    kept = KeepingForm(initial={"at": Resolved("tomorrow 14:00", at)})
    assert 'value="tomorrow 14:00"' in str(kept["at"])


def test_optional_field_left_empty_is_none() -> None:
    form = OptionalForm({"at": ""})
    assert form.is_valid()
    assert form.cleaned_data["at"] is None


def test_required_field_keeps_djangos_message() -> None:
    error = only_error(ReminderForm({"at": ""}))
    assert error.code == "required"


# -- invalid input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "shown"),
    [
        ("tomorow 14:00", "unknown-word", "unknown word 'tomorow' — did you mean 'tomorrow'?"),
        ("now +3 hrs", "unknown-unit", "unknown unit 'hrs' — did you mean 'hours'?"),
        (
            "today tomorrow",
            "conflict",
            "'tomorrow' sets the date, which 'today' already sets — keep one of them",
        ),
        ("now +10000 years", "out-of-range", None),
    ],
)
def test_invalid_input_has_message_code_and_position(
    text: str, code: str, shown: str | None
) -> None:
    form = ReminderForm({"at": text})
    error = only_error(form)
    expected = bhtime_error(text)
    assert error.code == code
    assert error.params is not None
    assert (error.params["pos"], error.params["end"]) == (expected.pos, expected.end)
    assert error.params["hint"] == expected.hint
    assert error.params["params"] == dict(expected.params)
    assert form.errors["at"] == [error_text(expected, "en")]
    if shown is not None:
        assert form.errors["at"] == [shown]


@pytest.mark.parametrize("text", ["now %d", "now %(message)s", "100%", "now {0}", "%s"])
def test_percent_in_the_input_is_reported_not_a_crash(text: str) -> None:
    form = ReminderForm({"at": text})
    error = only_error(form)
    expected = bhtime_error(text)
    assert error.code == expected.code
    assert form.errors["at"] == [error_text(expected, "en")]


def test_now_percent_d_quotes_the_percent() -> None:
    assert ReminderForm({"at": "now %d"}).errors["at"] == [
        "unexpected '%': expected a timestamp, a date, a time, a word such as 'now', "
        "or a modifier such as '+3h'"
    ]


def test_the_obvious_version_is_a_trap() -> None:
    """Why the field passes the text as a parameter: as a template it crashes."""
    error = bhtime_error("now %d")
    obvious = ValidationError(error.message, code=error.code, params={"pos": error.pos})
    with pytest.raises((ValueError, TypeError)):
        list(obvious)


def test_errors_are_escaped_in_html() -> None:
    form = ReminderForm({"at": "now <b>"})
    assert not form.is_valid()
    html = str(form["at"].errors)
    assert "&lt;" in html
    assert "<b>" not in html


# -- the active language ---------------------------------------------------------------------


def test_language_code_ru() -> None:
    expected = bhtime_error("tomorow 14:00")
    with override_settings(LANGUAGE_CODE="ru"):
        assert translation.get_language() == "ru"
        form = ReminderForm({"at": "tomorow 14:00"})
        error = only_error(form)
        assert error.code == "unknown-word"
        assert error.params is not None
        assert error.params["message"] == error_text(expected, "ru")
        assert CYRILLIC.search(str(error.params["message"])), error.params["message"]
        assert error.params["hint"] == expected.hint_in("ru")
        assert (error.params["pos"], error.params["end"]) == (0, 7)
        assert form.errors["at"] == [error_text(expected, "ru")]
        # Django beside it speaks Russian too.
        assert list(only_error(ReminderForm({"at": ""}))) == ["Обязательное поле."]


def test_messages_follow_the_language_they_are_shown_in() -> None:
    """Lazy, as Django's own: a form checked in Russian and shown in English reads English."""
    with translation.override("ru"):
        form = ReminderForm({"at": "tomorow 14:00"})
        assert not form.is_valid()
        russian = str(form["at"].errors)
    english = str(form["at"].errors)
    assert "неизвестное слово" in russian
    assert "unknown word" in english


@pytest.mark.parametrize("language", ["ru", "ru-ru"])
def test_translation_override(language: str) -> None:
    with translation.override(language):
        (message,) = ReminderForm({"at": "завтра 14:00"}).errors["at"]
    assert message == error_text(bhtime_error("завтра 14:00"), "ru")
    assert CYRILLIC.search(message.replace("завтра", "")), message


def test_english_is_back_outside_the_override() -> None:
    with translation.override("ru"):
        ReminderForm({"at": "tomorow"}).is_valid()
    (message,) = ReminderForm({"at": "tomorow"}).errors["at"]
    assert message == "unknown word 'tomorow' — did you mean 'tomorrow'?"


def test_without_django_the_import_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import django` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "django", None)
    monkeypatch.delitem(sys.modules, "bhtime.django", raising=False)
    with pytest.raises(ImportError) as caught:
        importlib.import_module("bhtime.django")
    assert str(caught.value) == "bhtime.django needs Django: pip install 'bhtime[django]'"
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)
