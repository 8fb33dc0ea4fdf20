from ombuds.core.audit import sign_head
from ombuds.core.jobs import HOUR, PeriodicCommand


class Command(PeriodicCommand):
    help = "Sign the current audit chain head (cron: hourly, on the hour)."
    job = "core.audit_sign_head"
    every = HOUR

    def work(self) -> str:
        head = sign_head()
        if head is None:
            return "audit trail is empty: nothing to sign"
        return self.style.SUCCESS(f"signed head #{head[0]}")
