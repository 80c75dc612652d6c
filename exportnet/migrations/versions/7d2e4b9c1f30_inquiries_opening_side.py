"""inquiries.opening_side: companies open a thread when they answer a buying request

Revision ID: 7d2e4b9c1f30
Revises: c380635cb7a0
Create Date: 2026-12-02 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7d2e4b9c1f30'
down_revision = 'c380635cb7a0'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('opening_side', sa.String(length=8), server_default='buyer', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('inquiries', schema=None) as batch_op:
        batch_op.drop_column('opening_side')
