"""Support, financing and outcomes on a case: what is checked and what the case page shows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from test_case_fixtures import TODAY, new_case

from app.db import Database
from app.errors import ValidationError
from app.services.case_records import (
    FinancingData,
    OutcomeData,
    SupportData,
    remove_line,
    save_financing,
    save_outcome,
    save_support,
)
from app.services.cases import get_case


def test_support_financing_and_outcomes_show_on_the_case(office_db: Database) -> None:
    case_id = new_case(office_db)
    save_support(office_db, SupportData(case_id, "mentoring", "Bookkeeping", TODAY, 6.0))
    save_support(office_db, SupportData(case_id, "equipment", "Sewing machine", TODAY, None,
                                        Decimal("450.00")))
    save_financing(office_db, FinancingData(case_id, "micro_loan", "refused", Decimal("5000"),
                                            TODAY - dt.timedelta(days=30), TODAY))
    save_outcome(office_db, OutcomeData(case_id, "registration", TODAY, True, "0-5k", 2, 1))
    d = get_case(office_db, case_id)
    assert [(x.kind_label, x.hours, x.amount_eur) for x in d.support] == [
        ("mentoring", 6.0, None), ("equipment", None, Decimal("450.00"))]
    assert [(f.source_label, f.status_label) for f in d.financing] == [("micro-loan", "refused")]
    assert [(o.point_label, o.jobs_created) for o in d.outcomes] == [("at registration", 2)]
    remove_line(office_db, "support", d.support[0].id)
    assert len(get_case(office_db, case_id).support) == 1


def test_editing_a_line_keeps_its_id(office_db: Database) -> None:
    case_id = new_case(office_db)
    rid = save_support(office_db, SupportData(case_id, "training", "Tax basics", TODAY, 8)).value
    save_support(office_db, SupportData(case_id, "training", "Tax basics II", TODAY, 8, id=rid))
    assert [(x.id, x.description) for x in get_case(office_db, case_id).support] == [
        (rid, "Tax basics II")]


@pytest.mark.parametrize(("call", "field"), [
    (lambda c: save_financing(None, FinancingData(c, "lottery")), "source"),  # type: ignore
    (lambda c: save_financing(None, FinancingData(c, amount_eur=Decimal(-1))), "amount_eur"),  # type: ignore
    (lambda c: save_financing(None, FinancingData(c, applied_on=TODAY,  # type: ignore
                                                  decided_on=TODAY - dt.timedelta(1))),
     "decided_on"),
    (lambda c: save_support(None, SupportData(c, "cash")), "kind"),  # type: ignore
    (lambda c: save_outcome(None, OutcomeData(c, "follow_up_6m")), "date"),  # type: ignore
    (lambda c: save_outcome(None, OutcomeData(c, date=TODAY, jobs_created=1,  # type: ignore
                                              community_employees=2)), "community_employees"),
])
def test_bad_lines_are_refused_before_writing(call, field) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        call("case")
    assert err.value.field == field
