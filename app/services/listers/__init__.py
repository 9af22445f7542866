"""Every area's list, registered with app.services.listing on import."""

from app.services.listers import organisations, people  # noqa: F401

for _optional in ("events", "networks", "cases", "runs", "certificates"):
    try:
        __import__(f"app.services.listers.{_optional}")
    except ModuleNotFoundError as exc:  # an area whose list has not been written yet
        if exc.name != f"app.services.listers.{_optional}":
            raise
