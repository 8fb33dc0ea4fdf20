from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ombuds.core import backups
from ombuds.core.backups import archive


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one archive encrypted with OMBUDS_BACKUP_KEY "
        "(the field-encryption keys are not in it; see the README, Backups)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="archive path (default: OMBUDS_BACKUP_DIR/ombuds-<UTC time>.obk)"
        )
        parser.add_argument("--generate-key", action="store_true", help="print a new backup key and exit")

    def handle(self, *args, **options):
        if options["generate_key"]:
            self.stdout.write(archive.new_key())
            return
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        path = Path(options["output"] or Path(settings.OMBUDS_BACKUP_DIR) / f"ombuds-{stamp}.obk")
        try:
            manifest = backups.write_backup(path, backups.backup_key())
        except (backups.BackupError, backups.ArchiveError) as exc:
            raise CommandError(str(exc)) from exc
        tables = manifest["tables"]
        self.stdout.write(
            f"{manifest['database']['vendor']}: {len(tables)} tables, {sum(tables.values())} rows; "
            f"{manifest['files']['count']} files ({manifest['files']['bytes']} bytes); "
            f"audit events: {manifest['audit']['events']}"
        )
        self.stdout.write("field-encryption keys not included: restore needs them from the key escrow")
        self.stdout.write(self.style.SUCCESS(f"backup written: {path} ({path.stat().st_size} bytes)"))
