"""Products the project promotes (the model, methodologies, studies, recommendations), their
evaluations and presentations, the runs that promote them; publications in the press.

A product's status moves forward with its evaluations: the first evaluation of a draft makes it
"evaluated"; "final" is set by hand and is not undone by a later evaluation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import NotFoundError, ValidationError
from app.i18n import N_, current_language
from app.models import AdvocacyRun, Event, Product, ProductEvaluation, Publication, RunProduct
from app.services import validate as v
from app.services.advocacy import PRODUCT_KIND, PRODUCT_STATUS
from app.services.events import LANGUAGE_NAMES, label
from app.services.results import RUNS, Changes, Saved
from app.text import sort_key


@dataclass(frozen=True)
class ProductData:
    id: str | None = None
    title: str = ""
    kind: str = "methodology"
    version: str = "1.0"
    status: str = "draft"
    description: str = ""
    run_ids: tuple[str, ...] = field(default_factory=tuple)  # the runs that promote it


@dataclass(frozen=True)
class EvaluationData:
    id: str | None = None
    product_id: str = ""
    date: dt.date | None = None
    evaluator: str = ""
    summary: str = ""
    event_id: str | None = None  # a presentation or an evaluation seminar


@dataclass(frozen=True)
class PublicationData:
    id: str | None = None
    title: str = ""
    outlet: str = ""
    date: dt.date | None = None
    language: str = "lt"
    link: str = ""  # a web address or the path of a scan
    run_id: str | None = None
    product_id: str | None = None


@dataclass(frozen=True)
class EvaluationLine:
    id: str
    date: dt.date
    evaluator: str
    summary: str
    event_code: str


@dataclass(frozen=True)
class ProductSummary:
    id: str
    title: str
    kind_label: str
    version: str
    status: str
    status_label: str
    description: str
    runs: tuple[str, ...]  # run codes
    evaluations: tuple[EvaluationLine, ...]


def _live(s: Session, model: Any, *conds: Any) -> list[Any]:
    return list(s.execute(select(model).where(model.deleted.is_(False), *conds)).scalars())


def _product(s: Session, product_id: str) -> Product:
    p = s.get(Product, product_id)
    if p is None or p.deleted:
        raise NotFoundError(N_("This product is no longer in the database."))
    return p


def list_products(db: Database) -> list[ProductSummary]:
    lang = current_language()
    with db.reader() as s:
        products = _live(s, Product)
        runs: dict[str, list[str]] = {}
        for pid, code in s.execute(
            select(RunProduct.product_id, AdvocacyRun.code)
            .join(AdvocacyRun, AdvocacyRun.id == RunProduct.run_id)
            .where(RunProduct.deleted.is_(False), AdvocacyRun.deleted.is_(False))
            .order_by(AdvocacyRun.code)).all():
            runs.setdefault(pid, []).append(code)
        evals: dict[str, list[EvaluationLine]] = {}
        codes = dict(s.execute(select(Event.id, Event.code)).all())
        for e in s.execute(select(ProductEvaluation).where(ProductEvaluation.deleted.is_(False))
                           .order_by(ProductEvaluation.date)).scalars():
            evals.setdefault(e.product_id, []).append(EvaluationLine(
                e.id, e.date, e.evaluator, e.summary, codes.get(e.event_id or "", "")))
        result = [ProductSummary(p.id, p.title, label(PRODUCT_KIND, p.kind), p.version, p.status,
                                 label(PRODUCT_STATUS, p.status), p.description,
                                 tuple(runs.get(p.id, ())), tuple(evals.get(p.id, ())))
                  for p in products]
    return sorted(result, key=lambda p: sort_key(p.title, lang))


def load_product(db: Database, product_id: str) -> ProductData:
    with db.reader() as s:
        p = _product(s, product_id)
        runs = [r.run_id for r in _live(s, RunProduct, RunProduct.product_id == product_id)]
        return ProductData(p.id, p.title, p.kind, p.version, p.status, p.description,
                           tuple(dict.fromkeys(runs)))


def save_product(db: Database, data: ProductData) -> Saved[ProductData]:
    title = v.max_len("title", v.required("title", data.title, N_("Title")), 300, N_("Title"))
    v.choice("kind", data.kind, tuple(PRODUCT_KIND), N_("Kind"))
    v.choice("status", data.status, tuple(PRODUCT_STATUS), N_("Status"))
    version = v.max_len("version", v.required("version", data.version, N_("Version")), 20,
                        N_("Version"))
    data = replace(data, title=" ".join(title.split()), version=version,
                   description=data.description.strip(),
                   run_ids=tuple(dict.fromkeys(r for r in data.run_ids if r)))
    with db.session() as s:
        if data.id is None:
            p = Product(title=data.title)
            s.add(p)
        else:
            p = _product(s, data.id)
        p.title, p.kind, p.version = data.title, data.kind, data.version
        p.status, p.description = data.status, data.description
        s.flush()
        kept: set[str] = set()
        for link in _live(s, RunProduct, RunProduct.product_id == p.id):
            if link.run_id in data.run_ids and link.run_id not in kept:
                kept.add(link.run_id)
            else:
                link.deleted = True
        s.add_all([RunProduct(run_id=r, product_id=p.id) for r in data.run_ids if r not in kept])
        s.flush()
        result = replace(data, id=p.id)
    return Saved(result, Changes.of(RUNS, ids=[result.id or "", *data.run_ids]))


def save_evaluation(db: Database, data: EvaluationData,
                    today: dt.date | None = None) -> Saved[EvaluationData]:
    today = today or dt.date.today()
    day = data.date
    if day is None:
        raise ValidationError("date", N_("{label} is required."), label=N_("Date"))
    if day > today:
        raise ValidationError("date", N_("An evaluation cannot be dated in the future."))
    evaluator = v.max_len("evaluator", data.evaluator.strip(), 200, N_("Evaluator"))
    data = replace(data, evaluator=evaluator, summary=data.summary.strip())
    with db.session() as s:
        p = _product(s, data.product_id)
        if data.id is None:
            e = ProductEvaluation(product_id=p.id, date=day)
            s.add(e)
        else:
            found = s.get(ProductEvaluation, data.id)
            if found is None or found.deleted:
                raise NotFoundError(N_("This evaluation is no longer in the database."))
            e = found
        e.date, e.evaluator, e.summary = day, data.evaluator, data.summary
        e.event_id = data.event_id or None
        if p.status == "draft":
            p.status = "evaluated"
        s.flush()
        result = replace(data, id=e.id)
    return Saved(result, Changes.of(RUNS, ids=[p.id]))


# -- publications ------------------------------------------------------------------------------

def load_publication(db: Database, publication_id: str) -> PublicationData:
    with db.reader() as s:
        p = s.get(Publication, publication_id)
        if p is None or p.deleted:
            raise NotFoundError(N_("This publication is no longer in the database."))
        return PublicationData(p.id, p.title, p.outlet, p.date, p.language, p.link, p.run_id,
                               p.product_id)


def save_publication(db: Database, data: PublicationData,
                     today: dt.date | None = None) -> Saved[PublicationData]:
    today = today or dt.date.today()
    title = v.max_len("title", v.required("title", data.title, N_("Title")), 300, N_("Title"))
    v.max_len("outlet", data.outlet.strip(), 200, N_("Outlet"))
    v.max_len("link", data.link.strip(), 500, N_("Link or scan"))
    v.choice("language", data.language, tuple(LANGUAGE_NAMES), N_("Language"))
    if data.date and data.date > today:
        raise ValidationError("date", N_("A publication cannot be dated in the future."))
    data = replace(data, title=" ".join(title.split()), outlet=data.outlet.strip(),
                   link=data.link.strip())
    with db.session() as s:
        if data.id is None:
            p = Publication(title=data.title)
            s.add(p)
        else:
            found_pub = s.get(Publication, data.id)
            if found_pub is None or found_pub.deleted:
                raise NotFoundError(N_("This publication is no longer in the database."))
            p = found_pub
        for f in ("title", "outlet", "date", "language", "link"):
            setattr(p, f, getattr(data, f))
        p.run_id, p.product_id = data.run_id or None, data.product_id or None
        s.flush()
        result = replace(data, id=p.id)
    return Saved(result, Changes.of(RUNS, ids=[r for r in (data.run_id,) if r]))


def remove_publication(db: Database, publication_id: str) -> Saved[str]:
    with db.session() as s:
        p = s.get(Publication, publication_id)
        if p is None or p.deleted:
            raise NotFoundError(N_("This publication is no longer in the database."))
        p.deleted = True
    return Saved(publication_id, Changes.of(RUNS))


@dataclass(frozen=True)
class PublicationSummary:
    id: str
    date: dt.date | None
    title: str
    outlet: str
    language_label: str
    link: str
    run_code: str


def list_publications(db: Database) -> list[PublicationSummary]:
    """Every publication, the newest first (undated ones last)."""
    with db.reader() as s:
        codes = dict(s.execute(select(AdvocacyRun.id, AdvocacyRun.code)).all())
        rows = s.execute(select(Publication).where(Publication.deleted.is_(False))
                         .order_by(Publication.date.is_(None), Publication.date.desc(),
                                   Publication.title)).scalars().all()
        return [PublicationSummary(p.id, p.date, p.title, p.outlet,
                                   label(LANGUAGE_NAMES, p.language), p.link,
                                   codes.get(p.run_id or "", "")) for p in rows]
