from ombuds.core.jobs import HOUR, PeriodicCommand
from ombuds.recommendations.services import mark_no_response


class Command(PeriodicCommand):
    help = (
        "Mark issued recommendations whose response term ran out as “no response” and tell the responsible "
        "staff member (cron: hourly, on the hour)."
    )
    job = "recommendations.no_response"
    every = HOUR

    def work(self) -> str:
        return f"{mark_no_response()} recommendation(s) marked no response"
