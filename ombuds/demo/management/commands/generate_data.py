from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from ombuds.complaints.generate import generate
from ombuds.monitoring.generate import generate_places, generate_visits
from ombuds.recommendations.generate import generate_recommendations


class Command(BaseCommand):
    help = (
        "Bulk-insert a synthetic register, places and visits for load tests (e.g. --applications 1000000 makes "
        "50,000 places and 200,000 visits with it) and recommendations (--recommendations 500000: after "
        "visits, to authorities and places, over 15 years, in every status with their history), then ANALYZE. "
        "Refused in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=10000)
        parser.add_argument("--places", type=int, default=None, help="default: one per 20 applications")
        parser.add_argument("--visits", type=int, default=None, help="default: one per 5 applications")
        parser.add_argument("--recommendations", type=int, default=0)
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("generate_data is refused in production.")
        applications = options["applications"]
        places = applications // 20 if options["places"] is None else options["places"]
        visits = applications // 5 if options["visits"] is None else options["visits"]
        recommendations = options["recommendations"]
        if (
            min(applications, places, visits, recommendations) < 0
            or applications + places + visits + recommendations < 1
        ):
            raise CommandError(
                "Ask for at least one application, place, visit or recommendation (and no negative numbers)."
            )
        common = {"batch": options["batch"], "seed": options["seed"], "out": self.stderr}
        made = generate(applications, **common) if applications else 0
        made_places = generate_places(places, **common) if places else 0
        try:
            made_visits = generate_visits(visits, **common) if visits else 0
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        made_recs = generate_recommendations(recommendations, **common) if recommendations else 0
        # Fresh statistics, so that the planner knows the tables' new sizes before the first page.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(
                f"{made} applications, {made_places} places, {made_visits} visits and {made_recs} recommendations "
                "generated"
            )
        )
