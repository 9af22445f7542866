"""Certificates: eligibility from attendance, issue with the office's series, reissue, revoke,
and verification by the printed code."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.certificates.codes import display, is_valid, new_verification_code
from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.models import Certificate, CertificateLog, Event, Office, Person, Registration
from app.models.base import utcnow
from app.services.attendance import grid
from app.services.numbering import highest_suffix, next_number
from app.services.ownership import ensure_own
from app.services.results import CERTIFICATES, EVENTS, Changes, Saved


@dataclass(frozen=True)
class Eligibility:
    registration_id: str
    person_id: str
    person_name: str
    sessions_attended: int
    sessions_total: int
    hours_attended: float
    hours_total: float
    eligible: bool
    certificate_id: str | None  # already issued


@dataclass(frozen=True)
class CertificateInfo:
    id: str
    number: str
    verification_code: str
    person_name: str
    event_code: str
    event_title: str
    starts_on: dt.date
    ends_on: dt.date
    hours: float
    issued_on: dt.date
    office_code: str
    office_name: str
    revoked: bool
    revoked_on: dt.date | None
    revoked_reason: str
    override_reason: str
    reissue_count: int


def eligibility(db: Database, event_id: str) -> list[Eligibility]:
    with db.reader() as s:
        event = s.get(Event, event_id)
        if event is None or event.deleted:
            raise NotFoundError(N_("This event no longer exists."))
        rule, share = event.cert_rule, event.cert_min_share
        issued = dict(
            s.execute(
                select(Certificate.person_id, Certificate.id).where(
                    Certificate.event_id == event_id, Certificate.deleted.is_(False)
                )
            ).all()
        )
    g = grid(db, event_id)
    hours_total = sum(x.hours for x in g.sessions)
    out = []
    for row in g.rows:
        hours = g.person_hours(row)
        n = len(g.sessions)
        if rule == "hours":
            ok = hours_total > 0 and hours / hours_total >= share - 1e-9
        elif rule == "sessions":
            ok = n > 0 and row.present / n >= share - 1e-9
        else:
            ok = False
        out.append(
            Eligibility(
                row.registration.id,
                row.registration.person_id,
                row.registration.person_name,
                row.present,
                n,
                hours,
                hours_total,
                ok,
                issued.get(row.registration.person_id),
            )
        )
    return out


def _next_certificate_number(s: Session, office: Office, year: int) -> str:
    series = office.certificate_series or office.code
    prefix = f"{series}-{year}-"
    used = list(
        s.execute(select(Certificate.number).where(Certificate.number.like(f"{prefix}%"))).scalars()
    )
    number = next_number(s, office.id, "certificate", year, highest_suffix(used, prefix))
    return f"{prefix}{number:04d}"


def _unique_code(s: Session) -> str:
    while True:  # 45 random bits: a clash is astronomically rare, but never reuse a code
        code = new_verification_code()
        if (
            s.execute(select(Certificate.id).where(Certificate.verification_code == code)).first()
            is None
        ):
            return code


def issue(
    db: Database,
    event_id: str,
    registration_ids: list[str] | None = None,
    overrides: dict[str, str] | None = None,
    on: dt.date | None = None,
) -> Saved[list[str]]:
    """Issue certificates to the eligible (all, or those listed) and to overrides with a reason.

    People who already hold one for the event are skipped. Returns the new certificates' ids.
    """
    overrides = {k: v.strip() for k, v in (overrides or {}).items()}
    for reason in overrides.values():
        if not reason:
            raise ValidationError(
                "override_reason",
                N_("Give a reason for issuing a certificate despite the attendance rule."),
            )
    rows = {e.registration_id: e for e in eligibility(db, event_id)}
    wanted = set(registration_ids) if registration_ids is not None else set(rows)
    wanted |= set(overrides)
    today = on or dt.date.today()
    new_ids: list[str] = []
    with db.session() as s:
        office = s.get(Office, db.local_office().id)
        event = s.get(Event, event_id)
        assert office is not None and event is not None
        ensure_own(s, event)
        for reg_id in sorted(wanted, key=lambda r: rows[r].person_name if r in rows else r):
            e = rows.get(reg_id)
            if e is None or e.certificate_id:
                continue
            if not e.eligible and reg_id not in overrides:
                continue
            person = s.get(Person, e.person_id)
            assert person is not None
            reg = s.get(Registration, reg_id)
            cert = Certificate(
                event_id=event_id,
                person_id=e.person_id,
                registration_id=reg_id,
                number=_next_certificate_number(s, office, today.year),
                verification_code=_unique_code(s),
                issued_on=today,
                language=person.preferred_language,
                name_as_printed=person.full_name,
                hours=e.hours_attended,
                override_reason=overrides.get(reg_id, ""),
            )
            s.add(cert)
            s.flush()
            s.add(
                CertificateLog(
                    certificate_id=cert.id,
                    action="issued",
                    at=utcnow(),
                    reason=cert.override_reason,
                )
            )
            if reg is not None and reg.status in ("registered", "confirmed"):
                reg.status = "completed"
            new_ids.append(cert.id)
    return Saved(new_ids, Changes.of(EVENTS, CERTIFICATES, ids=[event_id]))


def reissue(db: Database, certificate_id: str, reason: str = "") -> Saved[str]:
    """A new print of the same certificate: same number and code, the name as now registered."""
    with db.session() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None or cert.deleted:
            raise NotFoundError(N_("This certificate does not exist."))
        ensure_own(s, cert)
        if cert.revoked:
            raise ValidationError("revoked", N_("A revoked certificate cannot be reissued."))
        person = s.get(Person, cert.person_id)
        if person is not None and not person.erased:
            cert.name_as_printed = person.full_name
        cert.reissue_count += 1
        s.add(
            CertificateLog(
                certificate_id=cert.id, action="reissued", at=utcnow(), reason=reason.strip()
            )
        )
        event_id = cert.event_id
    return Saved(certificate_id, Changes.of(EVENTS, CERTIFICATES, ids=[event_id]))


def revoke(db: Database, certificate_id: str, reason: str, on: dt.date | None = None) -> Saved[str]:
    if not reason.strip():
        raise ValidationError("reason", N_("Give the reason for revoking the certificate."))
    with db.session() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None or cert.deleted:
            raise NotFoundError(N_("This certificate does not exist."))
        ensure_own(s, cert)
        if cert.revoked:
            raise ValidationError("revoked", N_("This certificate is already revoked."))
        cert.revoked, cert.revoked_on, cert.revoked_reason = (
            True,
            on or dt.date.today(),
            reason.strip(),
        )
        s.add(
            CertificateLog(
                certificate_id=cert.id, action="revoked", at=utcnow(), reason=reason.strip()
            )
        )
        event_id = cert.event_id
    return Saved(certificate_id, Changes.of(EVENTS, CERTIFICATES, ids=[event_id]))


def _info(s: Session, cert: Certificate) -> CertificateInfo:
    event = s.get(Event, cert.event_id)
    office = s.get(Office, cert.office_id) if cert.office_id else None
    assert event is not None
    return CertificateInfo(
        cert.id,
        cert.number,
        cert.verification_code,
        cert.name_as_printed,
        event.code,
        event.title_lt,
        event.starts_on,
        event.ends_on,
        cert.hours,
        cert.issued_on,
        office.code if office else "",
        office.name if office else "",
        cert.revoked,
        cert.revoked_on,
        cert.revoked_reason,
        cert.override_reason,
        cert.reissue_count,
    )


def certificates_of_event(db: Database, event_id: str) -> list[CertificateInfo]:
    with db.reader() as s:
        rows = (
            s.execute(
                select(Certificate)
                .where(Certificate.event_id == event_id, Certificate.deleted.is_(False))
                .order_by(Certificate.number)
            )
            .scalars()
            .all()
        )
        return [_info(s, c) for c in rows]


def get_certificate(db: Database, certificate_id: str) -> CertificateInfo:
    with db.reader() as s:
        cert = s.get(Certificate, certificate_id)
        if cert is None or cert.deleted:
            raise NotFoundError(N_("This certificate does not exist."))
        return _info(s, cert)


def verify(db: Database, code: str) -> CertificateInfo:
    """Look a certificate up by its printed code; a mistyped code is told apart from an unknown
    one."""
    if not is_valid(code):
        raise ValidationError(
            "code",
            N_("“{code}” is not a valid verification code: check the characters again."),
            code=code.strip(),
        )
    with db.reader() as s:
        cert = s.execute(
            select(Certificate).where(
                Certificate.verification_code == display(code), Certificate.deleted.is_(False)
            )
        ).scalar_one_or_none()
        if cert is None:
            raise NotFoundError(
                N_(
                    "No certificate with the code {code} was issued by the offices "
                    "in this database."
                ),
                code=display(code),
            )
        return _info(s, cert)
