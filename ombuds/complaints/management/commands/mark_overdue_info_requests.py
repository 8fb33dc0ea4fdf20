from ombuds.complaints.services import mark_overdue_info_requests
from ombuds.core.jobs import HOUR, PeriodicCommand


class Command(PeriodicCommand):
    help = "Mark unanswered information requests past their due date as overdue (cron: hourly, on the hour)."
    job = "complaints.mark_overdue_info_requests"
    every = HOUR

    def work(self) -> str:
        return f"{mark_overdue_info_requests()} information request(s) marked overdue"
