"""Load the synthetic demo data. Idempotent: a second run adds nothing and prints the accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ombuds.accounts import demo as accounts_demo
from ombuds.complaints import demo as complaints_demo
from ombuds.focal import demo as focal_demo
from ombuds.monitoring import demo as monitoring_demo
from ombuds.outreach import demo as outreach_demo
from ombuds.recommendations import demo as recommendations_demo


class Command(BaseCommand):
    help = "Create demo staff and data through the services (refused in production)."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=300, help="How many demo applications (first run)")

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo is refused in production.")
        translation.activate("en")
        accounts = accounts_demo.seed(self.stdout)
        complaints_demo.seed(self.stdout, count=options["applications"])
        monitoring_demo.seed(self.stdout)
        recommendations_demo.seed(self.stdout)
        outreach_demo.seed(self.stdout)
        focal_points = focal_demo.seed(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Demo accounts (password for all: {accounts_demo.DEMO_PASSWORD}):")
        )
        for username, roles in accounts + focal_points:
            self.stdout.write(f"  {username:<20} {roles}")
