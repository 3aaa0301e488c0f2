"""ResolvedDateTime in a real FastAPI app: request bodies resolved per request, 422s in two languages."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

import pytest

pytest.importorskip("fastapi", reason="FastAPI not installed: pip install 'bhtime[fastapi]'")
pytest.importorskip(
    "fastapi.testclient", reason="httpx not installed: pip install 'bhtime[fastapi]'"
)

from fastapi import Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.testclient import TestClient
from pydantic import BaseModel

import bhtime
from bhtime.pydantic import (
    ExpressionStr,
    ResolvedDateTime,
    ZoneName,
    resolution,
    validation_error,
)

# docs/language.md §10's now: 2017-04-25T00:41:27.123+0300.
NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


class Reminder(BaseModel):
    text: ExpressionStr
    at: ResolvedDateTime


def first_language(accept_language: str) -> str:
    """``ru-RU,ru;q=0.9,en;q=0.8`` -> ``ru-RU``: the user's first choice."""
    return accept_language.split(",", maxsplit=1)[0].split(";", maxsplit=1)[0].strip() or "en"


async def per_user(
    x_time_zone: Annotated[ZoneName, Header()] = "Europe/Moscow",
    accept_language: Annotated[str, Header()] = "en",
) -> AsyncIterator[None]:
    # An async generator dependency runs in the request's own task, before
    # FastAPI validates the body, so the body's validation sees this.
    with resolution(zone=x_time_zone, now=NOW, locale=first_language(accept_language)):
        yield


def reminders_app() -> FastAPI:
    app = FastAPI(dependencies=[Depends(per_user)])

    @app.post("/reminders")
    async def create(reminder: Reminder) -> Reminder:
        return reminder

    @app.get("/resolve")
    def resolve_query(at: Annotated[str, Query()], x_time_zone: str = Header("UTC")) -> str:
        # A route resolving text itself answers errors the way request bodies do.
        try:
            return bhtime.resolve(at, zone=x_time_zone, now=NOW)
        except bhtime.BhtimeError as error:
            raise RequestValidationError(
                validation_error(error, loc=("query", "at")).errors(include_url=False)
            ) from None

    return app


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(reminders_app()) as test_client:
        yield test_client


def post(client: TestClient, at: str, text: str | None = None, **headers: str) -> Response:
    """Post a reminder whose ``text`` (default: the same) is kept and ``at`` resolved."""
    names = {"zone": "X-Time-Zone", "language": "Accept-Language"}
    sent = {names[key]: value for key, value in headers.items()}
    body = {"text": at if text is None else text, "at": at}
    return client.post("/reminders", json=body, headers=sent)


def only_detail(response: Response) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    (detail,) = response.json()["detail"]
    return dict(detail)


# -- 200 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "zone", "expected"),
    [
        ("tomorrow 14:00", "Europe/Moscow", "2017-04-26T14:00:00.000+0300"),
        ("now +3h", "Europe/Moscow", "2017-04-25T03:41:27.123+0300"),
        ("now -12 hours +1min", "Europe/Moscow", "2017-04-24T12:42:27.123+0300"),
        # Already 02:41 on the 25th in Yekaterinburg: tomorrow is the 26th there too.
        ("tomorrow 14:00", "Asia/Yekaterinburg", "2017-04-26T14:00:00.000+0500"),
        ("today 14:00", "America/New_York", "2017-04-24T14:00:00.000-0400"),
        ("noon", "+05:30", "2017-04-25T12:00:00.000+0530"),
    ],
)
def test_valid_body_is_resolved_in_the_users_zone(
    client: TestClient, text: str, zone: str, expected: str
) -> None:
    response = post(client, text, zone=zone)
    assert response.status_code == 200, response.text
    assert response.json() == {"text": text, "at": expected}
    assert expected == bhtime.resolve(text, zone=zone, now=NOW)


def test_resolved_value_posted_again_needs_no_zone() -> None:
    app = FastAPI()  # no dependency: no zone anywhere

    @app.post("/echo")
    async def echo(reminder: Reminder) -> Reminder:
        return reminder

    with TestClient(app) as bare:
        body = {"text": "now", "at": "2017-04-25T00:41:27.000+0300"}
        response = bare.post("/echo", json=body)
        assert (response.status_code, response.json()) == (200, body)
        missing = bare.post("/echo", json={"text": "now", "at": "tomorrow"})
    detail = only_detail(missing)
    assert detail["type"] == "bhtime_missing_zone"
    assert "context=" not in detail["msg"]  # the API client is not told how to call pydantic


# -- 422 -------------------------------------------------------------------------------------


def expected_error(text: str) -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.evaluate(text, zone="Europe/Moscow", now=NOW)
    return caught.value


@pytest.mark.parametrize(
    ("text", "code", "pos", "end", "hint"),
    [
        ("tomorow 14:00", "unknown-word", 0, 7, "did you mean 'tomorrow'?"),
        ("now +3 hrs", "unknown-unit", 7, 10, "did you mean 'hours'?"),
        ("завтра 14:00", "invalid-character", 0, None, "write the expression in ASCII"),
    ],
)
def test_invalid_body_is_a_422_with_code_span_and_hint(
    client: TestClient, text: str, code: str, pos: int, end: int | None, hint: str
) -> None:
    response = post(client, text)
    details = response.json()["detail"]
    assert response.status_code == 422
    # Both fields hold the text; each reports the error at its own place.
    assert [detail["loc"] for detail in details] == [["body", "text"], ["body", "at"]]
    detail = details[1]
    error = expected_error(text)
    assert detail["type"] == "bhtime_" + code.replace("-", "_")
    assert detail["msg"] == error.message
    ctx = detail["ctx"]
    assert (ctx["code"], ctx["pos"], ctx["hint"]) == (code, pos, hint)
    assert ctx["end"] == error.end
    assert ctx["end"] > ctx["pos"]
    if end is not None:
        assert ctx["end"] == end
    assert ctx["params"] == dict(error.params)
    assert detail["input"] == text


@pytest.mark.parametrize("language", ["ru", "ru-RU", "ru-RU,ru;q=0.9,en;q=0.8"])
def test_invalid_body_in_russian(client: TestClient, language: str) -> None:
    detail = only_detail(post(client, "tomorow 14:00", text="now", language=language))
    error = expected_error("tomorow 14:00")
    assert detail["type"] == "bhtime_unknown_word"
    assert detail["msg"] == error.message_in("ru")
    assert detail["ctx"]["hint"] == error.hint_in("ru")
    assert CYRILLIC.search(detail["msg"]), detail["msg"]
    assert CYRILLIC.search(detail["ctx"]["hint"]), detail["ctx"]["hint"]
    assert "tomorrow" in detail["ctx"]["hint"]  # the suggestion stays as the user must type it
    assert (detail["ctx"]["pos"], detail["ctx"]["end"]) == (0, 7)


def test_unknown_language_falls_back_to_english(client: TestClient) -> None:
    detail = only_detail(post(client, "tomorow", text="now", language="de-DE"))
    assert detail["msg"] == "unknown word 'tomorow'"


def test_conflict_reports_the_second_item(client: TestClient) -> None:
    detail = only_detail(post(client, "today tomorrow", text="now"))
    assert detail["ctx"]["code"] == "conflict"
    assert detail["ctx"]["pos"] == 6


def test_unknown_user_zone_is_a_422_on_the_header(client: TestClient) -> None:
    response = post(client, "now", zone="Europe/Moscw")
    assert response.status_code == 422
    header, body = response.json()["detail"]
    # The dependency did not run, so the body had no zone to resolve in either.
    assert body["type"] == "bhtime_missing_zone"
    detail = header
    assert detail["loc"] == ["header", "x-time-zone"]
    assert detail["type"] == "bhtime_unknown_zone"
    assert detail["ctx"]["hint"] == "did you mean 'Europe/Moscow'?"
    assert detail["ctx"]["pos"] is None


def test_a_route_raises_bhtime_errors_as_its_422(client: TestClient) -> None:
    ok = client.get("/resolve", params={"at": "now +1d"})
    assert (ok.status_code, ok.json()) == (200, "2017-04-25T21:41:27.123+0000")
    detail = only_detail(client.get("/resolve", params={"at": "1h30min"}))
    assert detail["loc"] == ["query", "at"]
    assert detail["type"] == "bhtime_glued_modifiers"
    assert (detail["ctx"]["pos"], detail["ctx"]["hint"]) == (2, "write '1h 30min'")
    assert detail["input"] == "1h30min"


# -- where the zone can be set ---------------------------------------------------------------


def echo_app(**kwargs: Any) -> FastAPI:
    app = FastAPI(**kwargs)

    @app.post("/echo")
    def echo(reminder: Reminder) -> Reminder:
        return reminder

    return app


def test_a_middleware_sets_the_zone_too() -> None:
    app = echo_app()

    @app.middleware("http")
    async def zone_from_cookie(request: Request, call_next: Any) -> Any:
        with resolution(zone=request.cookies.get("tz", "UTC"), now=NOW):
            return await call_next(request)

    with TestClient(app, cookies={"tz": "Asia/Tokyo"}) as browser:
        response = browser.post("/echo", json={"text": "noon", "at": "noon"})
    assert response.json()["at"] == "2017-04-25T12:00:00.000+0900"


def test_a_sync_dependency_cannot_set_it_and_says_so() -> None:
    def sync_per_user() -> Iterator[None]:
        # FastAPI runs a plain generator in a worker thread with a copy of the
        # context: the body's validation never sees what is set here.
        with resolution(zone="Europe/Moscow"):
            yield

    app = echo_app(dependencies=[Depends(sync_per_user)])
    with (
        TestClient(app) as test_client,
        pytest.raises(RuntimeError, match="'async def' dependency or a middleware"),
    ):
        test_client.post("/echo", json={"text": "now", "at": "2017-04-25T00:41:27.000+0300"})


# -- the OpenAPI schema ----------------------------------------------------------------------


def test_openapi_shows_the_request_body(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    operation = schema["paths"]["/reminders"]["post"]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Reminder-Input"}
    fields = schema["components"]["schemas"]["Reminder-Input"]["properties"]
    assert fields["at"]["type"] == "string"
    assert "tomorrow 14:00" in fields["at"]["examples"]
    output = schema["components"]["schemas"]["Reminder-Output"]["properties"]["at"]
    assert "yyyy-MM-dd'T'HH:mm:ss.SSSZ" in output["description"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert "IANA" in parameters["x-time-zone"]["schema"]["description"]
