from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.monitoring.importer import ImportRefused, import_places


class Command(BaseCommand):
    help = "Import the register of places from a CSV or XLSX file; prints an error report per row."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, path: Path, **options):
        if not path.exists():
            raise CommandError(f"no such file: {path}")

        def progress(done, total):
            bar = "#" * int(30 * done / max(total, 1))
            self.stderr.write(f"\r[{bar:<30}] {done}/{total}", ending="")

        try:
            report = import_places(None, path, progress=progress)
        except ImportRefused as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stderr.write("")
        for row, message in report.errors:
            self.stdout.write(f"row {row}: {message}")
        self.stdout.write(f"{report.created} created, {report.updated} updated, {len(report.errors)} rejected")
        if report.errors:
            raise CommandError("some rows were rejected (see above)")
