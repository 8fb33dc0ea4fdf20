from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ombuds.monitoring.importer import ImportRefused, import_places


class Command(BaseCommand):
    help = (
        "Import the register of places from a CSV or XLSX file; prints the rejected rows. The same file "
        "again continues an interrupted import and never adds a place twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, path: Path, **options):
        if not path.exists():
            raise CommandError(f"no such file: {path}")
        try:
            imp = import_places(None, path)
        except ImportRefused as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for problem in imp.problems.all():
            self.stdout.write(f"row {problem.row} ({problem.column}): {problem.message}")
        self.stdout.write(
            f"{imp.rows_done}/{imp.rows_total} rows: {imp.created_count} created, {imp.updated_count} updated, "
            f"{imp.rejected_count} rejected"
        )
        if imp.state != "done":
            raise CommandError(imp.message)
        if imp.rejected_count:
            raise CommandError("some rows were rejected (see above)")
