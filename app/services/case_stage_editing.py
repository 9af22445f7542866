"""The coordinator adjusts the creation model's stages: their names and the facts each needs.

The stages are reference data (ref_items, list "case_stage"). Their codes and order stay fixed,
since cases, the board and the funnel figures depend on them; only the names in the four
languages and the required facts change. The edit goes through the change log like any other
write, so it reaches the offices in the coordinator's next exchange files (reference data travels
to every office, see app/sync/export.py). Only the coordinator's database may change them: an
office's own edit would be overwritten by the coordinator's next one and fork the model meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.db import Database
from app.errors import UserError, ValidationError
from app.i18n import N_
from app.models import RefItem
from app.services import choices
from app.services.case_stages import FACT_LABELS, STAGE_LIST
from app.services.results import CASES, REFERENCE, Changes, Saved

LANGS = ("lt", "pl", "ru", "en")
LANG_NAMES = {"lt": N_("Lithuanian"), "pl": N_("Polish"), "ru": N_("Russian"),
              "en": N_("English")}
NAME_LIMIT = 120
# Facts a working stage can require: the close reason exists only on a closed case.
CHOOSABLE_FACTS = tuple(f for f in FACT_LABELS if f != "close_reason")


@dataclass(frozen=True)
class StageEdit:
    """One stage as the editor shows and saves it. `names` maps lt/pl/ru/en to the name."""

    code: str
    order: int
    terminal: bool
    names: dict[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()


def can_edit(db: Database) -> bool:
    """Whether this database may change the stages (the coordinator's)."""
    return db.local_office().is_coordinator


def stage_edits(db: Database) -> list[StageEdit]:
    """Every stage (active or not) in model order, with its names in all four languages."""
    with db.reader() as s:
        rows = s.execute(select(RefItem).where(RefItem.list_name == STAGE_LIST,
                                               RefItem.deleted.is_(False))).scalars().all()
        out = [StageEdit(r.code, int((r.extra or {}).get("order", r.sort_order)),
                         bool((r.extra or {}).get("terminal", False)),
                         {lang: getattr(r, f"name_{lang}") or "" for lang in LANGS},
                         tuple((r.extra or {}).get("required", ()))) for r in rows]
    return sorted(out, key=lambda st: (st.order, st.code))


def name_field(code: str, lang: str) -> str:
    """The field a ValidationError names for a stage's name in one language."""
    return f"{code}.name_{lang}"


def _clean(stage: StageEdit) -> StageEdit:
    names = {}
    for lang in LANGS:
        name = " ".join((stage.names.get(lang) or "").split())
        if not name:
            raise ValidationError(name_field(stage.code, lang),
                                  N_("Give the stage a name in {label}."),
                                  label=LANG_NAMES[lang])  # translated when shown
        if len(name) > NAME_LIMIT:
            raise ValidationError(name_field(stage.code, lang),
                                  N_("The name is too long (at most {limit} characters)."),
                                  limit=NAME_LIMIT)
        names[lang] = name
    unknown = [] if stage.terminal else [f for f in stage.required if f not in CHOOSABLE_FACTS]
    if unknown:
        raise ValidationError(f"{stage.code}.required", N_("Unknown required fact: {fact}."),
                              fact=", ".join(unknown))
    # a terminal stage is entered by closing, which asks for its own facts (the reason)
    required = () if stage.terminal else tuple(f for f in CHOOSABLE_FACTS
                                               if f in stage.required)
    return StageEdit(stage.code, stage.order, stage.terminal, names, required)


def save_stage_edits(db: Database, edits: list[StageEdit]) -> Saved[int]:
    """Save the names and required facts of the stages; returns how many stages changed.

    Refused outside the coordinator's database, and for a stage this database does not have
    (codes and order are fixed)."""
    if not can_edit(db):
        raise UserError(N_("Only the coordinator adjusts the stages; offices receive them in "
                           "the coordinator's exchange files."))
    cleaned = [_clean(e) for e in edits]
    changed = 0
    with db.session() as s:
        rows = {r.code: r for r in s.execute(select(RefItem).where(
            RefItem.list_name == STAGE_LIST, RefItem.deleted.is_(False))).scalars()}
        for e in cleaned:
            row = rows.get(e.code)
            if row is None:
                raise UserError(N_("There is no stage {code}; stages cannot be added."),
                                code=e.code)
            touched = False
            for lang in LANGS:
                if getattr(row, f"name_{lang}") != e.names[lang]:
                    setattr(row, f"name_{lang}", e.names[lang])
                    touched = True
            extra = dict(row.extra or {})
            if not e.terminal and list(extra.get("required", [])) != list(e.required):
                extra["required"] = list(e.required)
                row.extra = extra  # a new dict, so the JSON column is seen as changed
                touched = True
            changed += touched
    choices.clear()
    if not changed:
        return Saved(0)
    return Saved(changed, Changes.of(REFERENCE, CASES))
