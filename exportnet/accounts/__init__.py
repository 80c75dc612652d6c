"""Users, roles, login, email verification, password reset, API tokens."""
