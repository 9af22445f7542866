"""Database access: engine, migrations, backups and the Database handle."""

from app.db.database import Database, LocalOffice

__all__ = ["Database", "LocalOffice"]
