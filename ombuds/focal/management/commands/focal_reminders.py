from ombuds.core.jobs import DAY, PeriodicCommand
from ombuds.focal.services.reminders import send_focal_reminders


class Command(PeriodicCommand):
    help = (
        "Remind the authorities' focal points of each unanswered item before its due date "
        "(OMBUDS_FOCAL_REMINDER_DAYS working days) and once after it (cron: daily, at a fixed time)."
    )
    job = "focal.reminders"
    every = DAY

    def work(self) -> str:
        return f"{send_focal_reminders()} reminder(s) sent"
