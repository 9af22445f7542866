"""covering indexes for the people and organisation lists

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 05:15:48.728790
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisations_sort_en'))
        batch_op.drop_index(batch_op.f('ix_organisations_sort_lt'))
        batch_op.drop_index(batch_op.f('ix_organisations_sort_pl'))
        batch_op.drop_index(batch_op.f('ix_organisations_sort_ru'))
        batch_op.create_index('ix_organisations_list_en', ['sort_en', 'id', 'deleted', 'merged_into_id', 'archived'], unique=False)
        batch_op.create_index('ix_organisations_list_lt', ['sort_lt', 'id', 'deleted', 'merged_into_id', 'archived'], unique=False)
        batch_op.create_index('ix_organisations_list_pl', ['sort_pl', 'id', 'deleted', 'merged_into_id', 'archived'], unique=False)
        batch_op.create_index('ix_organisations_list_ru', ['sort_ru', 'id', 'deleted', 'merged_into_id', 'archived'], unique=False)

    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_people_sort_en'))
        batch_op.drop_index(batch_op.f('ix_people_sort_lt'))
        batch_op.drop_index(batch_op.f('ix_people_sort_pl'))
        batch_op.drop_index(batch_op.f('ix_people_sort_ru'))
        batch_op.create_index('ix_people_list_en', ['sort_en', 'id', 'deleted', 'merged_into_id', 'archived', 'search_text'], unique=False)
        batch_op.create_index('ix_people_list_lt', ['sort_lt', 'id', 'deleted', 'merged_into_id', 'archived', 'search_text'], unique=False)
        batch_op.create_index('ix_people_list_pl', ['sort_pl', 'id', 'deleted', 'merged_into_id', 'archived', 'search_text'], unique=False)
        batch_op.create_index('ix_people_list_ru', ['sort_ru', 'id', 'deleted', 'merged_into_id', 'archived', 'search_text'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('people', schema=None) as batch_op:
        batch_op.drop_index('ix_people_list_ru')
        batch_op.drop_index('ix_people_list_pl')
        batch_op.drop_index('ix_people_list_lt')
        batch_op.drop_index('ix_people_list_en')
        batch_op.create_index(batch_op.f('ix_people_sort_ru'), ['sort_ru'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_sort_pl'), ['sort_pl'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_sort_lt'), ['sort_lt'], unique=False)
        batch_op.create_index(batch_op.f('ix_people_sort_en'), ['sort_en'], unique=False)

    with op.batch_alter_table('organisations', schema=None) as batch_op:
        batch_op.drop_index('ix_organisations_list_ru')
        batch_op.drop_index('ix_organisations_list_pl')
        batch_op.drop_index('ix_organisations_list_lt')
        batch_op.drop_index('ix_organisations_list_en')
        batch_op.create_index(batch_op.f('ix_organisations_sort_ru'), ['sort_ru'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisations_sort_pl'), ['sort_pl'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisations_sort_lt'), ['sort_lt'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisations_sort_en'), ['sort_en'], unique=False)

