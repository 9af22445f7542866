"""Dates, numbers and money in the current language, through Babel (UI and PDFs alike)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from app.i18n import PSEUDO, current_language

_LOCALES = {"lt": "lt_LT", "pl": "pl_PL", "ru": "ru_RU", "en": "en_GB", PSEUDO: "en_GB"}


def babel_locale(lang: str | None = None) -> Locale:
    return Locale.parse(_LOCALES.get(lang or current_language(), "en_GB"))


def format_date(value: dt.date | None, fmt: str = "long", lang: str | None = None) -> str:
    """'2026 m. lapkričio 26 d.', '26 listopada 2026', '26 ноября 2026 г.'"""
    if value is None:
        return ""
    return babel_dates.format_date(value, fmt, locale=babel_locale(lang))


def format_short_date(value: dt.date | None, lang: str | None = None) -> str:
    return format_date(value, "short", lang)


def format_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_datetime(value, "short", locale=babel_locale(lang))


def format_time(value: dt.time | None, lang: str | None = None) -> str:
    if value is None:
        return ""
    return babel_dates.format_time(value, "short", locale=babel_locale(lang))


def format_number(value: int | float | Decimal, lang: str | None = None) -> str:
    return babel_numbers.format_decimal(value, locale=babel_locale(lang))


def format_eur(value: int | float | Decimal, lang: str | None = None) -> str:
    return babel_numbers.format_currency(value, "EUR", locale=babel_locale(lang))


def short_date_pattern(lang: str | None = None) -> str:
    """The local short date pattern, e.g. 'yyyy-MM-dd' (lt) or 'dd.MM.y' (pl)."""
    return babel_dates.get_date_format("short", locale=babel_locale(lang)).pattern


def parse_date(text: str, lang: str | None = None) -> dt.date:
    """Parse a date typed in the local short format, or ISO; raise ValueError if it is not one."""
    text = text.strip()
    if not text:
        raise ValueError("empty date")
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        return dt.date.fromisoformat("-".join(p.zfill(2) for p in text.split("-")))
    parsed = babel_dates.parse_date(text, locale=babel_locale(lang))
    if parsed.year < 100:
        parsed = parsed.replace(year=2000 + parsed.year)
    return parsed


def format_date_range(start: dt.date, end: dt.date, lang: str | None = None) -> str:
    """'2026 m. lapkričio 24–26 d.', '24–26 listopada 2026'; full dates across months."""
    if start == end:
        return format_date(start, "long", lang)
    if (start.year, start.month) == (end.year, end.month):
        text = format_date(end, "long", lang)
        day = re.compile(rf"(?<!\d){end.day}(?!\d)")
        if len(day.findall(text)) == 1:
            return day.sub(f"{start.day}–{end.day}", text)
    return f"{format_date(start, 'long', lang)} – {format_date(end, 'long', lang)}"
