"""Catalog upkeep with Babel: extract the template, update the languages, compile.

    python -m app.i18n.catalogs extract   # translations/tinklas.pot from app/ and ui/
    python -m app.i18n.catalogs update    # merge the template into lt, pl, ru (.po)
    python -m app.i18n.catalogs compile   # .po -> .mo (the app also compiles in memory)
    python -m app.i18n.catalogs check     # every message and plural form translated?
    python -m app.i18n.catalogs todo LANG > todo.json       # what is left to translate
    python -m app.i18n.catalogs fill LANG done.json         # write translations from JSON
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from app.i18n import DOMAIN
from app.paths import app_root, translations_dir

KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "gettext_in": (2,),
    "ngettext_in": (2, 3),
}
TRANSLATED = ("lt", "pl", "ru")
PLURALS = {
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
}
POT = translations_dir() / f"{DOMAIN}.pot"


def po_path(lang: str) -> Path:
    return translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    catalog = Catalog(project="Tinklas", domain=DOMAIN, charset="utf-8")
    root = app_root()
    for folder in ("app", "ui"):
        for filename, lineno, message, comments, context in extract_from_dir(
            root / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True,
        ):
            catalog.add(message, locations=[(f"{folder}/{filename}", lineno)],
                        auto_comments=comments, context=context)
    return catalog


def write_template() -> Catalog:
    catalog = extract()
    with POT.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, omit_header=False)
    return catalog


def read(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fh:
        return read_po(fh, locale=lang)


def _write(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, sort_output=True, ignore_obsolete=True)


def _pin_plural_forms(path: Path, lang: str) -> None:
    """Write our Plural-Forms line (three forms, CLDR integer rules) whatever Babel derived."""
    text = path.read_text(encoding="utf-8")
    start = text.index('"Plural-Forms:')
    end = text.index('\\n"', start) + 3
    text = text[:start] + f'"Plural-Forms: {PLURALS[lang]}\\n"' + text[end:]
    path.write_text(text, encoding="utf-8")


def update(langs: Iterable[str] = TRANSLATED) -> None:
    template = write_template()
    for lang in langs:
        if po_path(lang).exists():
            catalog = read(lang)
        else:
            catalog = Catalog(locale=lang, domain=DOMAIN, project="Tinklas", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.fuzzy = False  # a fuzzy header would drop Plural-Forms from the .mo
        catalog.project, catalog.version = "Tinklas", ""
        _write(lang, catalog)
        _pin_plural_forms(po_path(lang), lang)


def compile_all(langs: Iterable[str] = TRANSLATED) -> None:
    """Compile the app's catalogs and our catalogs of Qt's own strings (translations/qt/)."""
    for lang in langs:
        catalog = read(lang)
        with po_path(lang).with_suffix(".mo").open("wb") as fh:
            write_mo(fh, catalog, use_fuzzy=False)
        qt_po = translations_dir() / "qt" / f"{lang}.po"
        if qt_po.exists():
            with qt_po.open("rb") as fh:
                qt_catalog = read_po(fh, locale=lang)
            with qt_po.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, qt_catalog, use_fuzzy=False)


def untranslated(lang: str) -> list[str]:
    """Message ids with an empty translation or plural form (or fuzzy) in `lang`."""
    missing = []
    for msg in read(lang):
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple | list) else (msg.string,)
        if msg.fuzzy or not all(strings):
            missing.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return missing


def todo(lang: str) -> list[dict[str, object]]:
    """Untranslated entries as JSON-ready dicts: id, plural, context, where it is used."""
    out: list[dict[str, object]] = []
    for msg in read(lang):
        if not msg.id:
            continue
        strings = msg.string if isinstance(msg.string, tuple | list) else (msg.string,)
        if msg.fuzzy or not all(strings):
            ids = msg.id if isinstance(msg.id, tuple | list) else (msg.id,)
            out.append({"id": ids[0], "plural": ids[1] if len(ids) > 1 else None,
                        "context": msg.context,
                        "where": [f"{f}:{n}" for f, n in msg.locations][:3],
                        "comments": list(msg.auto_comments)})
    return out


def fill(lang: str, entries: list[dict[str, object]]) -> int:
    """Set translations: each entry has id, context (or None) and `string` (a str, or a list of
    three forms for a plural message). Returns how many were set."""
    catalog = read(lang)
    done = 0
    for entry in entries:
        key: object = entry["id"]
        msg = catalog.get(key, context=entry.get("context"))  # type: ignore[arg-type]
        if msg is None:
            continue
        value = entry["string"]
        if isinstance(msg.id, tuple | list):
            forms = list(value) if isinstance(value, list) else [value] * 3
            msg.string = tuple(str(f) for f in forms[:3])
        else:
            msg.string = str(value)
        msg.flags.discard("fuzzy")
        done += 1
    _write(lang, catalog)
    _pin_plural_forms(po_path(lang), lang)
    return done


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "extract":
        print(f"{len(write_template())} messages in {POT}")
    elif cmd == "update":
        update()
        print("updated", ", ".join(TRANSLATED))
    elif cmd == "compile":
        compile_all()
        print("compiled", ", ".join(TRANSLATED))
    elif cmd == "todo":
        import json

        print(json.dumps(todo(argv[1]), ensure_ascii=False, indent=1))
    elif cmd == "fill":
        import json

        entries = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        print(f"{fill(argv[1], entries)} translations written to {po_path(argv[1])}")
    elif cmd == "check":
        bad = {lang: untranslated(lang) for lang in TRANSLATED}
        for lang, ids in bad.items():
            print(f"{lang}: {len(ids)} untranslated")
        return 1 if any(bad.values()) else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
