from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Top layer: loads synthetic demo data through every app's services (see seed_demo)."""

    name = "ombuds.demo"
    label = "demo"
    verbose_name = "Demo data"
