from ombuds.core.jobs import DAY, PeriodicCommand
from ombuds.reports.reminders import send_reminders


class Command(PeriodicCommand):
    help = (
        "Start last year's annual report if nobody has (from 1 January), remind the Commissioner's office "
        "before it is due (OMBUDS_ANNUAL_REPORT_REMINDER_DAYS) and once when it passes unsubmitted "
        "(cron: daily, at a fixed time)."
    )
    job = "reports.annual_report_reminders"
    every = DAY

    def work(self) -> str:
        return f"{send_reminders()} reminder(s) sent"
