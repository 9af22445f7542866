"""One change per line of changes.jsonl: writing them, and reading them back strictly.

Every incoming value is checked against its column's type before anything is applied, so a
fuzzed or hostile file is refused with the line and the reason, never half-applied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text, Time
from sqlalchemy import inspect as sa_inspect

from app.errors import UserError
from app.i18n import N_
from app.models import Synced, synced_models
from app.sync.changelog import synced_fields
from app.sync.clock import Stamp
from app.sync.package import MAX_LINE, loads

OPS = ("insert", "update", "delete", "restore")
UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
MAX_TEXT = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Change:
    origin: str
    seq: int
    hlc: str
    table: str
    record: str
    op: str
    field: str | None
    value: Any  # parsed JSON: a dict of fields for an insert, one value for an update
    prev: str | None
    owner: str | None
    line: int = 0  # in changes.jsonl, for reports
    raw_value: str | None = None  # the value's JSON as received, kept for the change log


class ChangeError(UserError):
    """A line of changes.jsonl that cannot be applied: line, field and reason (all translated)."""

    def __init__(self, line: int, reason: str, **params: Any) -> None:
        super().__init__(N_("Line {line} of the changes: {reason}"), line=line,
                         reason=reason.format(**params))
        self.line, self.reason, self.reason_params = line, reason, params

    def text(self) -> str:
        from app.i18n import _

        params = {k: _(v) if k == "why" else v for k, v in self.reason_params.items()}
        return _(self.message).format(line=self.line, reason=_(self.reason).format(**params))


def encode(origin: str, seq: int, hlc: str, table: str, record: str, op: str,
           field: str | None, value_json: str | None, prev: str | None,
           owner: str | None) -> str:
    head = json.dumps({"o": origin, "s": seq, "h": hlc, "t": table, "r": record, "op": op,
                       "f": field, "p": prev, "w": owner}, separators=(",", ":"))
    return f'{head[:-1]},"v":{value_json if value_json is not None else "null"}}}\n'


@cache
def models_by_table() -> dict[str, type[Synced]]:
    return {m.__tablename__: m for m in synced_models()}


@cache
def columns(table: str) -> dict[str, Any]:
    model = models_by_table()[table]
    wanted = set(synced_fields(model))
    return {c.key: c for c in sa_inspect(model).columns if c.key in wanted}


def _bad(line: int, reason: str, **params: Any) -> ChangeError:
    return ChangeError(line, reason, **params)


def coerce(column: Any, value: Any) -> Any:
    """The Python value for a column from JSON, or ValueError."""
    if value is None:
        if not column.nullable and column.default is None:
            raise ValueError(N_("empty value for a required field"))
        return None
    if type(value) is str and _is_text(column):  # the common case, checked first
        if len(value) > MAX_TEXT:
            raise ValueError(N_("not a text of acceptable length"))
        return value
    kind = column.type
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise ValueError(N_("not true or false"))
        return value
    if isinstance(kind, Integer):
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            raise ValueError(N_("not a whole number"))
        return value
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        if isinstance(value, bool):
            raise ValueError(N_("not an amount"))
        try:
            return Decimal(str(value))
        except InvalidOperation:
            raise ValueError(N_("not an amount")) from None
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(N_("not a number"))
        return float(value)
    if isinstance(kind, DateTime):
        return _iso(dt.datetime.fromisoformat, value, 40)
    if isinstance(kind, Date):
        return _iso(dt.date.fromisoformat, value, 10)
    if isinstance(kind, Time):
        return _iso(dt.time.fromisoformat, value, 20)
    if isinstance(kind, JSON):
        return value
    if isinstance(kind, String | Text):
        return _text(value, MAX_TEXT)
    raise ValueError(N_("unsupported type"))  # pragma: no cover - every column type is above


@cache
def _text_column(table: str, key: str) -> bool:
    kind = columns(table)[key].type
    return isinstance(kind, String | Text) and not isinstance(kind, JSON)


def _is_text(column: Any) -> bool:
    return _text_column(column.table.name, column.key)


def _iso(parse: Any, value: Any, limit: int) -> Any:
    try:
        return parse(_text(value, limit))
    except ValueError:
        raise ValueError(N_("not a date or time")) from None


def _text(value: Any, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError(N_("not a text of acceptable length"))
    return value


def _check_stamp(line: int, text: Any) -> str:
    if not isinstance(text, str):
        raise _bad(line, N_("a clock stamp is missing"))
    try:
        Stamp.parse(text)
    except ValueError:
        raise _bad(line, N_("a clock stamp is malformed")) from None
    return text


def decode(line_no: int, raw: bytes) -> Change:
    if len(raw) > MAX_LINE:
        raise _bad(line_no, N_("the line is too long"))
    try:
        obj = loads(raw, "changes.jsonl")
    except UserError:
        raise _bad(line_no, N_("not valid JSON")) from None
    if not isinstance(obj, dict):
        raise _bad(line_no, N_("not a change"))
    table, op, field = obj.get("t"), obj.get("op"), obj.get("f")
    if not isinstance(table, str) or not isinstance(op, str) or (
            field is not None and not isinstance(field, str)):
        raise _bad(line_no, N_("not a change"))
    if table not in models_by_table():
        raise _bad(line_no, N_("unknown table “{table}”"), table=str(table)[:40])
    if op not in OPS:
        raise _bad(line_no, N_("unknown operation"))
    for key in ("o", "r"):
        if not isinstance(obj.get(key), str) or not UUID_RE.match(obj[key]):
            raise _bad(line_no, N_("an identifier is malformed"))
    owner = obj.get("w")
    if owner is not None and (not isinstance(owner, str) or not UUID_RE.match(owner)):
        raise _bad(line_no, N_("an identifier is malformed"))
    seq = obj.get("s")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 < seq < 2**53:
        raise _bad(line_no, N_("the sequence number is malformed"))
    hlc = _check_stamp(line_no, obj.get("h"))
    prev = obj.get("p")
    if prev is not None:
        _check_stamp(line_no, prev)
    cols = columns(table)
    value = obj.get("v")
    if op == "insert":
        if field is not None or not isinstance(value, dict):
            raise _bad(line_no, N_("a new record without its fields"))
        clean = {}
        for key, item in value.items():
            if key not in cols:
                raise _bad(line_no, N_("unknown field “{field}”"), field=str(key)[:40])
            try:
                clean[key] = coerce(cols[key], item)
            except ValueError as exc:
                raise _bad(line_no, N_("field “{field}”: {why}"), field=key, why=str(exc)) from None
        value = clean
    elif op == "update":
        if field not in cols:
            raise _bad(line_no, N_("unknown field “{field}”"), field=str(field)[:40])
        try:
            value = coerce(cols[field], value)
        except ValueError as exc:
            raise _bad(line_no, N_("field “{field}”: {why}"), field=field, why=str(exc)) from None
    elif field is not None:
        raise _bad(line_no, N_("a deletion names a field"))
    return Change(obj["o"], seq, hlc, table, obj["r"], op, field, value, prev, owner, line_no,
                  _raw_value(raw, op))


def _raw_value(raw: bytes, op: str) -> str | None:
    """Our encoder writes the value last: reuse its text rather than serialising it again, once
    it is checked to be exactly that value."""
    if op not in ("insert", "update"):
        return None
    at = raw.find(b',"v":')
    end = raw.rstrip().rfind(b"}")
    if at < 0 or end <= at:
        return None
    text = raw[at + 5:end]
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return None
    return text.decode("utf-8")


def decode_all(data: bytes, limit: int) -> list[Change]:
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if len(lines) > limit:
        raise UserError(N_("The file holds more changes ({n}) than Tinklas accepts."),
                        n=len(lines))
    return [decode(i, raw) for i, raw in enumerate(lines, start=1)]
