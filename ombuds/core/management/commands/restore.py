from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.core import backups


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty database (and its files into the storage): every checksum is "
        "verified before anything is written; the row counts and the audit chain are checked afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--verify-only", action="store_true", help="authenticate the archive and check its checksums; write nothing"
        )
        parser.add_argument(
            "--no-owner",
            action="store_true",
            help="PostgreSQL: do not restore owners and grants (the roles do not exist on this server); "
            "grant the application role its rights afterwards",
        )

    def handle(self, *args, **options):
        path = Path(options["archive"])
        try:
            key = backups.backup_key()
            if options["verify_only"]:
                manifest = backups.verify_archive(path, key)
                self._describe(manifest)
                parts = len(manifest["parts"])
                self.stdout.write(self.style.SUCCESS(f"archive verified: {parts} parts, checksums equal"))
                return
            report = backups.restore(path, key, no_owner=options["no_owner"])
        except (backups.BackupError, backups.ArchiveError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self._describe(report.manifest)
        self.stdout.write(
            f"files: {report.files_written} written, "
            f"{report.files_already_there} already in the storage (same checksum)"
        )
        checked = report.audit.checked if report.audit else 0
        self.stdout.write(f"rows of every table equal to the manifest; audit chain verified: {checked} events")
        if report.audit_note:
            self.stdout.write(self.style.WARNING(report.audit_note))
        if report.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.pending_migrations)} migrations are newer than the backup: run migrate"
                )
            )
        self.stdout.write(self.style.SUCCESS("restore complete"))

    def _describe(self, manifest):
        app = manifest["app"]
        self.stdout.write(
            f"backup of {manifest['created_at']} by version {app['version']} {app['commit'][:12]}; "
            f"{manifest['database']['vendor']}, {len(manifest['tables'])} tables, {manifest['files']['count']} files"
        )
        self.stdout.write(f"needs the field keys {', '.join(manifest['keys']['field_key_ids'])} from the key escrow")
