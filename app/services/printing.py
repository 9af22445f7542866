"""What goes on paper: attendance sheets and certificates filled from the database."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from app.attachments import file_path
from app.db import Database
from app.documents.attendance_sheet import SheetData, SheetPerson, render_sheet
from app.documents.certificate import CertificateData, render_certificates
from app.errors import NotFoundError, ValidationError
from app.i18n import N_
from app.ids import is_uuid
from app.models import Certificate, Event, EventTrainer, Office, Person
from app.models import Session as EventSession
from app.services.registrations import registrations

Progress = Callable[[int, int], bool] | None


def find_event_id(db: Database, ref: str) -> str:
    """An event by its human code (SAL-2026-014) or its UUID."""
    ref = ref.strip()
    with db.reader() as s:
        stmt = select(Event.id).where(Event.deleted.is_(False))
        stmt = stmt.where(Event.id == ref) if is_uuid(ref) else stmt.where(
            Event.code == ref.upper())
        found = s.execute(stmt).scalar()
    if found is None:
        raise NotFoundError(N_("There is no event {ref}."), ref=ref)
    return found


def _office(s: object, office_id: str | None) -> Office | None:
    return s.get(Office, office_id) if office_id else None  # type: ignore[attr-defined]


def _logo(office: Office | None) -> object:
    if office is None or not office.logo_sha256:
        return None
    path = file_path(office.logo_sha256)
    return path if path.exists() else None


def sheet_data(db: Database, event_id: str, session_number: int | None, lang: str,
               blank_rows: int = 10) -> SheetData:
    people = [r for r in registrations(db, event_id)
              if r.status in ("registered", "confirmed", "completed")]
    with db.reader() as s:
        event = s.get(Event, event_id)
        if event is None or event.deleted:
            raise NotFoundError(N_("This event no longer exists."))
        sess = s.execute(select(EventSession).where(
            EventSession.event_id == event_id, EventSession.deleted.is_(False))
            .order_by(EventSession.number)).scalars().all()
        chosen = None
        if session_number is not None:
            chosen = next((x for x in sess if x.number == session_number), None)
            if chosen is None:
                raise ValidationError("session", N_("The event has no session {n}."),
                                      n=session_number)
        trainer_ids = [chosen.trainer_id] if chosen and chosen.trainer_id else list(
            s.execute(select(EventTrainer.person_id).where(
                EventTrainer.event_id == event_id, EventTrainer.deleted.is_(False))).scalars())
        trainers = ", ".join(p.full_name for p in s.execute(
            select(Person).where(Person.id.in_(trainer_ids))).scalars())
        office = _office(s, event.office_id)
        return SheetData(
            lang=lang, office_name=office.name if office else "", event_code=event.code,
            event_title=event.title_in(lang), place=event.place, trainers=trainers,
            session_number=chosen.number if chosen else None, session_count=len(sess),
            session_date=chosen.date if chosen else event.starts_on,
            starts_at=chosen.starts_at if chosen else None,
            ends_at=chosen.ends_at if chosen else None, topic=chosen.topic if chosen else "",
            people=[SheetPerson(p.person_name, p.organisation_name) for p in people],
            blank_rows=blank_rows, logo=_logo(office),  # type: ignore[arg-type]
        )


def attendance_sheet_pdf(db: Database, event_id: str, session_number: int | None, lang: str,
                         blank_rows: int = 10) -> bytes:
    return render_sheet(sheet_data(db, event_id, session_number, lang, blank_rows))


def certificate_data(db: Database, certificate_ids: list[str],
                     second_lang: str | None = None) -> list[CertificateData]:
    """`second_lang` forces the language beside Lithuanian; None takes each person's own."""
    out = []
    with db.reader() as s:
        certs = s.execute(select(Certificate).where(Certificate.id.in_(certificate_ids))
                          .order_by(Certificate.number)).scalars().all()
        events: dict[str, Event] = {}
        topics: dict[str, tuple[str, ...]] = {}
        for cert in certs:
            if cert.event_id not in events:
                event = s.get(Event, cert.event_id)
                assert event is not None
                events[cert.event_id] = event
                topics[cert.event_id] = tuple(t for t in s.execute(
                    select(EventSession.topic).where(
                        EventSession.event_id == cert.event_id, EventSession.deleted.is_(False))
                    .order_by(EventSession.number)).scalars() if t)
            event = events[cert.event_id]
            office = _office(s, cert.office_id)
            lang = second_lang or cert.language
            out.append(CertificateData(
                number=cert.number, verification_code=cert.verification_code,
                person_name=cert.name_as_printed, person_lang=lang, event_kind=event.kind,
                event_title=event.title_lt,
                event_title_second=getattr(event, f"title_{lang}", "") if lang in ("pl", "ru")
                else "",
                starts_on=event.starts_on, ends_on=event.ends_on, hours=cert.hours,
                topics=topics[cert.event_id], place=event.place,
                office_name=office.name if office else "",
                signatory_name=office.signatory_name if office else "",
                signatory_title=office.signatory_title if office else "",
                issued_on=cert.issued_on, logo=_logo(office),  # type: ignore[arg-type]
                revoked=cert.revoked,
            ))
    return out


def event_certificate_ids(db: Database, event_id: str, include_revoked: bool = False
                          ) -> list[str]:
    with db.reader() as s:
        stmt = select(Certificate.id).where(Certificate.event_id == event_id,
                                            Certificate.deleted.is_(False))
        if not include_revoked:
            stmt = stmt.where(Certificate.revoked.is_(False))
        return list(s.execute(stmt.order_by(Certificate.number)).scalars())


def certificates_pdf(db: Database, certificate_ids: list[str], second_lang: str | None = None,
                     progress: Progress = None) -> bytes:
    data = certificate_data(db, certificate_ids, second_lang)
    if progress:
        progress(0, len(data))
    return render_certificates(data)
