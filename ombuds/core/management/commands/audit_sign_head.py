from django.core.management.base import BaseCommand

from ombuds.core.audit import sign_head


class Command(BaseCommand):
    help = "Sign the current audit chain head (run periodically, e.g. hourly from cron)."

    def handle(self, *args, **options):
        head = sign_head()
        if head is None:
            self.stdout.write("audit trail is empty: nothing to sign")
        else:
            self.stdout.write(self.style.SUCCESS(f"signed head #{head[0]}"))
