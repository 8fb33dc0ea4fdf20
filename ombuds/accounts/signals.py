"""Authentication events into the audit trail (ASVS 16.3.1).

Django's auth signals are the only hook for sign-in and sign-out, so these handlers are the
one place where the audit trail is written outside a service function.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from ombuds.core import audit


@receiver(user_logged_in, dispatch_uid="ombuds.audit.login")
def _logged_in(sender, request, user, **kwargs):
    audit.record("accounts.user.logged_in", actor=user, obj=user)


@receiver(user_logged_out, dispatch_uid="ombuds.audit.logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record("accounts.user.logged_out", actor=user, obj=user)


@receiver(user_login_failed, dispatch_uid="ombuds.audit.login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username is recorded (for lockout investigations); the password never is.
    attempted = str(credentials.get("username") or credentials.get("login") or "")[:150]
    audit.record("accounts.user.login_failed", changes={"username": attempted})
