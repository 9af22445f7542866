"""Services: the only way the UI and the command line read and change data.

Each area has its module; every function takes a Database, opens its own short session and
returns plain frozen dataclasses (never ORM objects). Mutating functions return `Saved` with the
kinds of record they changed, which the UI broadcasts so that stale tabs refresh.
"""
