"""Bulk import of a spreadsheet (CSV or XLSX) into the register, shared by every app.

An app describes one kind of import as an `Importer` (which columns, how a row is checked, how a
batch of checked rows is written) and registers it here; this module does the rest, the same way
for every kind:

- **Once per file.** The upload is stored (Django's storage API) and recorded as an `Import` with
  the file's SHA-256. The same file with the same options is the same import: starting it again
  continues after the last committed batch, so nothing is written twice.
- **In batches.** Rows are read as a stream and checked one by one; each batch of checked rows is
  written and committed in one transaction together with the import's counters. A runner that
  finds the counter moved on (another runner got there first) stops without writing.
- **Checked per row.** A rejected row is kept with its row number, column and message (in the
  importer's language) and can be downloaded as CSV; the other rows go in.
- **In the background.** `start_import` enqueues the job (`core.tasks`); the page polls the
  record for its progress.
- **Audited once.** One event at the end (`<app>.<model>.imported`) with the counts and the file's
  SHA-256, instead of one event per row.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import os
import re
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import IO, Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.choices import ImportState
from ombuds.core.models import Import, ImportProblem
from ombuds.core.services import require
from ombuds.core.tasks import enqueue_on_commit, task

M = TypeVar("M", bound=models.Model)
EXTENSIONS = ("csv", "xlsx")
MAX_UNZIPPED = 2 * 1024**3  # a workbook that expands beyond this is refused (zip bomb)


class ImportRefused(ValidationError):
    """The file as a whole cannot be read: nothing is imported, and the message says why."""


class RowProblem(Exception):  # noqa: N818 - a row's fault, not a program error
    """Raised by `Importer.parse` for a row that cannot go in: which column and why."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


class Importer:
    """One kind of import. Subclasses set the attributes and implement `prepare`, `parse` and
    `write`; `parse` must not query the database per row (look up in what `prepare` loaded)."""

    kind = ""  # slug, in URLs: /core/imports/new/<kind>/
    label: Any = ""
    permission = ""  # who may start one and see its report
    audit_action = ""  # "<app>.<model>.imported"
    batch_size = 1000
    form_class: Any = None  # the upload form, when the kind needs more than the file (core.views_imports)

    def required(self, options: dict) -> list[str]:
        """Columns the file's header must have."""
        return []

    def prepare(self, imp: Import) -> Any:
        """Load what rows are checked against (districts, authorities, existing records) once."""
        return None

    def parse(self, ctx: Any, row: dict[str, str]) -> Any:
        """Check one row and return what `write` needs; raise RowProblem to reject it."""
        raise NotImplementedError

    def write(self, actor, ctx: Any, items: list[Any]) -> tuple[int, int]:
        """Write one batch through the app's service; return (created, updated)."""
        raise NotImplementedError


REGISTRY: dict[str, Importer] = {}


def register(importer: Importer) -> Importer:
    REGISTRY[importer.kind] = importer
    return importer


def importer_for(kind: str) -> Importer:
    return REGISTRY[kind]


# --- Reading files -----------------------------------------------------------------------------


def _cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _reads_as_russian(text: str) -> bool:
    """Latin-1 or Turkish text decoded as Windows-1251 turns its accented letters into Cyrillic
    inside Latin words ("Café" → "Cafй"); real Russian text has whole Cyrillic words."""
    letters = [ch for ch in text if ch.isalpha() and not ch.isascii()]
    if not letters or sum(map(_cyrillic, letters)) < 0.9 * len(letters):
        return False
    words = re.findall(r"[^\W\d_]+", text)
    return not any(any(map(_cyrillic, w)) and any(ch.isascii() for ch in w) for w in words)


def _encoding(handle: IO[bytes]) -> str:
    """UTF-8 (with or without the BOM that spreadsheet programs add), read through to the end in
    chunks; else Windows-1251 when the text it gives is Russian, as Cyrillic files from older
    offices are; else refused: a guess in another single-byte code page would import mangled names
    without a word."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    handle.seek(0)
    try:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    handle.seek(0)
    sample = handle.read(1 << 20)
    try:
        text = sample.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    if _reads_as_russian(text):
        return "cp1251"
    raise ImportRefused(
        _("The file is not in UTF-8. Save it as “CSV UTF-8” (or as XLSX) and import it again."), code="encoding"
    )


def _csv_rows(handle: IO[bytes]) -> tuple[list[str], Iterator[list[str]]]:
    encoding = _encoding(handle)
    handle.seek(0)
    reader = csv.reader(io.TextIOWrapper(handle, encoding=encoding, newline=""))
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise ImportRefused(_("The file is not a readable CSV table."), code="csv") from exc

    def rows() -> Iterator[list[str]]:
        try:
            yield from reader
        except csv.Error as exc:
            raise ImportRefused(_("The file is not a readable CSV table."), code="csv") from exc

    return [h.strip() for h in header], rows()


def _xlsx_rows(handle: IO[bytes]) -> tuple[list[str], Iterator[list[str]]]:
    from openpyxl import load_workbook  # only needed for spreadsheets

    refused = ImportRefused(
        _("The file is not a readable XLSX workbook. Open it in a spreadsheet program and save it again."), code="xlsx"
    )
    try:
        with zipfile.ZipFile(handle) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_UNZIPPED:
                raise refused
        handle.seek(0)
        sheet = load_workbook(handle, read_only=True, data_only=True).active
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise refused from exc
    values = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip() for h in next(values, ())]

    def rows() -> Iterator[list[str]]:
        for line in values:
            yield ["" if v is None else str(v).strip() for v in line]

    return header, rows()


def read_table(handle: IO[bytes], ext: str) -> tuple[list[str], Iterator[dict[str, str]]]:
    """The header and the data rows as dicts, read as a stream (never the whole file as rows)."""
    header, rows = _xlsx_rows(handle) if ext == "xlsx" else _csv_rows(handle)

    def dicts() -> Iterator[dict[str, str]]:
        for values in rows:
            if any(values):  # blank lines at the end of a spreadsheet are not rows
                yield dict(zip(header, values, strict=False))

    return header, dicts()


def _count_rows(imp: Import) -> int:
    with default_storage.open(imp.stored_name, "rb") as handle:
        _header, rows = read_table(handle, _ext(imp.stored_name))
        return sum(1 for _ in rows)


def _ext(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


# --- Starting an import ------------------------------------------------------------------------


def _digest(handle: Iterable[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in handle:
        digest.update(chunk)
    return digest.hexdigest()


def options_digest(options: dict) -> str:
    return (
        hashlib.sha256(json.dumps(options, sort_keys=True, ensure_ascii=False).encode()).hexdigest() if options else ""
    )


def start_import(actor, kind: str, uploaded, options: dict | None = None, *, background: bool = True) -> Import:
    """Record the file (or find the import of the same file and options) and run it: in the
    background by default, here and now with `background=False` (the management commands)."""
    importer = importer_for(kind)
    require(actor, importer.permission)
    name = os.path.basename(uploaded.name or "")
    ext = _ext(name)
    if ext not in EXTENSIONS:
        raise ValidationError({"file": _("Import a CSV or XLSX file.")})
    sha256 = _digest(uploaded.chunks())
    options = options or {}
    with transaction.atomic():
        imp = (
            Import.objects.select_for_update()
            .filter(kind=kind, sha256=sha256, options_sha256=options_digest(options))
            .first()
        )
        if imp is None:
            uploaded.seek(0)
            stored = default_storage.save(f"imports/{uuid.uuid4().hex}.{ext}", uploaded)
            imp = Import.objects.create(
                kind=kind,
                file_name=name[:255],
                stored_name=stored,
                sha256=sha256,
                options=options,
                options_sha256=options_digest(options),
                language=translation.get_language() or "az",
                created_by=actor,
                updated_by=actor,
            )
        elif imp.state == ImportState.DONE:
            return imp  # the same file again: nothing left to do
        else:  # continue (or, for a refused file, say why again) in the language of who asks now
            imp.language = translation.get_language() or imp.language
            imp.save(update_fields=["language", "updated_at"])
        if background:
            enqueue_on_commit(run_import_task, imp.pk)
    if not background:
        run_import(imp.pk)
        imp.refresh_from_db()
    return imp


def get_import_for_user(user, public_id) -> Import:
    """The funnel: an import is seen by whoever may start one of its kind (404 for the others)."""
    imp = Import.objects.filter(public_id=public_id).first()
    if imp is None or imp.kind not in REGISTRY or not user.has_perm(REGISTRY[imp.kind].permission):
        raise Http404
    return imp


# --- Running it --------------------------------------------------------------------------------


class _Superseded(Exception):  # noqa: N818
    """Another runner committed this batch first."""


@task()
def run_import_task(import_id: int) -> str:
    return run_import(import_id)


def run_import(import_id: int) -> str:
    """Run (or continue) an import; return its final state."""
    imp = Import.objects.select_related("created_by").get(pk=import_id)
    if imp.state == ImportState.DONE:
        return imp.state
    importer = importer_for(imp.kind)
    with translation.override(imp.language):
        try:
            _run(imp, importer)
        except ImportRefused as exc:
            _finish(imp, ImportState.REFUSED, " ".join(exc.messages))
        except _Superseded:
            return ImportState.RUNNING
        except PermissionDenied:
            _finish(imp, ImportState.FAILED, _("The person who started the import may no longer import."))
        except Exception as exc:  # noqa: BLE001 - kept on the record; the same file continues later
            _finish(
                imp,
                ImportState.FAILED,
                _("Stopped after row %(row)s: %(error)s") % {"row": imp.rows_done + 1, "error": type(exc).__name__},
            )
            raise
    imp.refresh_from_db()
    return imp.state


def _finish(imp: Import, state: str, message: str = "") -> None:
    Import.objects.filter(pk=imp.pk).update(state=state, message=message, finished_at=timezone.now())


def _run(imp: Import, importer: Importer) -> None:
    actor = imp.created_by
    require(actor, importer.permission)
    Import.objects.filter(pk=imp.pk).update(state=ImportState.RUNNING)
    with default_storage.open(imp.stored_name, "rb") as handle:
        header, rows = read_table(handle, _ext(imp.stored_name))
        missing = [name for name in importer.required(imp.options) if name not in header]
        if missing:
            raise ImportRefused(_("Columns missing from the file: %(columns)s.") % {"columns": ", ".join(missing)})
        if imp.rows_total is None:
            imp.rows_total = _count_rows(imp)
            Import.objects.filter(pk=imp.pk).update(rows_total=imp.rows_total)
        ctx = importer.prepare(imp)
        numbered = enumerate(rows, start=2)  # row 1 is the header
        done = imp.rows_done
        for _skipped in islice(numbered, done):
            pass
        while chunk := list(islice(numbered, importer.batch_size)):
            _batch(imp, importer, actor, ctx, chunk, done)
            done += len(chunk)
    with transaction.atomic():
        imp = Import.objects.select_for_update().get(pk=imp.pk)
        if imp.state != ImportState.RUNNING:
            raise _Superseded
        imp.state, imp.finished_at, imp.message = ImportState.DONE, timezone.now(), ""
        imp.save(update_fields=["state", "finished_at", "message", "updated_at"])
        audit.record(
            importer.audit_action,
            actor=actor,
            obj=imp,
            changes={
                "kind": imp.kind,
                "rows": imp.rows_done,
                "created": imp.created_count,
                "updated": imp.updated_count,
                "rejected": imp.rejected_count,
                "sha256": imp.sha256,
            },
        )


def _batch(imp: Import, importer: Importer, actor, ctx, chunk: list[tuple[int, dict]], done: int) -> None:
    items, problems = [], []
    for number, row in chunk:
        try:
            items.append(importer.parse(ctx, row))
        except RowProblem as problem:
            problems.append(ImportProblem(batch=imp, row=number, column=problem.column, message=problem.message))
    with transaction.atomic():
        current = Import.objects.select_for_update().only("rows_done", "state").get(pk=imp.pk)
        if current.rows_done != done or current.state != ImportState.RUNNING:
            raise _Superseded
        created, updated = importer.write(actor, ctx, items)
        ImportProblem.objects.bulk_create(problems)
        Import.objects.filter(pk=imp.pk).update(
            rows_done=models.F("rows_done") + len(chunk),
            created_count=models.F("created_count") + created,
            updated_count=models.F("updated_count") + updated,
            rejected_count=models.F("rejected_count") + len(problems),
            updated_at=timezone.now(),
        )


# --- Writing in bulk ---------------------------------------------------------------------------

# Fields whose value goes to the database as the attribute holds it (psycopg adapts the Python
# type); any other field (encrypted text, JSON) is prepared by the field itself, as save() does.
_PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,
    models.UUIDField,
    models.ForeignKey,
    models.DecimalField,
)


def _stamped(field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


def _plain(field) -> bool:
    if getattr(field, "encrypted", False) or getattr(field, "tier_encrypted", False):
        return False
    return isinstance(field, _PLAIN)


def maker(model: type[M]) -> Callable[..., M]:
    """A constructor of new `model` instances from field values (by attname, e.g. district_id),
    with the fields' defaults for the rest. It passes the values positionally, which skips the
    keyword handling of Model.__init__: an import builds tens of thousands of them."""
    fields = model._meta.concrete_fields
    calls = {f.attname: f.default for f in fields if f.has_default() and callable(f.default)}
    fixed = {f.attname: f.get_default() for f in fields if f.attname not in calls}
    order = [f.attname for f in fields]

    def make(**values: Any) -> M:
        unknown = set(values) - set(order)
        if unknown:
            raise TypeError(f"{model.__name__} has no fields {sorted(unknown)}")
        return model(
            *[values[name] if name in values else (calls[name]() if name in calls else fixed[name]) for name in order]
        )

    return make


def insert(model: type[models.Model], objs: Sequence[models.Model]) -> None:
    """Insert `objs` (new instances) in one statement: PostgreSQL's COPY, else bulk_create.

    Every value is what `save()` would write: fields with their own preparation (encrypted text,
    JSON) go through `pre_save`/`get_db_prep_save`; automatic timestamps get the time of the batch.
    Primary keys must be set beforehand when the caller needs them (`allocate_ids`); COPY does not
    return them.
    """
    if not objs:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(list(objs), batch_size=1000)
        return
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and objs[0].pk is None)]
    now = timezone.now()
    for field in filter(_stamped, fields):
        for obj in objs:
            setattr(obj, field.attname, now)
    columns = [(f, _stamped(f) or _plain(f)) for f in fields]
    names = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:  # noqa: S608
        for obj in objs:
            copy.write_row(
                [
                    getattr(obj, field.attname)
                    if plain
                    else field.get_db_prep_save(field.pre_save(obj, True), connection)
                    for field, plain in columns
                ]
            )


def allocate_ids(model: type[models.Model], count: int) -> list[int]:
    """Primary keys for `count` new rows of `model` before they are inserted (PostgreSQL: drawn
    from the table's sequence in one query). Elsewhere an empty list: bulk_create sets them."""
    if count == 0 or connection.vendor != "postgresql":
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
        )
        return [row[0] for row in cursor.fetchall()]


def problem_rows(imp: Import) -> tuple[list[str], Iterator]:
    """The rejected rows as a header and rows for core.exports (streamed, never a list)."""
    rows = imp.problems.values_list("row", "column", "message").iterator(chunk_size=2000)
    return [_("Row"), _("Column"), _("Message")], rows
