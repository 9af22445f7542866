"""Turning a spreadsheet file into rows of text, whatever Excel or LibreOffice wrote.

CSV as Lithuanian Excel writes it (`;`, CRLF, UTF-8 with or without BOM, Windows-1257) or as a
Russian-language office sends it (Windows-1251); XLSX with a title row above the header, merged
cells, dates as Excel dates and phone numbers stored as numbers. Any failure becomes a UserError
with a plain sentence; nothing here touches the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from app.errors import UserError
from app.i18n import N_

MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 20_000
LT_PL = set("ąčęėįšųūžĄČĘĖĮŠŲŪŽłńóśźżćŁŃÓŚŹŻĆ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[A-Za-z]")


def _word_score(text: str) -> int:
    """How plausible a decoding is: words in one script count for it, mixed words against."""
    score = 0
    for word in re.findall(r"\w+", text):
        cyr = bool(CYRILLIC.search(word))
        lat = bool(LATIN.search(word)) or any(c in LT_PL for c in word)
        odd = sum(1 for c in word if ord(c) > 127 and not CYRILLIC.match(c) and c not in LT_PL)
        score += len(word) if (cyr != lat and not odd) or not (cyr or lat) else -len(word) - odd
    return score


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = [raw.decode(enc, errors="replace") for enc in ("cp1257", "cp1251")]
    return max(candidates, key=_word_score)


def _clean(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # phone numbers and years stored as numbers
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    return " ".join(str(value).replace("\xa0", " ").split())


def read_csv(raw: bytes) -> list[list[str]]:
    text = decode(raw)
    if "\x00" in text:
        raise UserError(N_("This file is not a spreadsheet (CSV or XLSX)."))
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") >= sample.count(",") else ","  # type: ignore[misc]
    rows = [[_clean(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return rows


def read_xlsx(raw: bytes) -> list[list[str]]:
    import openpyxl  # imported here: only the import dialog needs it

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(N_("The spreadsheet is damaged or not an Excel file: {reason}"),
                        reason=str(exc)) from exc
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([_clean(c) for c in row])
        if len(rows) > MAX_ROWS:
            break
    book.close()
    return rows


def read_table(path: str | Path) -> list[list[str]]:
    """Rows of cleaned text from a CSV or XLSX file, trailing empty rows and columns dropped."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UserError(N_("The file is too large ({size} MB) for a participant list."),
                            size=size // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(N_("Could not read {path}: {reason}"), path=str(path),
                        reason=exc.strerror or str(exc)) from exc
    if not raw.strip():
        raise UserError(N_("The file is empty."))
    if raw[:4] == b"PK\x03\x04":
        rows = read_xlsx(raw)
    elif raw[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UserError(N_("This is an old Excel file (.xls). Save it as .xlsx or CSV and try "
                           "again."))
    elif raw[:5] == b"%PDF-" or raw[:4] in (b"\x89PNG", b"\xff\xd8\xff\xe0"):
        raise UserError(N_("This file is not a spreadsheet (CSV or XLSX)."))
    else:
        rows = read_csv(raw)
    rows = [r for r in rows if any(c for c in r)]
    if len(rows) > MAX_ROWS:
        raise UserError(N_("The file has more than {n} rows."), n=MAX_ROWS)
    if not rows:
        raise UserError(N_("The file is empty."))
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]
