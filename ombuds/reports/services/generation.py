"""Generating a report's documents in the background: one `Generation` per language and format,
run by the task queue (`core.tasks`), its progress written as it goes so the page's bar moves.

Generating is preparing (PREPARE); anyone who may view the report (VIEW) downloads a finished
file. One generation of the same report, language and format runs at a time. The job never
raises to the page: a failure is logged and kept on the record with a message. The file records
the hash of the dataset it was read from: when the report's dataset changes later, the page says
the file is out of date."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ombuds.core import audit
from ombuds.core.services import lock, require
from ombuds.core.tasks import enqueue_on_commit, task
from ombuds.core.uploads import store_bytes
from ombuds.reports.choices import GenerationState, OutputFormat
from ombuds.reports.models import Generation, Report
from ombuds.reports.permissions import PREPARE

logger = logging.getLogger(__name__)

ACTIVE = (GenerationState.QUEUED, GenerationState.RUNNING)
# A job untouched for this long has lost its worker (a restart): it no longer blocks a new one.
STALE_AFTER = timedelta(minutes=30)
MIME = {
    OutputFormat.PDF: "application/pdf",
    OutputFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def active_generation(report: Report, language: str, output: str) -> Generation | None:
    return (
        Generation.objects.filter(
            report=report,
            language=language,
            output=output,
            state__in=ACTIVE,
            updated_at__gte=timezone.now() - STALE_AFTER,
        )
        .order_by("-created_at")
        .first()
    )


def start_generation(actor, report: Report, *, language: str, output: str) -> Generation:
    """Queue the generation of one document of the report; refused while the same one runs."""
    require(actor, PREPARE)
    if language not in _languages():
        raise ValidationError({"language": _("Choose one of the languages offered.")})
    if output not in OutputFormat.values:
        raise ValidationError({"output": _("Choose PDF or DOCX.")})
    with transaction.atomic():
        report = lock(report)  # two clicks at once: the second waits here, then sees the first
        if active_generation(report, language, output) is not None:
            raise ValidationError(_("This document is already being generated; wait for it to finish."))
        generation = Generation.objects.create(
            report=report,
            language=language,
            output=output,
            step=_("Waiting for the worker"),
            created_by=actor,
            updated_by=actor,
        )
        audit.record(
            "reports.generation.created",
            actor=actor,
            obj=generation,
            changes={"report": str(report.public_id), "language": language, "output": output},
        )
        enqueue_on_commit(run_generation_task, generation.pk)
    return generation


@task()
def run_generation_task(generation_id: int) -> str:
    return run_generation(generation_id)


def _save_progress(generation: Generation, step: str, percent: int) -> None:
    # Written at once (outside any transaction) so that the page polling it sees it move.
    Generation.objects.filter(pk=generation.pk).update(
        step=step[:200], progress=max(0, min(percent, 100)), updated_at=timezone.now()
    )


def _progress_writer(generation: Generation) -> Callable[[str, float], None]:
    def progress(step: str, fraction: float) -> None:
        _save_progress(generation, step, 5 + int(fraction * 85))

    return progress


def file_name(generation: Generation) -> str:
    report = generation.report
    return f"{report.kind}-report-{report.year}-{generation.language}.{generation.output}"


def run_generation(generation_id: int) -> str:
    """The system's job (no actor): build the document, keep it, say how it ended."""
    from ombuds.reports import documents

    generation = Generation.objects.select_related("report__dataset", "report__previous_dataset", "created_by").get(
        pk=generation_id
    )
    claimed = Generation.objects.filter(pk=generation.pk, state=GenerationState.QUEUED).update(
        state=GenerationState.RUNNING, progress=2, step=_("Started"), updated_at=timezone.now()
    )
    if not claimed:  # finished already, or another worker has it
        return generation.state
    report = generation.report
    dataset_hash = report.dataset.content_hash
    with translation.override(generation.language):
        try:
            require(generation.created_by, PREPARE)
            build = documents.report_pdf if generation.output == OutputFormat.PDF else documents.report_docx
            content = build(report, generation.language, _progress_writer(generation))
            _save_progress(generation, _("Saving the file"), 95)
            with transaction.atomic():
                attachment = store_bytes(
                    generation.created_by,
                    generation,
                    content,
                    file_name(generation),
                    MIME[OutputFormat(generation.output)],
                )
                _finish(generation, GenerationState.DONE, _("Ready"), file=attachment, dataset_hash=dataset_hash)
        except PermissionDenied:
            _finish(generation, GenerationState.FAILED, _("The person who asked for it may no longer prepare reports."))
        except Exception as exc:  # noqa: BLE001 - kept on the record and logged; never a 500 on the page
            logger.exception("report generation %s failed", generation.pk)
            _finish(
                generation,
                GenerationState.FAILED,
                _(
                    "The document could not be generated (%(error)s). Try again; if it fails again, tell the "
                    "administrator."
                )
                % {"error": type(exc).__name__},
            )
    generation.refresh_from_db()
    return generation.state


def _finish(generation: Generation, state: str, message: str, *, file=None, dataset_hash: str = "") -> None:
    fields = {"state": state, "finished_at": timezone.now(), "updated_at": timezone.now()}
    if state == GenerationState.DONE:
        fields.update(progress=100, step=message, message="", file=file, dataset_hash=dataset_hash)
    else:
        fields.update(step=_("Failed"), message=message)
    Generation.objects.filter(pk=generation.pk).update(**fields)
    audit.record(
        "reports.generation.finished",
        actor=None,
        obj=generation,
        changes={"state": state, "dataset_hash": dataset_hash} if dataset_hash else {"state": state},
    )


def is_stale(generation: Generation) -> bool:
    """A finished file read from a dataset the report no longer uses."""
    return bool(generation.dataset_hash) and generation.dataset_hash != generation.report.dataset.content_hash
