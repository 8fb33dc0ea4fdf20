from django.core.management.base import BaseCommand

from ombuds.core.deadlines import mark_overdue


class Command(BaseCommand):
    help = (
        "Mark running deadlines past their due time as overdue and notify the people responsible (cron: every 15 min)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{mark_overdue()} deadline(s) marked overdue")
