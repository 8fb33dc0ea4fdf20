from ombuds.core.idempotency import purge_expired
from ombuds.core.jobs import HOUR, PeriodicCommand


class Command(PeriodicCommand):
    help = (
        "Delete idempotency keys and one-time form tokens past OMBUDS_IDEMPOTENCY_HOURS; a repeat after that is "
        "treated as new (cron: hourly, on the hour)."
    )
    job = "core.purge_idempotency_keys"
    every = HOUR

    def work(self) -> str:
        return f"{purge_expired()} expired idempotency key(s) deleted"
