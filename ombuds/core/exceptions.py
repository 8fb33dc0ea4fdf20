"""Exceptions that cross app boundaries (raised by a funnel in one app, handled by views and the
API of every app)."""


class PurposeRequired(Exception):
    """A secret-tier record was requested without a stated purpose."""
