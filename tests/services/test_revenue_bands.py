"""Revenue bands are reference data (revenue_bands.json): named in four languages, loaded into
every database (old ones too), and the only codes an outcome accepts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import delete
from test_case_fixtures import new_case

from app.db import Database
from app.errors import ValidationError
from app.i18n import set_language
from app.models import LocalState, RefItem
from app.paths import resource_path
from app.services import choices
from app.services.case_records import OutcomeData, revenue_bands, save_outcome
from app.services.cases import get_case

D = dt.date(2026, 3, 16)
CODES = ["0-5k", "5-15k", "15-50k", "50k+"]  # stored on outcomes since the first release


def test_the_file_keeps_the_stored_codes_and_names_every_band_in_four_languages() -> None:
    data = json.loads(resource_path("reference", "revenue_bands.json").read_text("utf-8"))
    assert [i["code"] for i in data["items"]] == CODES
    for item in data["items"]:
        assert all(item["name"][lang].strip() for lang in ("lt", "pl", "ru", "en"))


@pytest.mark.parametrize(("lang", "first", "last"), [
    ("lt", "Iki 5\u00a0000 EUR", "Daugiau kaip 50\u00a0000 EUR"),
    ("pl", "Do 5\u00a0000 EUR", "Powyżej 50\u00a0000 EUR"),
    ("ru", "До 5\u00a0000 евро", "Свыше 50\u00a0000 евро"),
    ("en", "Up to 5,000 EUR", "Over 50,000 EUR"),
])
def test_bands_in_the_current_language_lowest_first(db: Database, lang: str, first: str,
                                                    last: str) -> None:
    set_language(lang)
    bands = revenue_bands(db)
    assert [c for c, _name in bands] == CODES
    assert (bands[0][1], bands[-1][1]) == (first, last)


def test_a_database_made_before_the_bands_gets_them_when_opened(db_path: Path) -> None:
    db = Database.open(db_path)
    with db.session() as s:  # as a database from before this release
        s.execute(delete(RefItem).where(RefItem.list_name == "revenue_band"))
        state = s.get(LocalState, "reference_version")
        assert state is not None
        state.int_value = (state.int_value or 0) - 1  # the version shipped without the bands
    db.dispose()
    choices.clear()
    db = Database.open(db_path)
    assert [c for c, _name in revenue_bands(db)] == CODES
    db.dispose()
    db = Database.open(db_path)  # and opening again adds nothing twice
    assert len(revenue_bands(db)) == 4
    db.dispose()


def test_an_outcome_takes_a_band_from_the_list_and_shows_its_name(office_db: Database) -> None:
    case_id = new_case(office_db)
    with pytest.raises(ValidationError) as err:
        save_outcome(office_db, OutcomeData(case_id, "registration", D, True, "5k-10k", 1, 0))
    assert err.value.field == "revenue_band"
    save_outcome(office_db, OutcomeData(case_id, "registration", D, True, "50k+", 1, 0))
    line = get_case(office_db, case_id, today=D).outcomes[0]
    assert (line.revenue_band, line.revenue_label) == ("50k+", "Over 50,000 EUR")
