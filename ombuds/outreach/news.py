"""Draft news items composed from an event's record, in Azerbaijani, English and Russian."""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ombuds.core.i18n import pick


def compose(event) -> dict[str, str]:
    texts = {}
    offices = list(event.remote_offices.all())
    audiences = list(event.audiences.all())
    participants = sum(a.total for a in event.attendance.all())
    for language in ("az", "en", "ru"):
        with translation.override(language):
            day = date_format(timezone.localtime(event.starts_at).date(), "DATE_FORMAT")
            topic = pick(event.plan_item.topic, "name", language)
            paragraphs = [
                _("On %(date)s a %(kind)s on “%(topic)s” was held by %(host)s.")
                % {
                    "date": day,
                    "kind": event.get_kind_display().lower(),
                    "topic": topic,
                    "host": pick(event.host_unit, "name", language),
                },
            ]
            if audiences:
                paragraphs.append(
                    _("It was addressed to: %(audiences)s.")
                    % {"audiences": ", ".join(pick(a, "name", language) for a in audiences)}
                )
            if offices:
                paragraphs.append(
                    _("%(offices)s joined remotely.")
                    % {"offices": ", ".join(pick(o, "name", language) for o in offices)}
                )
            speakers = list(event.speakers.all())
            if speakers:
                paragraphs.append(
                    _("Presentations: %(speakers)s.")
                    % {"speakers": "; ".join(f"{s.name} ({s.topic})" if s.topic else s.name for s in speakers)}
                )
            if participants:
                paragraphs.append(
                    _("%(count)s people took part; their questions were answered.") % {"count": participants}
                )
            texts[f"title_{language}"] = _("Event on “%(topic)s”") % {"topic": topic}
            texts[f"body_{language}"] = "\n\n".join(paragraphs)
    return texts
