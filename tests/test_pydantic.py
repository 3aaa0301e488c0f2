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
from bhtime.pydantic import ExpressionStr, ResolvedDateTime, error_type

# These check the strategies and the types, not bhtime's laws: the CI profile's
# 2,000 examples are for tests/test_properties.py; 400 are plenty here.
BOUNDED = settings(max_examples=min(settings.default.max_examples, 400))

# SPEC §10's now: 2017-04-25T00:41:27.123+0300.
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
    assert error["ctx"]["pos"] == 0
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
    # SPEC §10: tomorrow 14:00 -> 2017-04-26T14:00:00.000+0300.
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
    # SPEC §10 at a zone's edge: 2017-04-23T16:00:00.000-0400.
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
    # 2011-10-30 02:30 is repeated in Paris; SPEC §6 takes the earlier offset.
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

    assert set(module.__all__) == {"ExpressionStr", "ResolvedDateTime", "error_type"}
