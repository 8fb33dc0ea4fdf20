from django.apps import AppConfig


class FixturesAppConfig(AppConfig):
    """Test-only models for the shared mechanisms (installed only under pytest, see settings)."""

    name = "tests.fixtures_app"
    label = "fixtures_app"
