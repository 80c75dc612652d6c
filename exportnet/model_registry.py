"""Imports every model module so that SQLAlchemy metadata (and Alembic) sees all tables."""

from exportnet.accounts import models as accounts_models
from exportnet.companies import models as companies_models

ALL_MODEL_MODULES = (accounts_models, companies_models)
