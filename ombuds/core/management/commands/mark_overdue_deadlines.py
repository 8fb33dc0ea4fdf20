from ombuds.core.deadlines import mark_overdue
from ombuds.core.jobs import MINUTE, PeriodicCommand


class Command(PeriodicCommand):
    help = (
        "Mark running deadlines past their due time as overdue and notify the people responsible "
        "(cron: every 15 minutes, at :00, :15, :30 and :45)."
    )
    job = "core.mark_overdue_deadlines"
    every = 15 * MINUTE

    def work(self) -> str:
        return f"{mark_overdue()} deadline(s) marked overdue"
