"""Demo certificates: issued to those whose attendance meets the event's rule (a few by a recorded
override), numbered from the office's series, some reissued or revoked, all in the register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.certificates.codes import BITS, code_from_int
from app.demo.context import Ctx, Writer
from app.demo.events_data import OVERRIDE_REASONS, REISSUE_REASONS, REVOKE_REASONS
from app.ids import uuid7
from app.models import Certificate, CertificateLog

OVERRIDE_SHARE = 0.1
REVOKED_SHARE = 0.02
REISSUED_SHARE = 0.03


def _eligible(event: dict[str, Any], present: list[float], sessions: int, hours: float) -> bool:
    if event["cert_rule"] == "hours":
        return hours > 0 and sum(present) / hours >= event["cert_min_share"]
    return sessions > 0 and len(present) / sessions >= event["cert_min_share"]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0))


def make_certificates(ctx: Ctx, w: Writer) -> None:
    rng = ctx.rng("certificates")
    codes = ctx.rng("verification-codes")  # the seeded stand-in for new_verification_code()
    used: set[str] = set()
    certs: list[dict[str, Any]] = []
    log: list[dict[str, Any]] = []
    events = sorted((e for e in ctx.events if e["held"] and e["cert_rule"] != "none"),
                    key=lambda e: (e["office"], e["ends_on"], e["code"]))
    for event in events:
        office = ctx.offices[event["office"]]
        issued_on = min(event["ends_on"] + dt.timedelta(days=rng.randint(1, 14)),
                        ctx.day(-1))
        for reg_id, person, status, present, sessions, hours in event["registrations"]:
            if status != "completed":
                continue
            override = ""
            if not _eligible(event, present, sessions, hours):
                if rng.random() >= OVERRIDE_SHARE:
                    continue
                override = rng.choice(OVERRIDE_REASONS)
            number = ctx.next_number(event["office"], "certificate", issued_on.year)
            code = code_from_int(codes.getrandbits(BITS))
            while code in used:
                code = code_from_int(codes.getrandbits(BITS))
            used.add(code)
            cert_id = uuid7()
            revoked = rng.random() < REVOKED_SHARE
            reissued = not revoked and rng.random() < REISSUED_SHARE
            revoked_on = min(issued_on + dt.timedelta(days=rng.randint(5, 60)), ctx.day(-1)) \
                if revoked else None
            reason = rng.choice(REVOKE_REASONS) if revoked else ""
            certs.append({
                "id": cert_id, "office_id": office.id, "event_id": event["id"],
                "person_id": person.id, "registration_id": reg_id,
                "number": f"{office.series}-{issued_on.year}-{number:04d}",
                "verification_code": code, "issued_on": issued_on, "language": person.language,
                "name_as_printed": person.full_name, "hours": sum(present),
                "override_reason": override, "revoked": revoked, "revoked_on": revoked_on,
                "revoked_reason": reason, "reissue_count": 1 if reissued else 0,
            })
            log.append({"office_id": office.id, "certificate_id": cert_id, "action": "issued",
                        "at": _at(issued_on, 11), "reason": override})
            if reissued:
                again = min(issued_on + dt.timedelta(days=rng.randint(3, 90)), ctx.day(-1))
                log.append({"office_id": office.id, "certificate_id": cert_id,
                            "action": "reissued", "at": _at(again, 12),
                            "reason": rng.choice(REISSUE_REASONS)})
            if revoked and revoked_on is not None:
                log.append({"office_id": office.id, "certificate_id": cert_id,
                            "action": "revoked", "at": _at(revoked_on, 15), "reason": reason})
    w.add(Certificate, certs)
    w.add(CertificateLog, log)
