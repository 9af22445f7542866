"""Every area's list, one module each; a module registers its lister with
app.services.listing when imported, and `listing.lister(kind)` imports only the one it needs."""

MODULES = {
    "people": "people",
    "organisations": "organisations",
    "events": "events",
    "networks": "networks",
    "cases": "cases",
    "runs": "runs",
    "certificates": "certificates",
}
