from ombuds.core.jobs import DAY, PeriodicCommand
from ombuds.recommendations.services import send_reminders


class Command(PeriodicCommand):
    help = (
        "Remind the responsible staff member of a recommendation not yet implemented before its due date "
        "(OMBUDS_RECOMMENDATION_REMINDER_DAYS) and once after it (cron: daily, at a fixed time)."
    )
    job = "recommendations.reminders"
    every = DAY

    def work(self) -> str:
        return f"{send_reminders()} reminder(s) sent"
