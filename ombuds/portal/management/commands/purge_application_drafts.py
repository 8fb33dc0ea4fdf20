from ombuds.core.jobs import HOUR, PeriodicCommand
from ombuds.portal.services.apply import purge_application_drafts


class Command(PeriodicCommand):
    help = (
        "Delete the online application drafts past OMBUDS_APPLICATION_DRAFT_DAYS; their resume links and "
        "cookies stop working (cron: hourly, on the hour)."
    )
    job = "portal.purge_application_drafts"
    every = HOUR

    def work(self) -> str:
        return f"{purge_application_drafts()} expired application draft(s) deleted"
