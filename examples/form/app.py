"""A scheduling form checked as the person types: bhtime in a FastAPI app.

Run it (from this folder) with ``uvicorn app:app`` and open http://127.0.0.1:8000/.

The page (``static/``) sends what is typed to ``POST /api/check`` with the
user's zone and language in the query; the endpoint validates a body whose
field is ``bhtime.pydantic.ResolvedDateTime``, with the language set per
request by ``bhtime.pydantic.resolution`` in a middleware, and the zone and
``now`` by another ``resolution`` in an ``async def`` dependency. It answers
200 with the instant, or FastAPI's 422 whose ``ctx`` gives the page the span
to underline (``pos``..``end``) and the hint, in English or Russian.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

import bhtime
from bhtime.pydantic import ResolvedDateTime, ZoneName, resolution

STATIC = Path(__file__).parent / "static"
LANGUAGES = ("en", "ru")


class Schedule(BaseModel):
    """What the page sends: the text in the field."""

    at: ResolvedDateTime


class Resolved(BaseModel):
    """What the page shows for valid text."""

    at: str
    """bhtime's canonical form, as the SMS API would be sent it."""
    iso: str
    """The same instant in ISO 8601 with a colon in the offset, which JavaScript reads."""
    zone: str


def language_of(lang: str | None, accept_language: str) -> str:
    """The page's choice, else the browser's first language that bhtime speaks, else English."""
    if lang in LANGUAGES:
        return lang
    for part in accept_language.split(","):
        primary = part.split(";")[0].strip().split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return "en"


def create_app(now: Callable[[], datetime] | None = None) -> FastAPI:
    """The form app; ``now`` fixes the clock (a test's reproducible screenshot)."""

    async def per_request(zone: Annotated[ZoneName, Query()] = "UTC") -> AsyncIterator[None]:
        # async def with yield: it runs in the request's task before the body is
        # validated, so ResolvedDateTime sees this zone and clock (and the
        # language the middleware set, which this resolution keeps).
        with resolution(zone=zone, now=None if now is None else now()):
            yield

    app = FastAPI(title="bhtime live form")

    @app.middleware("http")
    async def in_the_users_language(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        # A middleware, so that the zone parameter's own error is translated too.
        chosen = language_of(
            request.query_params.get("lang"), request.headers.get("accept-language", "")
        )
        with resolution(locale=chosen):
            return await call_next(request)

    @app.post("/api/check", dependencies=[Depends(per_request)])
    async def check(schedule: Schedule, zone: Annotated[str, Query()] = "UTC") -> Resolved:
        return Resolved(
            at=bhtime.format_instant(schedule.at), iso=schedule.at.isoformat(), zone=zone
        )

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


app = create_app()
