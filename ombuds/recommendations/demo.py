"""Demo recommendations for the demo visits, through the services."""

from __future__ import annotations

from ombuds.accounts.models import User
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.choices import VisitStatus
from ombuds.monitoring.models import Visit
from ombuds.recommendations import services
from ombuds.recommendations.models import Recommendation

# The visits the monitoring demo left at the final report: the first stays there (its drafts
# await issue); the others move on as far as these steps once their recommendations are issued.
LATER = [VisitStatus.REPORT_FINAL, VisitStatus.RECOMMENDATIONS_ISSUED, VisitStatus.FOLLOW_UP, VisitStatus.CLOSED]


def seed(stdout) -> int:
    if Recommendation.objects.exists():
        return 0
    lead = User.objects.get(username="npm.lead")
    commissioner = User.objects.get(username="commissioner")
    visits = list(Visit.objects.filter(status=VisitStatus.REPORT_FINAL).select_related("place").order_by("pk"))
    made = 0
    for visit, target in zip(visits, LATER, strict=False):
        authority = visit.place.authority
        if authority is None:
            continue
        for finding in list(visit.findings.all())[:2]:
            services.draft_recommendation(
                lead,
                source="visit",
                visit=visit,
                findings=[finding],
                addressee=authority,
                kind="after_visit",
                area=finding.area,
                text_az=f"{finding.text} — bu çatışmazlıq aradan qaldırılsın.",
                smart={"specific": True, "measurable": True, "achievable": True, "relevant": True},
            )
            made += 1
        if target == VisitStatus.REPORT_FINAL:
            continue
        services.issue_visit_recommendations(commissioner, visit)
        for step in (VisitStatus.FOLLOW_UP, VisitStatus.CLOSED):
            if Visit.objects.get(pk=visit.pk).status == target:
                break
            monitoring.advance_visit(lead, visit, step)
    stdout.write(f"Recommendations: {made}")
    return made
