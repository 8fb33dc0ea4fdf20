from django.core.management.base import BaseCommand, CommandError

from ombuds.core.audit import verify_chain


class Command(BaseCommand):
    help = "Verify the audit hash chain and the signed heads; print the first broken sequence number."

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            raise CommandError(f"audit chain broken at sequence number {result.first_bad_seq}: {result.reason}")
        self.stdout.write(self.style.SUCCESS(f"audit chain verified: {result.checked} events"))
