"""Advocacy runs' status and kind labels (no SQLAlchemy): the runs list imports them without
loading the ORM; `app.services.advocacy` imports them back, so there is one definition."""

from __future__ import annotations

from app.i18n import N_

RUN_STATUS = {
    "planning": N_("planning"), "drafting": N_("drafting"), "consulting": N_("consulting"),
    "submitted": N_("submitted"), "awaiting_response": N_("awaiting response"),
    "adopted": N_("adopted"), "partly_adopted": N_("partly adopted"),
    "rejected": N_("rejected"), "no_answer": N_("no answer"), "withdrawn": N_("withdrawn"),
    "closed": N_("closed"),
}
DOCUMENT_KIND = {
    "law": N_("law"), "regulation": N_("regulation"), "programme": N_("programme"),
    "strategy": N_("strategy"), "municipal_decision": N_("municipal decision"),
    "other": N_("other document"),
}
STEP_KIND = {
    "drafting": N_("drafting the text"), "consultation": N_("consultation"), "event": N_("event"),
    "round_table": N_("round table"), "meeting": N_("meeting"), "letter": N_("letter"),
    "submission": N_("submission"), "response": N_("response"), "outcome": N_("outcome"),
    "publication": N_("publication"), "other": N_("other"),
}
OUTCOME = {
    "adopted": N_("adopted"), "partly_adopted": N_("partly adopted"), "rejected": N_("rejected"),
    "no_answer": N_("no answer"), "withdrawn": N_("withdrawn"),
}
PRODUCT_KIND = {
    "model": N_("model"), "methodology": N_("methodology"), "study": N_("study"),
    "recommendations": N_("recommendations"), "other": N_("other"),
}
PRODUCT_STATUS = {"draft": N_("draft"), "evaluated": N_("evaluated"), "final": N_("final")}
