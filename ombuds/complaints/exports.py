"""The register's filtered list as CSV or XLSX: the list's columns and the next deadline, plus the
applicant's name where complaints.visibility lets the viewer see it (never contact details, never
a secret-tier name, which is read only with a purpose on the case page)."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from ombuds.complaints.models import Application
from ombuds.complaints.visibility import party_fields
from ombuds.core.routers import reporting

PARTY_NAME = ("applicant__kind", "applicant__surname", "applicant__given_name", "applicant__patronymic")
PARTY_NAME_FIELDS = (*PARTY_NAME, "applicant__organisation", "applicant__contacts_secret", "applicant__is_secret")


def header() -> list[str]:
    return [
        _("Number"),
        _("Received"),
        _("Channel"),
        _("District"),
        _("Status"),
        _("Assigned to"),
        _("Urgent"),
        _("Secret tier"),
        _("Next deadline"),
        _("Applicant"),
    ]


def _local(value):
    # Spreadsheets have no time zones: local time of the institution, without the offset.
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0) if value else None


def _applicant(user, app: Application) -> str:
    party = app.applicant
    if party is None or app.is_secret or "surname" not in party_fields(user, app, party):
        return ""
    return str(party)


def _labels(field: str) -> dict:
    """A choice field's labels in the active language, translated once per export: the model's
    get_<field>_display hashes every lazy label again on each call, which cost most of the
    export's time (bench/export_memory.py, issue 10)."""
    return {value: str(label) for value, label in Application._meta.get_field(field).flatchoices}


def rows(user, qs) -> Iterator[list]:
    """One row per application, read in chunks through one query (labels joined, not looked up), from
    the replica when there is one (an export may lag the primary by its few milliseconds)."""
    qs = (
        reporting(qs)
        .select_related("district", "assignee", "applicant")
        .only(
            *qs.query.deferred_loading[0],
            "district__name_az",
            "district__name_en",
            "district__name_ru",
            "assignee__username",
            "assignee__first_name",
            "assignee__last_name",
            *PARTY_NAME_FIELDS,
        )
    )
    yes, no = _("yes"), _("no")
    channels, statuses = _labels("channel"), _labels("status")
    for app in qs.iterator(chunk_size=2000):
        yield [
            app.number,
            _local(app.received_at),
            channels.get(app.channel, app.channel),
            app.district.name,
            statuses.get(app.status, app.status),
            app.assignee.display_name if app.assignee else "",
            yes if app.is_urgent else no,
            yes if app.is_secret else no,
            _local(app.next_deadline),
            _applicant(user, app),
        ]
