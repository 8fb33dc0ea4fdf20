from django.core.management.base import BaseCommand

from ombuds.complaints.services import mark_overdue_info_requests


class Command(BaseCommand):
    help = "Mark unanswered information requests past their due date as overdue (cron: hourly)."

    def handle(self, *args, **options):
        self.stdout.write(f"{mark_overdue_info_requests()} information request(s) marked overdue")
