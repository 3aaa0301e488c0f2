"""The minimal Django settings that tests/test_django.py and tests/test_drf.py run with."""

from __future__ import annotations

import importlib.util

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
