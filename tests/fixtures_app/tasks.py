from ombuds.core import audit
from ombuds.core.tasks import task


@task()
def record_run(number: int) -> int:
    """Deliberately not idempotent: every execution appends an audit event, so a job that ran
    twice would show up twice."""
    # The worker processes run without the test app installed, so the action names a core model
    # (audit actions must be `app.model.verb`).
    audit.record("core.auditevent.job_ran", object_type="test.job", object_id=str(number))
    return number
