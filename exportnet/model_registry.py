"""Imports every model module so that SQLAlchemy metadata (and Alembic) sees all tables."""

from exportnet.accounts import models as accounts_models
from exportnet.agency import models as agency_models
from exportnet.analytics import models as analytics_models
from exportnet.board import models as board_models
from exportnet.catalog import models as catalog_models
from exportnet.companies import models as companies_models
from exportnet.inquiries import models as inquiries_models
from exportnet.mail import models as mail_models
from exportnet.moderation import models as moderation_models
from exportnet.notices import models as notices_models
from exportnet.search import outbox as search_models

ALL_MODEL_MODULES = (
    accounts_models,
    companies_models,
    catalog_models,
    mail_models,
    search_models,
    notices_models,
    board_models,
    inquiries_models,
    moderation_models,
    agency_models,
    analytics_models,
)
