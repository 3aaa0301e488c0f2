"""The machine's own zone, for the command line: found as libc finds it, without dateutil.

``TZ`` when it is set (an IANA name, a path to a TZif file, or a POSIX rule
such as ``CET-1CEST,M3.5.0,M10.5.0/3``), else ``/etc/localtime`` (its symlink's
target names the zone; its contents are a TZif file), else the offset libc
reports. A zone with an IANA name is returned by that name, so that bhtime's
installed tzdata rules apply rather than the machine's.
"""

from __future__ import annotations

import io
import os
import struct
import time
from datetime import timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from ._tz import UTC, fixed_offset, zone_keys

__all__ = ["LOCALTIME", "system_zone"]

LOCALTIME = Path("/etc/localtime")
_ZONEINFO_DIR = "/usr/share/zoneinfo"


def system_zone() -> str | tzinfo:
    """The machine's zone: an IANA name where it has one, else a tzinfo."""
    setting = os.environ.get("TZ")
    if setting is not None:
        return _zone_of_setting(setting.removeprefix(":"))
    if LOCALTIME.is_symlink():
        key = _key_in_path(os.path.realpath(LOCALTIME))
        if key:
            return key
    if LOCALTIME.is_file():
        return _read_tzif(LOCALTIME, "localtime")
    return _libc_offset()


def _zone_of_setting(name: str) -> str | tzinfo:
    """``TZ``'s value read as glibc reads it."""
    if not name:
        return UTC  # TZ set but empty is UTC, for libc too
    if name in zone_keys():
        return name
    key = _key_in_path(name)
    if key:
        return key
    path = Path(name if name.startswith("/") else os.path.join(_zoneinfo_dir(), name))
    if path.is_file():
        return _read_tzif(path, name)
    try:
        return _posix_rule(name)
    except ValueError:
        # glibc takes a TZ it cannot read as UTC; ask it rather than guess.
        return _libc_offset()


def _key_in_path(path: str) -> str | None:
    """The IANA key in a path such as ``/usr/share/zoneinfo/Europe/Paris``."""
    if "/zoneinfo/" not in path:
        return None
    key = path.split("/zoneinfo/", 1)[1]
    return key if key in zone_keys() else None


def _zoneinfo_dir() -> str:
    return os.environ.get("TZDIR") or _ZONEINFO_DIR


def _read_tzif(path: Path, name: str) -> tzinfo:
    try:
        with path.open("rb") as source:
            return ZoneInfo.from_file(source, key=name)
    except (OSError, ValueError):
        return _libc_offset()  # not a TZif file: what libc makes of it


def _posix_rule(rule: str) -> tzinfo:
    """A POSIX TZ rule as a zone: a TZif file with no transitions and the rule as its footer.

    zoneinfo applies the footer rule to every instant after the last
    transition, which with none is every instant, as glibc does with such a TZ.
    """
    counts = struct.pack(">6l", 0, 0, 0, 0, 1, 1)  # one local time type, one name byte
    header = b"TZif2" + bytes(15) + counts
    body = struct.pack(">lBB", 0, 0, 0) + b"\0"
    data = header + body + header + body + b"\n" + rule.encode("ascii", "replace") + b"\n"
    return ZoneInfo.from_file(io.BytesIO(data), key=rule)


def _libc_offset() -> tzinfo:
    """The last resort: the fixed offset libc uses now."""
    time.tzset()  # so that libc reads the TZ this process sees now
    return fixed_offset(timedelta(seconds=time.localtime().tm_gmtoff))
