"""Demo advocacy runs: target institutions, partners, steps, proposals, products, publications.

Runs are made before the events (round tables link to them); their steps, proposals and the
products' evaluations after, so that steps can point at those round tables.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from app.demo.advocacy_data import (
    PREFIXES,
    PRODUCTS,
    PUBLICATIONS,
    RESPONSES,
    RUNS,
    STEP_TITLES,
)
from app.demo.context import Ctx, Writer
from app.ids import uuid7
from app.models import (
    AdvocacyRun,
    Product,
    ProductEvaluation,
    Proposal,
    Publication,
    RunInstitution,
    RunPartner,
    RunProduct,
    RunStep,
)

# How far a run has gone, by status: drafting, consultation, submission, response.
_REACHED = {"planning": 0, "drafting": 1, "consulting": 2, "submitted": 3,
            "awaiting_response": 3, "adopted": 4, "partly_adopted": 4, "rejected": 4}


def _timeline(ctx: Ctx, rng: random.Random, status: str,
              started: dt.date) -> dict[str, dt.date | None]:
    """When a run's proposals went in, the answer came and the run closed (None: not yet)."""
    reached = _REACHED[status]
    submitted = answered = closed = None
    if reached == 3:  # waiting: the first proposal's deadline has passed without an answer
        submitted = ctx.day(-rng.randint(45, 80))
    elif reached == 4:
        span = max(1, (ctx.day(-60) - started).days)
        submitted = started + dt.timedelta(days=rng.randint(span // 2, span))
        answered = submitted + dt.timedelta(days=rng.randint(14, 45))
        closed = min(answered + dt.timedelta(days=rng.randint(3, 20)), ctx.day(-1))
    return {"submitted": submitted, "answered": answered, "closed": closed}


def runs_open_on(ctx: Ctx, day: dt.date, office: str) -> list[dict[str, Any]]:
    """The office's runs (else any) under way on `day`: a round table can serve them."""
    def open_(run: dict[str, Any]) -> bool:
        return run["started_on"] <= day <= (run["closed"] or ctx.day(120))

    return [r for r in ctx.runs if r["office"] == office and open_(r)] or \
        [r for r in ctx.runs if open_(r)]


def make_runs(ctx: Ctx, w: Writer) -> None:
    rng = ctx.rng("advocacy")
    runs, institutions, partners, products, links = [], [], [], [], []
    for owner, title, goal, kind, document, targets, status, started, texts in RUNS:
        office = owner if owner in ctx.offices else ctx.codes[0]
        oid = ctx.office_id(office)
        started_on = ctx.day(-started)
        number = ctx.next_number(office, "run", started_on.year)
        ngos = [o for o in ctx.orgs_by_office.get(office, []) if o.kind == "ngo"] or ctx.orgs
        run_id = uuid7()
        timeline = _timeline(ctx, rng, status, started_on)
        runs.append({
            "id": run_id, "office_id": oid, "code": f"{office}-ADV-{started_on.year}-{number:03d}",
            "title": title, "goal": goal, "document_kind": kind, "document_title": document,
            "lead_organisation_id": rng.choice(ngos).id, "status": status,
            "started_on": started_on, "closed_on": timeline["closed"],
        })
        institutions += [{"office_id": oid, "run_id": run_id, "institution_code": code}
                         for code in targets]
        for org in rng.sample(ngos, min(len(ngos), rng.randint(1, 3))):
            partners.append({"office_id": oid, "run_id": run_id, "organisation_id": org.id,
                             "network_id": None})
        nets = [n for n in ctx.networks if n["office"] == office] or ctx.networks
        if nets:
            partners.append({"office_id": oid, "run_id": run_id, "organisation_id": None,
                             "network_id": rng.choice(nets)["id"]})
        ctx.runs.append({"id": run_id, "office": office, "status": status, "title": title,
                         "targets": targets, "started_on": started_on, "proposals": texts,
                         "round_tables": [], **timeline})
    coordinator = "VIL" if "VIL" in ctx.offices else ctx.codes[0]
    for title, kind, version, status, description in PRODUCTS:
        product_id = uuid7()
        ctx.products.append(product_id)
        products.append({"id": product_id, "office_id": ctx.office_id(coordinator),
                         "title": title, "kind": kind, "version": version, "status": status,
                         "description": description})
    for run in ctx.runs:
        for product_id in rng.sample(ctx.products, rng.randint(1, 2)):
            links.append({"office_id": ctx.office_id(run["office"]), "run_id": run["id"],
                          "product_id": product_id})
    w.add(AdvocacyRun, runs)
    w.add(RunInstitution, institutions)
    w.add(RunPartner, partners)
    w.add(Product, products)
    w.add(RunProduct, links)


def _proposals(ctx: Ctx, rng: random.Random, run: dict[str, Any], oid: str) -> list[dict[str, Any]]:
    rows = []
    for k, summary in enumerate(run["proposals"]):
        code = run["targets"][k % len(run["targets"])]
        row: dict[str, Any] = {"office_id": oid, "run_id": run["id"], "summary": summary,
                               "institution_code": code}
        if run["submitted"] is not None:
            submitted = run["submitted"] + dt.timedelta(days=0 if k == 0 else rng.randint(1, 12))
            row.update(submitted_on=submitted, response_due_on=submitted + dt.timedelta(days=30),
                       registration_number=f"{PREFIXES.get(code, 'R')}-{submitted.year}-"
                                           f"{rng.randint(100, 19999):05d}")
            if run["answered"] is not None:
                outcome = run["status"] if k == 0 else rng.choice(
                    ("adopted", "partly_adopted", "rejected", "no_answer"))
                if outcome != "no_answer":
                    row.update(response_on=max(run["answered"], submitted),
                               response_summary=RESPONSES[outcome])
                row["outcome"] = outcome
        rows.append(row)
    return rows


def make_run_details(ctx: Ctx, w: Writer) -> None:
    rng = ctx.rng("advocacy-details")
    steps, proposals = [], []
    for run in ctx.runs:
        oid = ctx.office_id(run["office"])
        staff = ctx.staff.get(run["office"], [])
        reached = _REACHED[run["status"]]
        until = run["submitted"] or ctx.day(-1)
        span = max(2, (until - run["started_on"]).days)
        dates = {
            "drafting": run["started_on"] + dt.timedelta(days=rng.randint(0, span // 3)),
            "consultation": run["started_on"] + dt.timedelta(days=rng.randint(span // 3,
                                                                               span - 1)),
            "submission": run["submitted"], "response": run["answered"],
        }
        for kind in ("drafting", "consultation", "submission", "response")[: reached + 1]:
            if dates[kind] is None:
                continue
            steps.append({"office_id": oid, "run_id": run["id"], "kind": kind,
                          "date": dates[kind], "title": STEP_TITLES[kind], "notes": "",
                          "responsible_id": rng.choice(staff).id if staff else None})
        for event_id, when, title in run["round_tables"]:
            steps.append({"office_id": oid, "run_id": run["id"], "kind": "round_table",
                          "date": when, "title": title, "event_id": event_id, "notes": "",
                          "responsible_id": rng.choice(staff).id if staff else None})
        proposals += _proposals(ctx, rng, run, oid)
    coordinator = ctx.office_id("VIL" if "VIL" in ctx.offices else ctx.codes[0])
    shown = [e for e in ctx.events if e["kind"] in ("seminar", "round_table", "conference")
             and e["held"]]
    evaluations = []
    for product_id in ctx.products:
        for k in range(rng.randint(1, 2)):
            event = rng.choice(shown) if shown else None
            evaluations.append({
                "office_id": coordinator, "product_id": product_id,
                "date": event["ends_on"] if event else ctx.day(-rng.randint(20, 200)),
                "evaluator": ("Teminio tinklo valdymo grupė", "Nepriklausoma ekspertė "
                              "dr. Aldona Vaitkienė")[k],
                "summary": "Produktas įvertintas teigiamai; pasiūlyta patikslinti tikslines "
                           "grupes ir papildyti pavyzdžiais.",
                "event_id": event["id"] if event else None,
            })
    publications = []
    for k, (title, outlet, language) in enumerate(PUBLICATIONS):
        publications.append({
            "office_id": coordinator, "title": title, "outlet": outlet, "language": language,
            "date": ctx.day(-rng.randint(5, 300)), "link": "",
            "run_id": ctx.runs[k % len(ctx.runs)]["id"] if k % 2 == 0 else None,
            "product_id": ctx.products[k % len(ctx.products)] if k % 2 else None,
        })
    w.add(RunStep, steps)
    w.add(Proposal, proposals)
    w.add(ProductEvaluation, evaluations)
    w.add(Publication, publications)
