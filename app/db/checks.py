"""Health checks of a database without changing it: schema, integrity, foreign keys, orphans."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from app.db import migrate
from app.db.engine import is_sqlite, make_engine
from app.i18n import _, ngettext
from app.models import Base, Person, Synced


@dataclass
class CheckReport:
    revision: str | None = None
    head: str = ""
    people: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        if self.ok:
            return _("OK: schema {rev}, {people}, integrity and links checked.").format(
                rev=self.revision,
                people=ngettext("{n} person", "{n} people", self.people).format(n=self.people),
            )
        return _("Problems: {list}").format(list="; ".join(self.problems))


def _orphans(conn: object) -> list[str]:
    """References to records that do not exist (SQLite checks declared keys; this covers the
    code columns and keeps the check meaningful on servers where keys may be deferred)."""
    problems = []
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if not issubclass(model, Synced):
            continue
        for col in mapper.columns:
            for fk in col.foreign_keys:
                target = fk.column.table
                stmt = (
                    select(func.count())
                    .select_from(model.__table__)
                    .where(col.is_not(None))
                    .where(~col.in_(select(fk.column).select_from(target)))
                )
                n = conn.execute(stmt).scalar_one()  # type: ignore[attr-defined]
                if n:
                    problems.append(
                        _("{n} rows of {table}.{column} point to missing {target}").format(
                            n=n, table=model.__tablename__, column=col.key, target=target.name
                        )
                    )
    return problems


def run_checks(url: str) -> CheckReport:
    engine = make_engine(url)
    report = CheckReport(head=migrate.head_revision())
    try:
        report.revision = migrate.current_revision(engine)
        if report.revision is None:
            report.problems.append(_("this is not a Tinklas database (no schema version)"))
            return report
        if report.revision not in migrate.known_revisions():
            report.problems.append(_("the database is from a newer version of Tinklas"))
            return report
        if report.revision != report.head:
            report.problems.append(
                _("schema {rev} is older than {head}: open it in Tinklas to migrate").format(
                    rev=report.revision, head=report.head
                )
            )
            return report
        with engine.connect() as conn:
            if is_sqlite(url):
                result = conn.execute(text("PRAGMA integrity_check")).scalars().all()
                if result != ["ok"]:
                    report.problems.append(
                        _("integrity check: {detail}").format(detail=", ".join(result[:3]))
                    )
                fks = conn.execute(text("PRAGMA foreign_key_check")).all()
                if fks:
                    tables = sorted({r[0] for r in fks})
                    report.problems.append(
                        ngettext(
                            "{n} broken link in {tables}", "{n} broken links in {tables}", len(fks)
                        ).format(n=len(fks), tables=", ".join(tables))
                    )
            report.problems.extend(_orphans(conn) if not report.problems else [])
            report.people = conn.execute(
                select(func.count())
                .select_from(Person.__table__)
                .where(Person.deleted.is_(False), Person.merged_into_id.is_(None))
            ).scalar_one()
    except Exception as exc:  # noqa: BLE001 - a damaged file is a finding, not a crash
        report.problems.append(
            _("the file cannot be read as a database: {reason}").format(
                reason=str(exc).splitlines()[0]
            )
        )
    finally:
        engine.dispose()
    return report
