from django.apps import AppConfig


class FixturesAppConfig(AppConfig):
    """Test-only models for the shared mechanisms; tables are created without migrations."""

    name = "tests.fixtures_app"
    label = "fixtures_app"
