"""bhtime.pydantic through a real BaseModel: validation, errors, serialization, JSON schema."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings

pytest.importorskip(
    "pydantic", reason="the pydantic extra is not installed (pip install 'bhtime[pydantic]')"
)
from pydantic import BaseModel, ValidationError

import bhtime
from bhtime import strategies as bst
from bhtime.pydantic import (
    ExpressionStr,
    ResolvedDateTime,
    ZoneName,
    error_type,
    pydantic_error,
    resolution,
    validation_error,
)

# These check the strategies and the types, not bhtime's laws: the CI profile's
# 2,000 examples are for tests/test_properties.py; 400 are plenty here.
BOUNDED = settings(max_examples=min(settings.default.max_examples, 400))

# docs/language.md §10's now: 2017-04-25T00:41:27.123+0300.
NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
MOSCOW = {"zone": "Europe/Moscow", "now": NOW}


class Reminder(BaseModel):
    written: ExpressionStr
    at: ResolvedDateTime


class Later(BaseModel):
    at: ResolvedDateTime | None = None


def only_error(caught: pytest.ExceptionInfo[ValidationError]) -> dict[str, Any]:
    (error,) = caught.value.errors()
    return dict(error)


# -- ExpressionStr -------------------------------------------------------------------------


def test_expression_text_is_kept_as_written() -> None:
    text = "  Now -12 HOURS\t+1min "
    model = Reminder.model_validate({"written": text, "at": "now"}, context=MOSCOW)
    assert model.written == text
    assert type(model.written) is str
    assert model.model_dump()["written"] == text
    assert json.loads(model.model_dump_json())["written"] == text


def test_expression_needs_no_zone() -> None:
    class Form(BaseModel):
        when: ExpressionStr

    assert Form.model_validate_json('{"when": "tomorrow 14:00"}').when == "tomorrow 14:00"


def test_expression_error_is_a_pydantic_error_with_code_pos_and_hint() -> None:
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate_json('{"written": "tomorow 14:00", "at": "now"}', context=MOSCOW)
    error = only_error(caught)
    assert error["type"] == "bhtime_unknown_word"
    assert error["loc"] == ("written",)
    assert error["msg"] == "unknown word 'tomorow'"
    assert error["ctx"]["code"] == "unknown-word"
    assert (error["ctx"]["pos"], error["ctx"]["end"]) == (0, 7)
    assert error["ctx"]["hint"] == "did you mean 'tomorrow'?"
    assert error["input"] == "tomorow 14:00"


def test_error_message_with_braces_is_kept() -> None:
    # pydantic fills "{name}" from the context; an unknown [zone] quotes the user's text.
    text = "2011-12-03T10:15:30+01:00[{pos}]"
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": text, "at": "now"}, context=MOSCOW)
    error = only_error(caught)
    assert error["type"] == "bhtime_unknown_zone"
    assert "{pos}" in error["msg"]


def test_not_a_string() -> None:
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": 42, "at": "now"}, context=MOSCOW)
    assert only_error(caught)["type"] == "string_type"


@BOUNDED
@given(bst.invalid_cases())
def test_every_bhtime_code_has_its_error_type(case: tuple[str, str]) -> None:
    text, _ = case
    try:
        bhtime.parse(text)
    except bhtime.BhtimeError as expected:
        with pytest.raises(ValidationError) as caught:
            Reminder.model_validate({"written": text, "at": "now"}, context=MOSCOW)
        error = only_error(caught)
        assert error["type"] == error_type(expected.code)
        assert error["msg"] == expected.message
        assert (error["ctx"]["pos"], error["ctx"]["hint"]) == (expected.pos, expected.hint)
    else:
        # Wrong only once evaluated (a range error at a step): valid text.
        assert Reminder.model_validate({"written": text, "at": "now"}, context=MOSCOW)


@BOUNDED
@given(bst.expressions())
def test_every_valid_expression_is_accepted(text: str) -> None:
    model = Reminder.model_validate({"written": text, "at": "now"}, context=MOSCOW)
    assert model.written == text


def test_error_types() -> None:
    assert error_type("unknown-word") == "bhtime_unknown_word"
    assert error_type("offset-not-in-zone") == "bhtime_offset_not_in_zone"
    assert error_type("empty") == "bhtime_empty"


# -- ResolvedDateTime ------------------------------------------------------------------------


def test_resolved_at_validation_in_the_context_zone() -> None:
    model = Reminder.model_validate_json(
        '{"written": "tomorrow 14:00", "at": "tomorrow 14:00"}', context=MOSCOW
    )
    # docs/language.md §10: tomorrow 14:00 -> 2017-04-26T14:00:00.000+0300.
    assert model.at == datetime(2017, 4, 26, 14, tzinfo=timezone(timedelta(hours=3)))
    assert model.at.utcoffset() == timedelta(hours=3)


def test_resolved_serialized_in_the_canonical_format() -> None:
    model = Reminder.model_validate(
        {"written": "now -12 hours +1min", "at": "now -12 hours +1min"}, context=MOSCOW
    )
    assert json.loads(model.model_dump_json()) == {
        "written": "now -12 hours +1min",
        "at": "2017-04-24T12:42:27.123+0300",
    }
    assert model.model_dump(mode="json")["at"] == "2017-04-24T12:42:27.123+0300"
    # In Python mode the value stays a datetime.
    assert isinstance(model.model_dump()["at"], datetime)


def test_resolved_json_round_trip() -> None:
    model = Reminder.model_validate(
        {"written": "2011-12-03 noon", "at": "2011-12-03 noon"}, context=MOSCOW
    )
    again = Reminder.model_validate_json(model.model_dump_json(), context=MOSCOW)
    assert again.at == model.at
    assert again.model_dump_json() == model.model_dump_json()


def test_resolved_python_round_trip_keeps_the_datetime() -> None:
    model = Reminder.model_validate({"written": "3h", "at": "3h"}, context=MOSCOW)
    again = Reminder.model_validate(model.model_dump())
    assert again.at == model.at


def test_resolved_other_zone_and_fixed_offsets() -> None:
    context = {"zone": "America/New_York", "now": NOW}
    model = Reminder.model_validate(
        {"written": "10:00+14:00", "at": "10:00+14:00"}, context=context
    )
    # docs/language.md §10 at a zone's edge: 2017-04-23T16:00:00.000-0400.
    assert model.model_dump(mode="json")["at"] == "2017-04-23T16:00:00.000-0400"
    fixed = Reminder.model_validate(
        {"written": "now", "at": "now"}, context={**MOSCOW, "zone": "+05:30"}
    )
    assert fixed.model_dump(mode="json")["at"] == "2017-04-25T03:11:27.123+0530"


def test_resolved_without_now_reads_the_clock() -> None:
    before = datetime.now(timezone.utc)
    model = Reminder.model_validate({"written": "now", "at": "now"}, context={"zone": "UTC"})
    after = datetime.now(timezone.utc)
    assert before <= model.at <= after


@pytest.mark.parametrize("context", [None, {}, {"now": NOW}])
def test_missing_zone_is_a_clear_error(context: dict[str, Any] | None) -> None:
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": "now", "at": "now"}, context=context)
    error = only_error(caught)
    assert error["type"] == "bhtime_missing_zone"
    assert error["loc"] == ("at",)
    assert "zone" in error["msg"]


def test_unknown_zone_in_context() -> None:
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate(
            {"written": "now", "at": "now"}, context={"zone": "Europe/Moscw", "now": NOW}
        )
    error = only_error(caught)
    assert error["type"] == "bhtime_unknown_zone"
    assert error["ctx"]["pos"] is None
    assert error["ctx"]["hint"] == "did you mean 'Europe/Moscow'?"


def test_resolved_errors_carry_code_and_position() -> None:
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate_json('{"written": "now", "at": "now +10000 years"}', context=MOSCOW)
    error = only_error(caught)
    assert error["type"] == "bhtime_out_of_range"
    assert error["ctx"]["code"] == "out-of-range"
    assert error["ctx"]["pos"] == 4
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": "now", "at": "today tomorrow"}, context=MOSCOW)
    error = only_error(caught)
    assert (error["type"], error["ctx"]["pos"]) == ("bhtime_conflict", 6)


def test_disambiguate_from_the_context() -> None:
    # 2011-10-30 02:30 is repeated in Paris; docs/language.md §6 takes the earlier offset.
    context = {"zone": "Europe/Paris", "now": NOW}
    text = "2011-10-30 02:30"
    default = Later.model_validate({"at": text}, context=context)
    assert default.model_dump(mode="json")["at"] == "2011-10-30T02:30:00.000+0200"
    later = Later.model_validate({"at": text}, context={**context, "disambiguate": "later"})
    assert later.model_dump(mode="json")["at"] == "2011-10-30T02:30:00.000+0100"


def test_naive_datetime_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        Later.model_validate({"at": datetime(2020, 1, 1)})
    assert only_error(caught)["type"] == "bhtime_naive_datetime"


def test_resolved_not_a_string() -> None:
    with pytest.raises(ValidationError) as caught:
        Later.model_validate({"at": 3}, context=MOSCOW)
    assert only_error(caught)["type"] == "string_type"


def test_optional_field() -> None:
    assert Later.model_validate({}).at is None
    assert Later.model_validate({"at": None}).model_dump_json() == '{"at":null}'


@BOUNDED
@given(bst.expressions(), bst.zones())
def test_resolved_equals_evaluate(text: str, zone: str) -> None:
    model = Later.model_validate({"at": text}, context={"zone": zone, "now": NOW})
    assert model.at == bhtime.evaluate(text, zone=zone, now=NOW)
    assert model.model_dump(mode="json")["at"] == bhtime.resolve(text, zone=zone, now=NOW)


# -- JSON schema -----------------------------------------------------------------------------


def test_json_schema_for_validation() -> None:
    properties = Reminder.model_json_schema()["properties"]
    for name in ("written", "at"):
        schema = properties[name]
        assert schema["type"] == "string"
        assert schema["maxLength"] == 1000
        assert "expression" in schema["description"]
        for example in schema["examples"]:
            bhtime.evaluate(example, zone="Europe/Moscow", now=NOW)
    assert "examples" in properties["written"]


def test_json_schema_for_serialization() -> None:
    properties = Reminder.model_json_schema(mode="serialization")["properties"]
    at = properties["at"]
    assert at["type"] == "string"
    assert "yyyy-MM-dd'T'HH:mm:ss.SSSZ" in at["description"]

    model = Reminder.model_validate({"written": "now", "at": "now"}, context=MOSCOW)
    assert re.fullmatch(at["pattern"], model.model_dump(mode="json")["at"])
    for example in at["examples"]:
        assert re.fullmatch(at["pattern"], example)
    assert properties["written"]["type"] == "string"


def test_importing_bhtime_does_not_import_pydantic() -> None:
    code = "import sys, bhtime; print('pydantic' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_public_names() -> None:
    import bhtime.pydantic as module

    assert set(module.__all__) == {
        "ExpressionStr",
        "Resolution",
        "ResolvedDateTime",
        "ZoneName",
        "error_type",
        "pydantic_error",
        "resolution",
        "validation_error",
    }


# -- resolution(): the zone without a validation context --------------------------------------


def test_resolution_sets_zone_and_now_without_a_context() -> None:
    with resolution(zone="Europe/Moscow", now=NOW) as settings:
        model = Reminder.model_validate({"written": "tomorrow 14:00", "at": "tomorrow 14:00"})
    assert model.model_dump(mode="json")["at"] == "2017-04-26T14:00:00.000+0300"
    assert (settings.zone, settings.now, settings.locale) == ("Europe/Moscow", NOW, None)
    # Left: nothing is set any more.
    with pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": "now", "at": "now"})
    assert only_error(caught)["type"] == "bhtime_missing_zone"


def test_the_validation_context_wins_key_by_key() -> None:
    with resolution(zone="Asia/Tokyo", now=NOW, locale="ru"):
        model = Later.model_validate({"at": "noon"}, context={"zone": "Europe/Paris"})
        assert model.model_dump(mode="json")["at"] == "2017-04-24T12:00:00.000+0200"
        # now came from the resolution: 2017-04-24 in Paris at 23:41.
        with pytest.raises(ValidationError) as caught:
            Later.model_validate({"at": "tomorow"}, context={"locale": "en"})
    assert only_error(caught)["msg"] == "unknown word 'tomorow'"


def test_nested_resolutions_inherit_what_they_do_not_set() -> None:
    with resolution(locale="ru"), resolution(zone="+05:30", now=NOW) as inner:
        assert (inner.locale, inner.zone) == ("ru", "+05:30")
        model = Later.model_validate({"at": "now"})
    assert model.model_dump(mode="json")["at"] == "2017-04-25T03:11:27.123+0530"


def test_disambiguate_from_the_resolution() -> None:
    with resolution(zone="Europe/Paris", disambiguate="later"):
        model = Later.model_validate({"at": "2011-10-30 02:30"})
    assert model.model_dump(mode="json")["at"] == "2011-10-30T02:30:00.000+0100"


def test_resolution_locale_translates_the_error() -> None:
    with pytest.raises(bhtime.BhtimeError) as expected:
        bhtime.parse("now +3 hrs")
    with resolution(zone="UTC", locale="ru"), pytest.raises(ValidationError) as caught:
        Reminder.model_validate({"written": "now +3 hrs", "at": "now"})
    error = only_error(caught)
    assert error["msg"] == expected.value.message_in("ru")
    assert error["ctx"]["hint"] == expected.value.hint_in("ru")
    assert error["ctx"]["message"] == error["msg"]
    assert re.search("[а-яё]", error["msg"]), error["msg"]


def test_resolution_is_per_thread_of_work() -> None:
    """contextvars: a value set in one thread is not seen by another."""
    import threading

    seen: list[str] = []

    def other() -> None:
        try:
            Later.model_validate({"at": "now"})
        except ValidationError as error:
            seen.append(error.errors()[0]["type"])

    with resolution(zone="UTC"):
        worker = threading.Thread(target=other)
        worker.start()
        worker.join(timeout=10)
    assert seen == ["bhtime_missing_zone"]


# -- resolved values validate again without a zone --------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone"),
    [("now", "Europe/Moscow"), ("tomorrow 14:00", "America/New_York"), ("noon", "+05:45")],
)
def test_a_model_validates_its_own_json_without_a_zone(text: str, zone: str) -> None:
    model = Reminder.model_validate(
        {"written": text, "at": text}, context={"zone": zone, "now": NOW}
    )
    dumped = model.model_dump_json()
    again = Reminder.model_validate_json(dumped)
    assert again.model_dump_json() == dumped
    # The same instant, at the offset it was written with.
    assert again.at == model.at.replace(microsecond=model.at.microsecond // 1000 * 1000)
    assert again.at.utcoffset() == model.at.utcoffset()


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2017-04-25T00:41:27.000+0300", "2017-04-25T00:41:27.000+0300"),
        ("2011-12-03T10:15:30Z", "2011-12-03T10:15:30.000+0000"),
        ("Tue, 3 Jun 2008 11:05:30 GMT", "2008-06-03T11:05:30.000+0000"),
        ("2011-12-03T10:15:30+01:00[Europe/Paris]", "2011-12-03T10:15:30.000+0100"),
    ],
)
def test_a_timestamp_with_its_offset_needs_no_zone(text: str, shown: str) -> None:
    assert Later.model_validate({"at": text}).model_dump(mode="json")["at"] == shown


@pytest.mark.parametrize("text", ["2011-12-03T10:15:30", "2011-12-03T10:15:30Z +1d", "noon"])
def test_anything_else_needs_a_zone(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Later.model_validate({"at": text})
    error = only_error(caught)
    assert error["type"] == "bhtime_missing_zone"
    assert "resolution(" in error["ctx"]["hint"]


def test_a_bad_text_is_reported_before_a_missing_zone() -> None:
    with pytest.raises(ValidationError) as caught:
        Later.model_validate({"at": "tomorow"})
    assert only_error(caught)["type"] == "bhtime_unknown_word"


# -- ZoneName ----------------------------------------------------------------------------------


class Profile(BaseModel):
    zone: ZoneName


@pytest.mark.parametrize(
    "zone", ["Europe/Moscow", "UTC", "Z", "+05:30", "+0530", "+05", "-03:30", "Asia/Kathmandu"]
)
def test_zone_names_and_offsets_are_kept_as_written(zone: str) -> None:
    assert Profile.model_validate({"zone": zone}).zone == zone
    assert Profile.model_validate_json(Profile(zone=zone).model_dump_json()).zone == zone


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("Europe/Moscw", "did you mean 'Europe/Moscow'?"),
        ("europe/moscow", "did you mean 'Europe/Moscow'?"),
        ("Mars/Olympus", None),
        ("+19:00", None),
        ("", None),
    ],
)
def test_unknown_zones_are_bhtime_errors(zone: str, hint: str | None) -> None:
    with pytest.raises(bhtime.ZoneError) as expected:
        bhtime.evaluate("now", zone=zone, now=NOW)
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate({"zone": zone})
    error = only_error(caught)
    assert error["type"] == "bhtime_unknown_zone"
    assert error["msg"] == expected.value.message
    assert (error["ctx"]["hint"], error["ctx"]["pos"]) == (hint, None)


def test_zone_not_a_string() -> None:
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate({"zone": 3})
    assert only_error(caught)["type"] == "string_type"


def test_zone_json_schema() -> None:
    schema = Profile.model_json_schema()["properties"]["zone"]
    assert schema["type"] == "string"
    for example in schema["examples"]:
        assert Profile.model_validate({"zone": example}).zone == example


# -- the public error helpers ------------------------------------------------------------------


def caught_error(text: str) -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.evaluate(text, zone="Europe/Moscow", now=NOW)
    return caught.value


def test_pydantic_error_raised_from_a_validator() -> None:
    from pydantic import field_validator

    class Custom(BaseModel):
        when: str

        @field_validator("when")
        @classmethod
        def must_parse(cls, value: str) -> str:
            try:
                bhtime.parse(value)
            except bhtime.BhtimeError as error:
                raise pydantic_error(error) from None
            return value

    with pytest.raises(ValidationError) as caught:
        Custom(when="1.5h")
    error = only_error(caught)
    expected = caught_error("1.5h")
    assert error["type"] == "bhtime_fraction"
    assert error["ctx"] == {
        "code": "fraction",
        "pos": expected.pos,
        "end": expected.end,
        "hint": expected.hint,
        "params": dict(expected.params),
        "message": expected.message,
    }


def test_validation_error_for_code_outside_a_model() -> None:
    error = caught_error("now +10000 years")
    (detail,) = validation_error(error, loc=("form", "at"), locale="ru").errors()
    assert detail["type"] == "bhtime_out_of_range"
    assert detail["loc"] == ("form", "at")
    assert detail["input"] == "now +10000 years"
    assert detail["msg"] == error.message_in("ru")
    assert (detail["ctx"]["pos"], detail["ctx"]["end"]) == (error.pos, error.end)
