"""In-app notifications and their e-mail copies.

Messages are stored as a kind plus parameters and rendered in the reader's language. E-mails
say only that something needs attention and link back: no personal data leaves the system by
mail.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ombuds.core import audit
from ombuds.core.models import Notification
from ombuds.core.tasks import enqueue_on_commit, task

MESSAGES = {
    "core.deadline.overdue": gettext_lazy("Deadline overdue: %(rule)s, due %(due)s."),
}


def register_kind(kind: str, template) -> None:
    """Apps add their notification kinds (a lazily translated %-template) in AppConfig.ready()."""
    MESSAGES[kind] = template


def render(notification: Notification) -> str:
    """The message in the active language; parameters given per language pick theirs."""
    template = MESSAGES.get(notification.kind)
    if template is None:
        return notification.kind
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    params = {
        key: (value.get(language) or value.get(settings.LANGUAGE_CODE, "")) if isinstance(value, dict) else value
        for key, value in notification.params.items()
    }
    return str(template) % params


def notify(recipient, kind: str, params: dict, link: str = "", *, email: bool = True) -> Notification:
    """Create a notification; the e-mail copy is queued once the caller's transaction commits."""
    if kind not in MESSAGES:
        raise ValueError(f"unknown notification kind {kind!r}")
    notification = Notification.objects.create(recipient=recipient, kind=kind, params=params, link=link)
    if email and recipient.email:
        enqueue_on_commit(email_notification, notification.pk)
    return notification


@transaction.atomic
def send_notification_email(notification_id: int) -> str:
    """Send the e-mail copy once; a second run (a retried job) finds it sent and does nothing."""
    notification = (
        Notification.objects.select_for_update().select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None:
        return "skipped"
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Ombuds: something needs your attention")
        body = f"{render(notification)}\n\n{notification.link}"
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email])
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at", "updated_at"])
    audit.record("core.notification.emailed", obj=notification)
    return "sent"


@task()
def email_notification(notification_id: int) -> str:
    """The queued job: re-fetch by id and send (see `send_notification_email`)."""
    return send_notification_email(notification_id)


@transaction.atomic
def mark_read(user, notification: Notification) -> None:
    if notification.recipient_id != user.pk:
        raise PermissionError("not the recipient")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
