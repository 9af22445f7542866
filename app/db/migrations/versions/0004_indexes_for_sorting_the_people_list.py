"""indexes for sorting the people list by other columns

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 07:40:00
"""

from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = ("birth_year", "municipality_code", "phone", "email", "preferred_language")


def upgrade() -> None:
    for column in COLUMNS:
        op.create_index(f"ix_people_{column}", "people", [column], unique=False)


def downgrade() -> None:
    for column in COLUMNS:
        op.drop_index(f"ix_people_{column}", table_name="people")
