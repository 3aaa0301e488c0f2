"""The gettext catalogs of error messages, read when an error is first shown in a language.

Each language is one file, ``locales/<language>/LC_MESSAGES/bhtime.po``, in
the form translators edit; it is read as it is (no compiled ``.mo`` to keep
in step with it), and its ``Plural-Forms`` rule is run by the stdlib's
gettext. Message ids are the catalogue's stable keys (``unknown-word``,
``invalid-time.hour-24``, ``hint.did-you-mean``), not English sentences, so
rewording the English never orphans a translation.

``en/LC_MESSAGES/bhtime.po`` is the catalogue's English, written from
``_errors`` by ``python -m bhtime._locales``; a new language starts as a copy
of it. The same command lists what each other catalog lacks.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from ._catalogue import _HINTS, _MESSAGES, _PHRASES, TERMS, Template

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from ._catalogue import Param

__all__ = ["Catalog", "available", "english_catalog", "load", "read_catalog", "read_po", "render"]

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "locales")


def po_path(language: str) -> str:
    return os.path.join(ROOT, language, "LC_MESSAGES", "bhtime.po")


def languages() -> list[str]:
    """Every language that has a catalog, "en" included."""
    return sorted(name for name in os.listdir(ROOT) if os.path.isfile(po_path(name)))


# Bounded: a locale is whatever a request says, and any text may be one.
@lru_cache(maxsize=64)
def available(language: str) -> str:
    """The catalog for ``language`` (``pt_br``, then ``pt``), or "en" when there is none."""
    for candidate in (language, language.partition("_")[0]):
        if candidate.isidentifier() and os.path.isfile(po_path(candidate)):
            return candidate
    return "en"


class Catalog:
    """One language's translations: each id with its forms (one, or one per plural form)."""

    __slots__ = ("entries", "plural")

    def __init__(self, entries: dict[str, list[str]], plural: Callable[[int], int]) -> None:
        self.entries = entries
        self.plural = plural

    def text(self, key: str, template: Template, params: Mapping[str, Param]) -> str | None:
        """The translated template for these params, or None when it is not translated."""
        forms = self.entries.get(key)
        if not forms:
            return None
        index = 0 if template.count is None else self.plural(int(params[template.count]))
        return forms[index] if index < len(forms) and forms[index] else None


@lru_cache(maxsize=8)
def load(language: str) -> Catalog:
    entries = read_catalog(language)
    return Catalog(entries, _plural_rule(entries.get("", [""])[0]))


def read_catalog(language: str) -> dict[str, list[str]]:
    with open(po_path(language), encoding="utf-8") as file:
        return read_po(file.read())


def render(language: str, key: str, template: Template, params: Mapping[str, Param]) -> str | None:
    """``key`` in ``language``, filled with ``params``; None where the catalog cannot say it.

    A broken translation (a placeholder the params lack) falls back to English
    rather than turn a message about bad input into a crash; tests keep every
    shipped catalog whole.
    """
    catalog = load(language)
    text = catalog.text(key, template, params)
    if text is None:
        return None
    try:
        return text.format_map(_Localized(params, catalog))
    except (KeyError, IndexError, ValueError):
        return None


class _Localized:
    """The params as a translation sees them: words of TERMS in the language's forms."""

    __slots__ = ("catalog", "params")

    def __init__(self, params: Mapping[str, Param], catalog: Catalog) -> None:
        self.params = params
        self.catalog = catalog

    def __getitem__(self, name: str) -> object:
        value = self.params[name]
        return _Term(name, str(value), self.catalog) if name in TERMS else value


class _Term:
    """A word such as ``February``, written ``{month_name:in}`` for the form named ``in``."""

    __slots__ = ("catalog", "param", "value")

    def __init__(self, param: str, value: str, catalog: Catalog) -> None:
        self.param, self.value, self.catalog = param, value, catalog

    def __format__(self, form: str) -> str:
        forms = self.catalog.entries.get(term_key(self.param, self.value, form))
        return forms[0] if forms and forms[0] else self.value

    def __str__(self) -> str:
        return format(self, "")


def term_key(param: str, value: str, form: str = "") -> str:
    """``month_name:February:in``; without a form, the word as a dictionary gives it."""
    return f"{param}:{value}:{form}" if form else f"{param}:{value}"


def _plural_rule(header: str) -> Callable[[int], int]:
    import gettext  # noqa: PLC0415 - its C-expression reader runs Plural-Forms

    match = re.search(r"plural=([^;\n]+)", header)
    return gettext.c2py(match.group(1)) if match else (lambda n: int(n != 1))


# -- the .po format ------------------------------------------------------------------

_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_FIELD = re.compile(r'(msgid_plural|msgid|msgstr(?:\[\d+\])?|msgctxt)\s+"(.*)"\Z')


def read_po(text: str) -> dict[str, list[str]]:
    """Each id of a .po file with its msgstr forms; fuzzy entries are skipped, as msgfmt does."""
    entries: dict[str, list[str]] = {}
    for fields, fuzzy in _po_entries(text):
        if not fuzzy and "msgid" in fields:
            forms = sorted(name for name in fields if name.startswith("msgstr"))
            entries[fields["msgid"]] = [fields[name] for name in forms]
    return entries


def _po_entries(text: str) -> Iterator[tuple[dict[str, str], bool]]:
    """Each entry's fields (``msgid``, ``msgstr[1]``...) and whether it is marked fuzzy."""
    fields: dict[str, str] = {}
    fuzzy = next_fuzzy = False
    last = ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("#"):
            next_fuzzy = next_fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        if line.startswith('"') and last:
            fields[last] += _unquote(line)
            continue
        match = _FIELD.match(line)
        if match is None:
            if line:
                raise ValueError(f"line {number} of a .po file does not read: {raw!r}")
            continue
        last = match.group(1)
        # An entry starts at its msgctxt or msgid, once the one before has its msgstr.
        if last in ("msgctxt", "msgid") and any(name.startswith("msgstr") for name in fields):
            yield fields, fuzzy
            fields = {}
        if not fields:
            fuzzy, next_fuzzy = next_fuzzy, False
        fields[last] = _unquote('"' + match.group(2) + '"')
    if fields:
        yield fields, fuzzy


def _unquote(quoted: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), quoted[1:-1])


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


# -- the English catalog, written from the catalogue ---------------------------------

_EN_HEADER = (
    "Project-Id-Version: bhtime\\n",
    "Language: en\\n",
    "MIME-Version: 1.0\\n",
    "Content-Type: text/plain; charset=UTF-8\\n",
    "Content-Transfer-Encoding: 8bit\\n",
    "Plural-Forms: nplurals=2; plural=(n != 1);\\n",
)


def templates() -> dict[str, Template]:
    """Every id a catalog translates (but TERMS), with its English template."""
    return {**_MESSAGES, **_HINTS, **_PHRASES}


def english_catalog() -> str:
    """``locales/en/LC_MESSAGES/bhtime.po``: every id with its English, as the catalogue has it."""
    lines = [
        "# bhtime's error messages in English: the template for translations.",
        "# Generated from bhtime/_errors.py by `python -m bhtime._locales`; do not edit.",
        'msgid ""',
        'msgstr ""',
        *(f'"{line}"' for line in _EN_HEADER),
    ]
    for key, template in templates().items():
        lines.append("")
        if template.params:
            lines.append(f"#. params: {', '.join(template.params)}")
        if template.count:
            lines.append(f"#. plural by: {template.count}")
        lines.append(f"msgid {_quote(key)}")
        if template.count:
            lines.append(f"msgid_plural {_quote(key)}")
            lines.extend(f"msgstr[{index}] {_quote(template.english)}" for index in range(2))
        else:
            lines.append(f"msgstr {_quote(template.english)}")
    return "\n".join(lines) + "\n"


def missing(language: str) -> list[str]:
    """The ids and terms ``language``'s catalog does not translate yet."""
    entries = read_catalog(language)
    lacking = [key for key in templates() if not any(entries.get(key) or [""])]
    lacking.extend(
        key
        for param, form in sorted(term_forms(language))
        for value in TERMS[param]
        if not (entries.get(key := term_key(param, value, form)) or [""])[0]
    )
    return lacking


def term_forms(language: str) -> set[tuple[str, str]]:
    """Each (param, form) of TERMS that ``language``'s templates use, as in ``{month_name:in}``."""
    import string  # noqa: PLC0415

    entries = read_catalog(language)
    used = set()
    for key in templates():
        for form_text in entries.get(key, []):
            for _, name, spec, _ in string.Formatter().parse(form_text):
                if name in TERMS:
                    used.add((name, spec or ""))
    return used


def main() -> None:
    """Write the English catalog from the catalogue; list what each other catalog lacks."""
    with open(po_path("en"), "w", encoding="utf-8") as file:
        file.write(english_catalog())
    for language in languages():
        lacking = missing(language) if language != "en" else []
        print(f"{language}: {len(lacking)} untranslated" + "".join(f"\n  {k}" for k in lacking))


if __name__ == "__main__":  # pragma: no cover - the command; tests run main() itself
    main()
