"""Field checks shared by the services. Each raises ValidationError naming the field."""

from __future__ import annotations

import datetime as dt
import re

from app.errors import ValidationError
from app.i18n import N_

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^[+\d][\d\s()\-./]{4,29}$")


def required(field: str, value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(field, N_("{label} is required."), label=label)
    return value


def max_len(field: str, value: str, limit: int, label: str) -> str:
    if len(value) > limit:
        raise ValidationError(
            field, N_("{label} is too long (at most {limit} characters)."), label=label,
            limit=limit,
        )
    return value


def email(field: str, value: str) -> str:
    value = (value or "").strip()
    if value and not EMAIL.match(value):
        raise ValidationError(field, N_("“{value}” is not an e-mail address."), value=value)
    return value


def phone(field: str, value: str) -> str:
    value = (value or "").strip()
    if value and not PHONE.match(value):
        raise ValidationError(field, N_("“{value}” is not a phone number."), value=value)
    return value


def birth_year(field: str, value: int | None) -> int | None:
    if value is None:
        return None
    this_year = dt.date.today().year
    if not 1900 <= value <= this_year:
        raise ValidationError(
            field, N_("The year of birth must be between 1900 and {year}."), year=this_year
        )
    return value


def choice(field: str, value: str, allowed: set[str] | tuple[str, ...], label: str) -> str:
    if value not in allowed:
        raise ValidationError(field, N_("{label}: “{value}” is not one of the choices."),
                              label=label, value=value)
    return value


def date_order(field: str, start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValidationError(field, N_("The end date is before the start date."))
