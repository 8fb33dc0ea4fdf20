"""Load the synthetic demo data. Idempotent: a second run adds nothing and prints the accounts.

`--year 2023` adds a synthetic year whose headline figures are the published ones (29,411
appeals, 347 visits, 76 proposals; ombuds/demo/year.py), the year before it (2022, the reports'
N−1 column), their datasets and the year's annual and NPM reports."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ombuds.accounts import demo as accounts_demo
from ombuds.complaints import demo as complaints_demo
from ombuds.demo import year as demo_year
from ombuds.demo import year_reports
from ombuds.focal import demo as focal_demo
from ombuds.monitoring import demo as monitoring_demo
from ombuds.outreach import demo as outreach_demo
from ombuds.portal import demo_news as portal_news_demo
from ombuds.portal import demo_pages as portal_pages_demo
from ombuds.recommendations import demo as recommendations_demo


class Command(BaseCommand):
    help = "Create demo staff and data through the services (refused in production)."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=300, help="How many demo applications (first run)")
        parser.add_argument(
            "--year",
            type=int,
            choices=sorted(demo_year.FIGURES),
            help="Also a synthetic year with the published headline figures (and the year before it), "
            "written in bulk, with its datasets and reports",
        )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("seed_demo is refused in production.")
        translation.activate("en")
        accounts = accounts_demo.seed(self.stdout)
        complaints_demo.seed(self.stdout, count=options["applications"])
        monitoring_demo.seed(self.stdout)
        recommendations_demo.seed(self.stdout)
        outreach_demo.seed(self.stdout)
        portal_pages_demo.seed(self.stdout)
        portal_news_demo.seed(self.stdout)
        focal_points = focal_demo.seed(self.stdout)
        if options["year"]:
            self._year(options["year"])
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready. Demo accounts (password for all: {accounts_demo.DEMO_PASSWORD}):")
        )
        for username, roles in accounts + focal_points:
            self.stdout.write(f"  {username:<20} {roles}")

    def _year(self, year: int) -> None:
        started = time.monotonic()
        for each in (year - 1, year) if year - 1 in demo_year.FIGURES else (year,):
            tag = demo_year.marker(each)
            if demo_year.is_there(each):
                self.stdout.write(f"  {tag} is there already: nothing added for {each}.")
                continue
            self.stdout.write(f"  {tag} writing a synthetic {each}: {demo_year.FIGURES[each].source}")
            try:
                made = demo_year.generate_year(each, out=self.stdout)
            except demo_year.YearNotEmpty as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"  {tag} " + ", ".join(f"{n} {what}" for what, n in made.items()))
        if year - 1 in demo_year.FIGURES:
            skipped = year_reports.make_reports(year, demo_year.marker(year), self.stdout)
            for step in skipped:
                self.stdout.write(self.style.WARNING(f"  not done: {step}"))
        self.stdout.write(f"  synthetic {year} ready in {time.monotonic() - started:.0f} s")
