"""The invitation e-mail of a focal point: queued when staff create or re-invite the account,
sent by the worker in the language chosen on the form.

The link's token must reach the job, but the queue's rows outlive the job: it travels encrypted
under the field keys (core.crypto), bound to the focal point, and is opened only to be mailed.
The job sends nothing when the link it carries is no longer the live one (re-invited since,
accepted, revoked, expired): a late or retried job never mails a dead or superseded link.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from ombuds.core import audit, crypto
from ombuds.core.links import absolute_url
from ombuds.core.tasks import enqueue_on_commit, task
from ombuds.focal.models import FocalPoint


def _aad(profile_public_id: str) -> bytes:
    return crypto.associated_data("focal_focalpoint", "invitation_token", profile_public_id)


def invitation_path(token: str) -> str:
    return reverse("focal:invitation", args=[token])


def queue_invitation_email(profile: FocalPoint, token: str, language: str) -> None:
    sealed = crypto.encrypt(token, _aad(str(profile.public_id)))
    enqueue_on_commit(email_invitation, profile.pk, sealed, language)


def send_invitation_email(profile_id: int, sealed_token: str, language: str) -> str:
    """Send the invitation with its link if that link is still the live one; say what happened."""
    from ombuds.focal.services.accounts import invitation_digest

    profile = FocalPoint.objects.select_related("user", "user__authority").filter(pk=profile_id).first()
    if profile is None:
        return "skipped"
    token = crypto.decrypt(sealed_token, _aad(str(profile.public_id)))
    expires = profile.invitation_expires_at
    if (
        profile.revoked_at is not None
        or not profile.user.email
        or profile.invitation_digest != invitation_digest(token)
        or expires is None
        or expires <= timezone.now()
    ):
        return "skipped"
    user = profile.user
    with translation.override(language):
        subject = _("Ombuds: your access to the authority portal")
        body = _(
            "Hello %(name)s,\n\n"
            "The office of the Human Rights Commissioner (Ombudsman) of the Republic of Azerbaijan has opened an "
            "account for you on its authority portal, to answer its information requests and recommendations "
            "addressed to %(body)s.\n\n"
            "Your username: %(username)s\n\n"
            "Open this link to choose your password. It works once, until %(expires)s:\n%(link)s\n\n"
            "You will then set up an authenticator app on your phone: it gives the second code asked at every "
            "sign-in. Afterwards, sign in at %(login)s\n\n"
            "If you did not expect this message, ignore it and tell the Commissioner's office."
        ) % {
            "name": user.display_name,
            "body": user.authority.name,
            "username": user.username,
            "expires": formats.date_format(timezone.localtime(expires), "DATETIME_FORMAT"),
            "link": absolute_url(invitation_path(token)),
            "login": absolute_url(reverse("focal:login")),
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    audit.record("focal.focalpoint.invitation_emailed", obj=profile, changes={"language": language})
    return "sent"


@task()
def email_invitation(profile_id: int, sealed_token: str, language: str) -> str:
    """The queued job (see `send_invitation_email`)."""
    return send_invitation_email(profile_id, sealed_token, language)
