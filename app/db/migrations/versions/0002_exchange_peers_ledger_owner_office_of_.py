"""exchange: peers, ledger, owner office of each change

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 04:39:18.827574
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('exchange_ledger',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('direction', sa.String(length=3), nullable=False),
    sa.Column('package_id', sa.String(length=36), nullable=False),
    sa.Column('peer_office_id', sa.String(length=36), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exchange_ledger'))
    )
    with op.batch_alter_table('exchange_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_ledger_file', ['file_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_exchange_ledger_package_id'), ['package_id'], unique=False)

    op.create_table('exchange_peers',
    sa.Column('office_id', sa.String(length=36), nullable=False),
    sa.Column('last_seq_in', sa.Integer(), nullable=False),
    sa.Column('last_hash_in', sa.String(length=64), nullable=False),
    sa.Column('next_seq_out', sa.Integer(), nullable=False),
    sa.Column('last_hash_out', sa.String(length=64), nullable=False),
    sa.Column('their_acks', sa.JSON(), nullable=False),
    sa.Column('instance_id', sa.String(length=36), nullable=False),
    sa.Column('their_own_seq', sa.Integer(), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['office_id'], ['offices.id'], name=op.f('fk_exchange_peers_office_id_offices')),
    sa.PrimaryKeyConstraint('office_id', name=op.f('pk_exchange_peers'))
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('owner_office_id', sa.String(length=36), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_column('owner_office_id')

    op.drop_table('exchange_peers')
    with op.batch_alter_table('exchange_ledger', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_ledger_package_id'))
        batch_op.drop_index('ix_exchange_ledger_file')

    op.drop_table('exchange_ledger')
