"""Errors that can be translated: the catalogue, the gettext catalogs, and the API.

Static checks read the catalogue (bhtime/_errors.py) and every shipped .po
file: each id is translated, each translation uses only the params its id
declares, each word a translation puts in a grammatical form has that form.
"""

from __future__ import annotations

import ast
import json
import pickle
import shutil
import string
import subprocess
import sys
import typing
from datetime import datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import bhtime
from bhtime import _errors, _locales, cli, gateways
from bhtime._catalogue import TERMS
from bhtime._errors import error
from bhtime.strategies import invalid_expressions

NOW = datetime(2017, 4, 24, 21, 41, 27, 123000, tzinfo=timezone.utc)
if TYPE_CHECKING:
    from collections.abc import Callable

    from _pytest.mark import ParameterSet

LANGUAGES = [language for language in _locales.languages() if language != "en"]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


catalog = _locales.read_catalog


def literal(name: str) -> tuple[str, ...]:
    """The values of a Literal that _errors defines for type checkers only."""
    tree = ast.parse(Path(_errors.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == name:
            assert isinstance(node.value, ast.Subscript)
            return tuple(ast.literal_eval(node.value.slice))
    raise AssertionError(f"no {name} in bhtime/_errors.py")


# -- the catalogue -------------------------------------------------------------------


def test_error_code_is_a_literal_of_every_code() -> None:
    """mypy reads the Literal written in _errors; run time builds it from ERROR_CODES."""
    assert literal("ErrorCode") == bhtime.ERROR_CODES
    assert typing.get_origin(bhtime.ErrorCode) is typing.Literal
    assert typing.get_args(bhtime.ErrorCode) == bhtime.ERROR_CODES
    assert (
        len(set(bhtime.ERROR_CODES)) == len(bhtime.ERROR_CODES) == 29
    )  # 27, url-encoded, invalid-tzinfo


def test_every_code_has_a_class_and_a_message() -> None:
    for code in bhtime.ERROR_CODES:
        assert issubclass(_errors._CLASSES[code], bhtime.BhtimeError)
        assert any(key == code or key.startswith(code + ".") for key in _errors._MESSAGES), code


def test_the_literals_list_the_catalogue_ids() -> None:
    assert literal("MessageId") == tuple(_errors._MESSAGES)
    assert literal("HintId") == tuple(_errors._HINTS)


@pytest.mark.parametrize("key", list(_locales.templates()))
def test_english_template_uses_exactly_its_declared_params(key: str) -> None:
    template = _locales.templates()[key]
    assert placeholders(template.english) == set(template.params)
    assert template.count is None or template.count in template.params


def test_a_mistyped_code_is_refused() -> None:
    with pytest.raises(ValueError, match="not a bhtime error code"):
        bhtime.ParseError("x", code="unknown-wrod")  # type: ignore[arg-type]


# -- the catalogs --------------------------------------------------------------------


def test_english_catalog_is_the_catalogue() -> None:
    """locales/en is written from the catalogue: `python -m bhtime._locales` after an edit."""
    with open(_locales.po_path("en"), encoding="utf-8") as file:
        assert file.read() == _locales.english_catalog()


def test_russian_is_shipped() -> None:
    assert "ru" in LANGUAGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_id_is_translated(language: str) -> None:
    assert _locales.missing(language) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_only_declared_params(language: str) -> None:
    entries = catalog(language)
    for key, template in _locales.templates().items():
        for form in entries[key]:
            assert placeholders(form) <= set(template.params), (key, form)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_template_is_left_in_english(language: str) -> None:
    entries = catalog(language)
    for key, template in _locales.templates().items():
        assert template.english not in entries[key], key


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_ids_have_every_plural_form(language: str) -> None:
    entries = catalog(language)
    header = entries[""][0]
    nplurals = int(header.split("nplurals=")[1].split(";")[0])
    for key, template in _locales.templates().items():
        expected = nplurals if template.count else 1
        assert len(entries[key]) == expected, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_has_no_unknown_ids(language: str) -> None:
    """A renamed id must not leave a translation behind that nothing reads."""
    known = set(_locales.templates()) | {""}
    known |= {
        _locales.term_key(param, value, form)
        for param, values in TERMS.items()
        for value in values
        for form in ("", "nom", "gen", "acc", "in", "dat", "ins")
    }
    assert set(catalog(language)) <= known


def test_russian_plural_forms() -> None:
    def too_long(length: int) -> str:
        text = "x" * length
        return error("too-long", text=text, pos=1000, length=length, limit=1000).message_in("ru")

    assert too_long(1001).startswith("выражение длиной 1001 символ,")
    assert too_long(1002).startswith("выражение длиной 1002 символа,")
    assert too_long(1005).startswith("выражение длиной 1005 символов,")
    assert too_long(1011).startswith("выражение длиной 1011 символов,")
    assert too_long(1021).startswith("выражение длиной 1021 символ,")


def test_an_empty_po_file_has_no_entries() -> None:
    assert _locales.read_po("") == {}
    assert _locales.read_po("# only a comment\n") == {}


def test_an_id_a_catalog_lacks_renders_as_none() -> None:
    """message_in then falls back to English (see test_a_broken_translation_falls_back_...)."""
    template = _errors._MESSAGES["empty"]
    assert _locales.load("ru").text("no-such-id", template, {}) is None
    assert _locales.render("ru", "no-such-id", template, {}) is None


def test_a_word_without_a_form_is_its_dictionary_form() -> None:
    word = _locales._Term("weekday", "Tuesday", _locales.load("ru"))
    assert (str(word), format(word, ""), f"{word}") == ("вторник",) * 3
    assert format(_locales._Term("weekday", "Caturday", _locales.load("ru")), "") == "Caturday"


def test_the_command_writes_english_and_lists_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bhtime._locales`, run on a copy of the catalogs with one entry taken out."""
    root = tmp_path / "locales"
    shutil.copytree(_locales.ROOT, root)
    russian = root / "ru" / "LC_MESSAGES" / "bhtime.po"
    text = russian.read_text(encoding="utf-8")
    russian.write_text(text.replace('msgstr "выражение пустое"', 'msgstr ""'), encoding="utf-8")
    (root / "en" / "LC_MESSAGES" / "bhtime.po").write_text("stale", encoding="utf-8")
    monkeypatch.setattr(_locales, "ROOT", str(root))
    _locales.main()
    assert capsys.readouterr().out == "en: 0 untranslated\nru: 1 untranslated\n  empty\n"
    english = (root / "en" / "LC_MESSAGES" / "bhtime.po").read_text(encoding="utf-8")
    assert english == _locales.english_catalog()


def test_a_po_file_that_does_not_read_is_refused() -> None:
    with pytest.raises(ValueError, match="line 2"):
        _locales.read_po('msgid "a"\nmsgstr: "b"\n')


def test_fuzzy_entries_are_not_used() -> None:
    text = '#, fuzzy\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr "d"\n"e"\n'
    assert _locales.read_po(text) == {"c": ["de"]}


# -- the API -------------------------------------------------------------------------

TYPO = "tomorow 14:00"


def typo() -> bhtime.BhtimeError:
    return error(
        "unknown-word",
        text=TYPO,
        pos=0,
        end=7,
        hint="hint.did-you-mean",
        word="tomorow",
        suggestion="tomorrow",
    )


def test_explain_in_english_is_str() -> None:
    made = typo()
    assert made.explain() == made.explain("en") == str(made)
    assert str(made) == "\n".join(
        [
            "unknown word 'tomorow' (at column 1)",
            "  tomorow 14:00",
            "  ^",
            "did you mean 'tomorrow'?",
        ]
    )


def test_explain_in_russian() -> None:
    assert typo().explain("ru") == "\n".join(
        [
            "неизвестное слово 'tomorow' (в столбце 1)",
            "  tomorow 14:00",
            "  ^",
            "возможно, имелось в виду 'tomorrow'?",
        ]
    )


@pytest.mark.parametrize("locale", ["ru", "ru_RU", "ru-RU", "RU", "ru_RU.UTF-8", "ru-ru"])
def test_russian_locale_spellings(locale: str) -> None:
    assert typo().message_in(locale) == "неизвестное слово 'tomorow'"
    assert typo().hint_in(locale) == "возможно, имелось в виду 'tomorrow'?"


@pytest.mark.parametrize("locale", ["en", "en_US", "de", "zz-Unknown", "", "../ru", "ru/../ru"])
def test_other_locales_are_english(locale: str) -> None:
    made = typo()
    assert made.message_in(locale) == made.message
    assert made.hint_in(locale) == made.hint
    assert made.explain(locale) == str(made)


def test_the_error_carries_its_span_and_params() -> None:
    made = typo()
    assert (made.code, made.pos, made.end, made.text) == ("unknown-word", 0, 7, TYPO)
    assert made.params == {"word": "tomorow", "suggestion": "tomorrow"}
    assert type(made) is bhtime.ParseError


def test_at_end_of_text_in_russian() -> None:
    made = error("missing-amount", text="now +", pos=5, hint="hint.whole-modifier")
    assert made.end == 5
    assert made.explain("ru").splitlines()[0] == (
        "после знака должны стоять число и единица времени (в конце текста)"
    )


def test_words_take_their_russian_case() -> None:
    made = error(
        "invalid-date",
        "invalid-date.day",
        text="2011-02-30",
        pos=8,
        end=10,
        hint="hint.last-day",
        month_name="February",
        year=2011,
        day=30,
        last=28,
    )
    assert made.message == "February 2011 has no day 30"
    assert made.message_in("ru") == "в феврале 2011 года нет 30-го числа"
    assert made.hint_in("ru") == "последний день февраля 2011 года — 28-е"


def test_an_error_built_the_old_way_shows_english_everywhere() -> None:
    old = bhtime.ZoneError("unknown zone 'Mars'", code="unknown-zone", hint="look it up")
    assert (old.message_in("ru"), old.hint_in("ru")) == ("unknown zone 'Mars'", "look it up")
    assert old.explain("ru") == str(old)
    placed = bhtime.ParseError("unknown word 'x'", code="unknown-word", text="x", pos=0)
    assert placed.explain("ru") == str(placed) == "unknown word 'x' (at column 1)\n  x\n  ^"
    assert old.params == {}


def test_the_end_defaults_to_one_character() -> None:
    old = bhtime.ParseError("x", code="unexpected", text="now;", pos=3)
    assert old.end == 4
    assert bhtime.ZoneError("x", code="unknown-zone").end is None


def test_a_translated_error_pickles_whole() -> None:
    made = typo()
    copy = pickle.loads(pickle.dumps(made))
    assert (copy.explain("ru"), copy.params, copy.end) == (made.explain("ru"), made.params, 7)


def test_an_error_pickled_by_bhtime_1_0_unpickles() -> None:
    """1.0 pickled (class, message, code, text, pos, hint); such an error shows English."""
    old = _errors._rebuild(bhtime.ParseError, "unknown word 'x'", "unknown-word", "x", 0, None)
    assert (str(old), old.end, old.params) == ("unknown word 'x' (at column 1)\n  x\n  ^", 1, {})
    assert old.explain("ru") == str(old)


def test_relocated_keeps_the_translation() -> None:
    moved = typo().relocated("now " + TYPO, 4)
    assert (moved.pos, moved.end) == (4, 11)
    assert moved.explain("ru").splitlines()[0] == "неизвестное слово 'tomorow' (в столбце 5)"


def test_a_broken_translation_falls_back_to_english() -> None:
    broken = _locales.Catalog({"unknown-word": ["слово {nothing}"]}, lambda n: 0)
    template = _errors._MESSAGES["unknown-word"]
    assert broken.text("unknown-word", template, {"word": "x"}) == "слово {nothing}"
    assert _locales.render("ru", "unknown-word", template, {}) is None


# -- cost ----------------------------------------------------------------------------


def test_resolving_and_english_errors_read_no_catalog() -> None:
    code = (
        "import sys, bhtime\n"
        "bhtime.resolve('now', zone='UTC')\n"
        "try:\n"
        "    bhtime.resolve('tomorow', zone='UTC')\n"
        "except bhtime.BhtimeError as error:\n"
        "    str(error), error.message_in('en'), error.explain('en_US')\n"
        "print(sorted(m for m in ('gettext', 'typing', 'bhtime._locales') if m in sys.modules))\n"
        "bhtime.ErrorCode\n"
        "print('typing' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, typing_after = out.stdout.split("\n", 1)
    assert "gettext" not in loaded and "bhtime._locales" not in loaded
    assert typing_after.strip() == "True"


# -- every error the data files raise ------------------------------------------------

DATA = Path(__file__).parent / "data" / "invalid"


def invalid_cases() -> list[ParameterSet]:
    cases = []
    for path in sorted(DATA.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            zone, now = case.get("zone", doc.get("zone")), case.get("now", doc.get("now"))
            name = f"{path.stem}: {case['expr']!r} [{zone}]"
            cases.append(pytest.param(case["expr"], zone, now, id=name))
    cases.append(pytest.param("x" * 1001, "UTC", None, id="too-long"))
    return cases


def raised(text: str, zone: str, now: str | None) -> bhtime.BhtimeError:
    moment = None if now is None else datetime.strptime(now, "%Y-%m-%dT%H:%M:%S.%f%z")
    with pytest.raises(bhtime.BhtimeError) as info:
        bhtime.evaluate(text, zone=zone, now=moment)
    return info.value


@pytest.mark.parametrize(("text", "zone", "now"), invalid_cases())
def test_the_span_is_inside_the_text(text: str, zone: str, now: str | None) -> None:
    made = raised(text, zone, now)
    if made.pos is None:  # the user zone, not the text, is at fault
        assert (made.code, made.end, made.text) == ("unknown-zone", None, None)
        return
    assert made.text == text and made.end is not None
    assert 0 <= made.pos <= made.end <= len(text)


def assert_translated(made: bhtime.BhtimeError, language: str) -> None:
    """The error came from the catalogue, and renders in ``language`` from its own params."""
    assert made._message_id is not None, f"{made.code} is built without the catalogue"
    pieces: list[tuple[str, _errors.Template, str | None]] = [
        (made._message_id, _errors._MESSAGES[made._message_id], made.message)
    ]
    if made._hint_id is not None:
        pieces.append((made._hint_id, _errors._HINTS[made._hint_id], made.hint))
    for key, template, english in pieces:
        assert set(template.params) <= set(made.params), key
        translated = _locales.render(language, key, template, made.params)
        assert translated is not None, key
        assert translated != english, key
    assert made.explain(language) != str(made)


@pytest.mark.parametrize(("text", "zone", "now"), invalid_cases())
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_invalid_case_is_translated(
    text: str, zone: str, now: str | None, language: str
) -> None:
    assert_translated(raised(text, zone, now), language)


PARIS = {"zone": "Europe/Paris", "now": NOW, "disambiguate": "raise"}
# Errors that tests/data/invalid does not raise: gateway forms, DST policy,
# and shapes the data leaves to the unit tests.
OTHERS: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = [
    (bhtime.evaluate, ("2011-03-27T02:30",), PARIS),
    (bhtime.evaluate, ("2011-10-30T02:30",), PARIS),
    (bhtime.parse, ("2011-12-03T10:15:30+010000",), {}),
    (bhtime.parse, ("2017-04-25T00:41:27.000+0300[Europe/Moscow]",), {}),
    (bhtime.parse, ("9999-12-31T23:00:00Z[Asia/Tokyo]",), {}),
    (bhtime.parse, ("now\x07",), {}),
    (bhtime.parse, ("1.33333h",), {}),
    (gateways.smpp_relative, ("now",), {}),
    (gateways.smpp_relative, ("-1d",), {}),
    (gateways.smpp_relative, ("100d",), {}),
    (
        gateways.smpp_absolute,
        (datetime(2017, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=7))),),
        {},
    ),
    (gateways.smpp_absolute, (datetime(2017, 1, 1, tzinfo=timezone(timedelta(hours=14))),), {}),
    (gateways.smpp_absolute, (datetime(1999, 1, 1, tzinfo=timezone.utc),), {}),
    (gateways.smsc_time, (datetime(2014, 10, 25, 22, 30, tzinfo=timezone.utc),), {}),
    (gateways.smsc_unix, (datetime(1969, 12, 31, tzinfo=timezone.utc),), {}),
    # now and zone at fault, not the text (tests/test_boundary.py).
    (bhtime.evaluate, ("now",), {"zone": tzinfo(), "now": NOW}),
    (bhtime.evaluate, ("now",), {"zone": "x" * 50, "now": NOW}),
    (bhtime.evaluate, ("now",), {"zone": "UTC", "now": datetime(9999, 12, 31, 23, 55, tzinfo=timezone(timedelta(hours=-5)))}),
    (bhtime.evaluate, ("now",), {"zone": "Asia/Tokyo", "now": datetime(9999, 12, 31, 23, 30, tzinfo=timezone.utc)}),
    (bhtime.evaluate, ("tomorrow",), {"zone": "UTC", "now": datetime(9999, 12, 31, 12, tzinfo=timezone.utc)}),
]  # fmt: skip


def as_the_cli_shows(subject: object, call: Callable[..., object], **kwargs: object) -> None:
    """``call``'s error with the hint the command line gives instead (its options' names)."""
    try:
        call(subject, **kwargs)
    except bhtime.BhtimeError as made:
        raise cli._for_the_cli(made) from None


OTHERS += [
    (as_the_cli_shows, ("2011-03-27T02:30", bhtime.evaluate), PARIS),
    (
        as_the_cli_shows,
        (datetime(2017, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=7))), gateways.smpp_absolute),
        {},
    ),
]  # fmt: skip


def raised_by(
    call: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, object]
) -> bhtime.BhtimeError:
    with pytest.raises(bhtime.BhtimeError) as info:
        call(*args, **kwargs)
    return info.value


@pytest.mark.parametrize(
    ("call", "args", "kwargs"), OTHERS, ids=[repr(row[1][0])[:40] for row in OTHERS]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_other_error_is_translated(
    call: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, object], language: str
) -> None:
    assert_translated(raised_by(call, args, kwargs), language)


def test_the_cases_reach_every_code_message_and_hint() -> None:
    """So the two tests above check every template of the catalogue through a real raise site."""
    errors = [raised(*case.values) for case in invalid_cases()]  # type: ignore[arg-type]
    errors += [raised_by(*row) for row in OTHERS]
    assert {made.code for made in errors} == set(bhtime.ERROR_CODES)
    assert {made._message_id for made in errors} == set(_errors._MESSAGES)
    assert {made._hint_id for made in errors} - {None} == set(_errors._HINTS)


@given(st.one_of(st.text(max_size=60), invalid_expressions()), st.sampled_from(LANGUAGES))
def test_any_failing_text_explains_itself_in_every_language(text: str, language: str) -> None:
    try:
        bhtime.evaluate(text, zone="Europe/Moscow", now=NOW)
    except bhtime.BhtimeError as made:
        assert made.explain(language)
        assert_translated(made, language)


def test_mypy_rejects_a_mistyped_code(tmp_path: Path) -> None:
    api = pytest.importorskip("mypy.api", reason="mypy not installed: pip install 'bhtime[dev]'")
    snippet = tmp_path / "uses_codes.py"
    snippet.write_text(
        "import bhtime\n"
        "from bhtime._errors import error\n"
        "def is_typo(failure: bhtime.BhtimeError) -> bool:\n"
        "    return failure.code == 'unknown-wrod'\n"
        "code: bhtime.ErrorCode = 'unknown-wrod'\n"
        "made = error('unknown-wrod')\n"
        "fine: bhtime.ErrorCode = 'unknown-word'\n"
        "also_fine = error('unknown-word', word='x')\n",
        encoding="utf-8",
    )
    report, _, status = api.run(["--strict", "--no-error-summary", str(snippet)])
    lines = sorted(line.split(":")[1] for line in report.splitlines() if ": error:" in line)
    assert (status, lines) == (1, ["4", "5", "6"]), report
