from django.core.management.base import BaseCommand

from ombuds.outreach.reminders import send_reminders


class Command(BaseCommand):
    help = "Remind responsible units of events in three days and of records still incomplete a week after (daily)."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) sent")
