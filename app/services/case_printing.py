"""The case summary for the paper file, gathered in the document's language (not the UI's)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.db import Database
from app.documents.case_summary import SummaryData, render_summary
from app.errors import NotFoundError
from app.i18n import N_, gettext_in
from app.i18n.formats import format_eur, format_number, format_short_date
from app.models import (
    BusinessCase,
    CaseActivity,
    CaseFinancing,
    CaseOutcome,
    CaseSupport,
    Event,
    Municipality,
    Office,
    RefItem,
    StageChange,
)
from app.services.case_editing import DIGITAL_SKILLS
from app.services.cases import (
    ACTIVITY_KIND,
    FINANCING_SOURCE,
    FINANCING_STATUS,
    OUTCOME_POINT,
    PLAN_STATUS,
    SUPPORT_KIND,
    _rows,
)
from app.services.events import person_names


def _in(lang: str, mapping: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    return gettext_in(lang, mapping[code]) if code in mapping else code


def summary_data(db: Database, case_id: str, lang: str) -> SummaryData:
    with db.reader() as s:
        c = s.get(BusinessCase, case_id)
        if c is None or c.deleted:
            raise NotFoundError(N_("This case is no longer in the database."))
        refs: dict[tuple[str, str], str] = {
            (r.list_name, r.code): r.name_in(lang)
            for r in s.execute(select(RefItem).where(RefItem.list_name.in_(
                ("case_stage", "close_reason", "legal_form", "revenue_band")))).scalars()}
        changes = _rows(s, StageChange, case_id, StageChange.date, StageChange.created_at)
        acts = _rows(s, CaseActivity, case_id, CaseActivity.date)
        fin = _rows(s, CaseFinancing, case_id, CaseFinancing.applied_on)
        sup = _rows(s, CaseSupport, case_id, CaseSupport.date)
        outs = _rows(s, CaseOutcome, case_id, CaseOutcome.date)
        names = person_names(s, [c.beneficiary_id, c.consultant_id,
                                 *(a.by_person_id for a in acts)])
        event_ids = [a.event_id for a in acts if a.event_id]
        events = dict(s.execute(select(Event.id, Event.code).where(
            Event.id.in_(event_ids))).all()) if event_ids else {}
        office = s.get(Office, c.office_id) if c.office_id else None
        muni = s.execute(select(Municipality).where(
            Municipality.code == c.municipality_code)).scalar_one_or_none() \
            if c.municipality_code else None

        def ref(list_name: str, code: str | None) -> str:
            return refs.get((list_name, code or ""), code or "")

        def day(value: Any) -> str:
            return format_short_date(value, lang) if value else ""

        def eur(value: Any) -> str:
            return format_eur(value, lang) if value is not None else ""

        closed = ""
        if c.closed_on:
            closed = f"{day(c.closed_on)} – {ref('close_reason', c.close_reason)}"
            if c.close_note:
                closed += f" ({c.close_note})"
        facts = [
            (gettext_in(lang, "Case"), c.code),
            (gettext_in(lang, "Beneficiary"), names.get(c.beneficiary_id, "")),
            (gettext_in(lang, "Consultant"), names.get(c.consultant_id or "", "")),
            (gettext_in(lang, "Municipality"), muni.name_in(lang) if muni else ""),
            (gettext_in(lang, "Opened"), day(c.opened_on)),
            (gettext_in(lang, "Current stage"), ref("case_stage", c.stage_code)),
            (gettext_in(lang, "Closed"), closed),
            (gettext_in(lang, "State language level"), c.state_language_level),
            (gettext_in(lang, "Digital skills"), _in(lang, DIGITAL_SKILLS, c.digital_skills)),
            (gettext_in(lang, "Barriers"), c.barriers),
            (gettext_in(lang, "Business idea"), c.business_idea),
            (gettext_in(lang, "Sector"), c.sector),
            (gettext_in(lang, "Business plan"), _in(lang, PLAN_STATUS, c.plan_status)),
            (gettext_in(lang, "Legal form"), ref("legal_form", c.legal_form)),
            (gettext_in(lang, "Business registered"), day(c.registered_on)),
            (gettext_in(lang, "Business"), " ".join(
                p for p in (c.business_name, f"({c.business_code})" if c.business_code else "")
                if p)),
            (gettext_in(lang, "Started"), day(c.started_on)),
        ]
        return SummaryData(
            lang=lang, office_name=office.name if office else "", code=c.code,
            beneficiary=names.get(c.beneficiary_id, ""),
            facts=[(k, v) for k, v in facts if v],
            stages=[(day(x.date), ref("case_stage", x.to_stage),
                     "; ".join(p for p in (x.note, x.missing_facts_reason) if p))
                    for x in changes],
            activities=[(day(a.date), _in(lang, ACTIVITY_KIND, a.kind),
                         format_number(a.duration_minutes, lang),
                         " ".join(p for p in (events.get(a.event_id or "", ""), a.notes) if p))
                        for a in acts],
            support=[(_in(lang, SUPPORT_KIND, x.kind), x.description, day(x.date),
                      format_number(x.hours, lang) if x.hours is not None else "",
                      eur(x.amount_eur)) for x in sup],
            financing=[(_in(lang, FINANCING_SOURCE, f.source),
                        _in(lang, FINANCING_STATUS, f.status), eur(f.amount_eur),
                        day(f.applied_on), day(f.decided_on)) for f in fin],
            outcomes=[(_in(lang, OUTCOME_POINT, o.point), day(o.date),
                       gettext_in(lang, "yes") if o.operating else gettext_in(lang, "no"),
                       ref("revenue_band", o.revenue_band),
                       format_number(o.jobs_created, lang),
                       format_number(o.community_employees, lang)) for o in outs],
        )


def case_summary_pdf(db: Database, case_id: str, lang: str) -> bytes:
    """The case summary PDF in `lang` (lt, pl, ru or en)."""
    return render_summary(summary_data(db, case_id, lang))
