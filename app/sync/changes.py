"""One change per line of changes.jsonl: writing them, and reading them back strictly.

Every incoming value is checked against its column's type before anything is applied, so a
fuzzed or hostile file is refused with the line and the reason, never half-applied.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, partial
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Text, Time
from sqlalchemy import inspect as sa_inspect

from app.errors import UserError
from app.i18n import N_
from app.models import Synced, synced_models
from app.sync.changelog import synced_fields
from app.sync.clock import Stamp
from app.sync.package import MAX_DEPTH, MAX_LINE, depth, loads

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
    data: Any  # parsed JSON (see `value`), or None for an insert read lazily from raw_value
    prev: str | None
    owner: str | None
    line: int = 0  # in changes.jsonl, for reports
    raw_value: str | None = None  # the value's JSON as received, kept for the change log

    @property
    def value(self) -> Any:
        """A dict of fields for an insert, one value for an update. A decoded insert keeps only
        its checked JSON text (a file of 100,000 new people would otherwise hold 100,000 dicts)
        and parses it again here, to exactly the value that was checked."""
        if self.data is None and self.op == "insert" and self.raw_value is not None:
            return insert_value(self.table, self.raw_value)
        return self.data


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


_STAMP_RE = re.compile(r"[0-9]{13}\.[0-9]{5}\.")


def _check_stamp(line: int, text: Any) -> str:
    if not isinstance(text, str):
        raise _bad(line, N_("a clock stamp is missing"))
    if _STAMP_RE.match(text):  # the common case; Stamp.parse accepts it too
        return text
    try:
        Stamp.parse(text)
    except ValueError:
        raise _bad(line, N_("a clock stamp is malformed")) from None
    return text


Checker = Callable[[Any], Any]


@cache
def checkers(table: str) -> dict[str, tuple[str, Checker]]:
    """Per field of a table: its name (one shared string) and a function that returns the
    checked value or raises ValueError, as `coerce` does."""
    out: dict[str, tuple[str, Checker]] = {}
    for key, column in columns(table).items():
        out[key] = (key, partial(coerce, column))
    return out


@cache
def _plain(table: str) -> dict[str, frozenset[type]]:
    """Per field, the JSON types that are their own checked value (see `coerce`): a text in a
    text field, None where empty is allowed, a boolean in a boolean field."""
    out = {}
    for key, column in columns(table).items():
        kinds: set[type] = set()
        if _text_column(table, key):
            kinds.add(str)
        if column.nullable or column.default is not None:
            kinds.add(type(None))
        if isinstance(column.type, Boolean):
            kinds.add(bool)
        out[key] = frozenset(kinds)
    return out


def _check_fields(line_no: int, table: str, value: dict[str, Any], short: bool) -> None:
    """Every field of an insert checked, the common values without a call per field. In a
    `short` line (no longer than MAX_TEXT bytes) no text can be too long."""
    plain = _plain(table)
    check = checkers(table)
    for key, item in value.items():
        kinds = plain.get(key)
        if kinds is not None and type(item) in kinds and (
                short or type(item) is not str or len(item) <= MAX_TEXT):
            continue
        if key not in check:
            raise _bad(line_no, N_("unknown field “{field}”"), field=str(key)[:40])
        try:
            check[key][1](item)
        except ValueError as exc:
            raise _bad(line_no, N_("field “{field}”: {why}"), field=key, why=str(exc)) from None


@cache
def _converted(table: str) -> tuple[tuple[str, Any], ...]:
    """The fields whose checked value is not the JSON value itself (dates, amounts, floats)."""
    same = (Boolean, Integer, JSON)
    return tuple((k, c) for k, c in columns(table).items()
                 if not _text_column(table, k) and not isinstance(c.type, same))


def insert_value(table: str, raw: str) -> dict[str, Any]:
    """An insert's fields from its checked JSON text (see Change.value)."""
    value = _parse(raw)
    for key, column in _converted(table):
        if key in value:
            value[key] = coerce(column, value[key])
    return value


_WS = " \t\n\r"  # JSON's whitespace
_scan = json.JSONDecoder().raw_decode


def _parse(text: str) -> Any:
    """json.loads without its wrapper (a third of its cost on short texts): ValueError unless
    `text` is exactly one JSON value with no whitespace around it."""
    value, end = _scan(text)
    if end != len(text):
        raise ValueError("extra data")
    return value


def _split(raw: bytes) -> tuple[dict[str, Any], str] | None:
    """Our encoder writes the value last (`...,"v":<value>}`): parse the head and the value
    separately, once each, keeping the value's text for the change log. When the head and the
    value each parse, the whole line is exactly that object. None: read it the plain way."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    at = text.find(',"v":')
    body = text.rstrip(_WS)
    if at <= 0 or not body.endswith("}"):
        return None
    value_text = body[at + 5:-1]
    try:
        head = _parse(text[:at] + "}")
        value = _parse(value_text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(head, dict) or not head:
        return None
    head["v"] = value
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and depth(head) > MAX_DEPTH:
        return None  # too deep: the plain way refuses it
    return head, value_text


def decode(line_no: int, raw: bytes) -> Change:
    intern = sys.intern  # origins, tables, operations and stamps repeat on every line
    if len(raw) > MAX_LINE:
        raise _bad(line_no, N_("the line is too long"))
    split = _split(raw)
    if split is None:
        try:
            obj = loads(raw, "changes.jsonl")
        except UserError:
            raise _bad(line_no, N_("not valid JSON")) from None
        raw_value = None
    else:
        obj, raw_value = split
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
    table, op = intern(table), intern(op)
    for key in ("o", "r"):
        if not isinstance(obj.get(key), str) or not UUID_RE.match(obj[key]):
            raise _bad(line_no, N_("an identifier is malformed"))
    owner = obj.get("w")
    if owner is not None and (not isinstance(owner, str) or not UUID_RE.match(owner)):
        raise _bad(line_no, N_("an identifier is malformed"))
    seq = obj.get("s")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 < seq < 2**53:
        raise _bad(line_no, N_("the sequence number is malformed"))
    hlc = intern(_check_stamp(line_no, obj.get("h")))
    prev = obj.get("p")
    if prev is not None:
        prev = intern(_check_stamp(line_no, prev))
    check = checkers(table)
    value = obj.get("v")
    if op == "insert":
        if field is not None or not isinstance(value, dict):
            raise _bad(line_no, N_("a new record without its fields"))
        if raw_value is not None:  # its text is kept: parsed again when needed (Change.value)
            _check_fields(line_no, table, value, len(raw) <= MAX_TEXT)
            value = None
        else:
            clean = {}
            for key, item in value.items():
                if key not in check:
                    raise _bad(line_no, N_("unknown field “{field}”"), field=str(key)[:40])
                name, fn = check[key]
                try:
                    clean[name] = fn(item)
                except ValueError as exc:
                    raise _bad(line_no, N_("field “{field}”: {why}"), field=key,
                               why=str(exc)) from None
            value = clean
    elif op == "update":
        if field not in check:
            raise _bad(line_no, N_("unknown field “{field}”"), field=str(field)[:40])
        name, fn = check[field]
        try:
            value = fn(value)
        except ValueError as exc:
            raise _bad(line_no, N_("field “{field}”: {why}"), field=field, why=str(exc)) from None
        field = name
    elif field is not None:
        raise _bad(line_no, N_("a deletion names a field"))
    if op not in ("insert", "update"):
        raw_value = None
    elif split is None:
        raw_value = _raw_value(raw)
    return Change(intern(obj["o"]), seq, hlc, table, obj["r"], op, field, value, prev,
                  intern(owner) if owner is not None else None, line_no, raw_value)


def _raw_value(raw: bytes) -> str | None:
    """The value's text of a line read the plain way (when it was written by another encoder),
    once it is checked to be exactly that value."""
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


def lines(data: bytes) -> Iterator[bytes]:
    """The lines of changes.jsonl one at a time (no list of them all in memory)."""
    pos, size = 0, len(data)
    while pos < size:
        end = data.find(b"\n", pos)
        if end < 0:
            end = size
        yield data[pos:end]
        pos = end + 1


def count_lines(data: bytes) -> int:
    return data.count(b"\n") + (0 if not data or data.endswith(b"\n") else 1)


def decode_all(data: bytes, limit: int) -> list[Change]:
    n = count_lines(data)
    if n > limit:
        raise UserError(N_("The file holds more changes ({n}) than Tinklas accepts."), n=n)
    return [decode(i, raw) for i, raw in enumerate(lines(data), start=1)]
