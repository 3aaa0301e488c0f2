"""The minimal Django settings that tests/test_django.py and tests/test_drf.py run with.

Also the inputs both try, so that the form field and the serializer field
are shown to give the same results.
"""

from __future__ import annotations

import importlib.util
from datetime import datetime, timedelta, timezone

import pytest

import bhtime

USE_TZ = True
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Russian")]
INSTALLED_APPS = ["django.contrib.contenttypes"]
if importlib.util.find_spec("rest_framework") is not None:
    # Installed so that DRF's own messages are translated as they are in a project.
    INSTALLED_APPS.append("rest_framework")
DATABASES: dict[str, object] = {}
SECRET_KEY = "only-for-tests"


def configure() -> None:
    """Configure Django once per process with the settings above."""
    import django
    from django.conf import settings

    if not settings.configured:
        names = {name: value for name, value in globals().items() if name.isupper()}
        settings.configure(**names)
        django.setup()


# -- the cases both fields are given -------------------------------------------------------

# docs/language.md §10's now: 2017-04-25T00:41:27.123+0300.
NOW = datetime(2017, 4, 25, 0, 41, 27, 123000, tzinfo=timezone(timedelta(hours=3)))
# In TIME_ZONE, Europe/Moscow.
VALID = [
    ("tomorrow 14:00", "2017-04-26T14:00:00.000+0300"),
    ("now +3h", "2017-04-25T03:41:27.123+0300"),
    ("  now -12 hours +1min ", "2017-04-24T12:42:27.123+0300"),
    ("2017-04-25T00:41:27.000+0300", "2017-04-25T00:41:27.000+0300"),
]


def bhtime_error(text: str) -> bhtime.BhtimeError:
    """What bhtime itself raises for ``text`` in TIME_ZONE at NOW."""
    with pytest.raises(bhtime.BhtimeError) as caught:
        bhtime.evaluate(text, zone=TIME_ZONE, now=NOW)
    return caught.value
