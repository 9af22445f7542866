"""The catalogs: complete in lt, pl and ru, placeholders intact, template in step with the code."""

from __future__ import annotations

import gettext
import io
import re

import pytest
from babel import Locale
from babel.messages.mofile import write_mo

from app import i18n
from app.i18n import catalogs

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_every_message_and_plural_form_is_translated(lang: str) -> None:
    assert catalogs.untranslated(lang) == []


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_placeholders_match_the_source(lang: str) -> None:
    bad = []
    for msg in catalogs.read(lang):
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple | list) else (msg.id,)
        strings = msg.string if isinstance(msg.string, tuple | list) else (msg.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        for s in strings:
            got = set(PLACEHOLDER.findall(s))
            # a plural form may leave out {n} (e.g. "one" written as a word), never add one
            if not got <= wanted or (len(ids) == 1 and got != wanted):
                bad.append((ids[0], s))
    assert bad == []


@pytest.mark.parametrize("lang", catalogs.TRANSLATED)
def test_plural_forms_pinned_to_three(lang: str) -> None:
    catalog = catalogs.read(lang)
    assert catalog.num_plurals == 3
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    trans = gettext.GNUTranslations(buf)
    forms = {trans.ngettext("{n} record", "{n} records", n) for n in (1, 2, 10)}
    assert len(forms) == 3


def test_template_is_up_to_date_with_the_code() -> None:
    in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.extract() if m.id}
    for lang in catalogs.TRANSLATED:
        in_po = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogs.read(lang) if m.id}
        assert in_code - in_po == set(), f"run python -m app.i18n.catalogs update ({lang})"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_each_language_is_a_real_locale(lang: str) -> None:
    assert Locale.parse(lang).language == lang


def test_catalog_compiles_and_is_used() -> None:
    i18n.reset_cache()
    i18n.set_language("lt")
    assert i18n._("People") == "Asmenys"
    i18n.set_language("pl")
    assert i18n._("People") == "Osoby"
    i18n.set_language("ru")
    assert i18n._("People") == "Люди"
