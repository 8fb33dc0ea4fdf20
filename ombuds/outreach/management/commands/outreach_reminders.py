from ombuds.core.jobs import DAY, PeriodicCommand
from ombuds.outreach.reminders import send_reminders


class Command(PeriodicCommand):
    help = (
        "Remind responsible units of events in three days and of records still incomplete a week after "
        "(cron: daily, at midnight UTC)."
    )
    job = "outreach.reminders"
    every = DAY

    def work(self) -> str:
        return f"{send_reminders()} reminder(s) sent"
