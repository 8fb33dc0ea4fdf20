from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ombuds.complaints.generate import generate


class Command(BaseCommand):
    help = "Bulk-insert a synthetic register for load tests (e.g. --applications 1000000). Refused in production."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=10000)
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_data is refused in production.")
        if options["applications"] < 1:
            raise CommandError("--applications must be at least 1")
        made = generate(options["applications"], batch=options["batch"], seed=options["seed"], out=self.stderr)
        self.stdout.write(self.style.SUCCESS(f"{made} applications generated"))
