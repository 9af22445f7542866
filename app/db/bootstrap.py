"""First-time set-up of a database: its identity, its own office, the shipped reference data."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from app.ids import uuid7
from app.models import LocalState, Office
from app.reference import load_reference, shipped_version

PROVISIONAL_CODE = "NEW"


def bootstrap(database: object) -> None:
    """Idempotent: fills what is missing, leaves what is there."""
    from app.db.database import Database

    assert isinstance(database, Database)
    with database.engine.begin() as conn:
        from sqlalchemy.orm import Session

        with Session(bind=conn) as s:
            state = {row.key: row for row in s.execute(select(LocalState)).scalars()}
            if "office_id" not in state:
                office = Office(id=uuid7(), code=PROVISIONAL_CODE, name="", hlc=None, deleted=False)
                s.add(office)
                s.flush()
                s.add_all(
                    [
                        LocalState(key="office_id", text_value=office.id),
                        LocalState(key="office_code", text_value=office.code),
                        LocalState(key="office_configured", text_value="0"),
                        LocalState(key="instance_id", text_value=str(uuid.uuid4())),
                        LocalState(key="seq", int_value=0),
                        LocalState(key="hlc", text_value=None),
                        LocalState(key="reference_version", int_value=0),
                    ]
                )
                s.flush()
            version = shipped_version()
            ref = s.get(LocalState, "reference_version")
            if ref is None or (ref.int_value or 0) < version:
                load_reference(s)
                if ref is None:
                    s.add(LocalState(key="reference_version", int_value=version))
                else:
                    ref.int_value = version
            s.commit()
