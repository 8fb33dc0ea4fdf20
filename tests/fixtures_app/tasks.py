from ombuds.core import audit
from ombuds.core.tasks import task


@task()
def record_run(number: int) -> int:
    """Deliberately not idempotent: every execution appends an audit event, so a job that ran
    twice would show up twice."""
    audit.record("test.job_ran", object_type="test.job", object_id=str(number))
    return number
