"""The one router of the REST API (/api/v1/)."""

from rest_framework.routers import DefaultRouter

from ombuds.complaints.api.views import ApplicationViewSet, AuthorityViewSet, CallViewSet, InfoRequestViewSet
from ombuds.focal.api import views as focal
from ombuds.monitoring.api import views as monitoring
from ombuds.outreach.api import views as outreach
from ombuds.recommendations.api.views import RecommendationViewSet
from ombuds.reports.api.datasets import DatasetViewSet
from ombuds.reports.api.reports import ReportViewSet

router = DefaultRouter()
router.register("applications", ApplicationViewSet, basename="application")
router.register("calls", CallViewSet, basename="call")
router.register("info-requests", InfoRequestViewSet, basename="info-request")
router.register("authorities", AuthorityViewSet, basename="authority")
router.register("places", monitoring.PlaceViewSet, basename="place")
router.register("population-counts", monitoring.PopulationCountViewSet, basename="population-count")
router.register("visit-plans", monitoring.VisitPlanViewSet, basename="visit-plan")
router.register("visits", monitoring.VisitViewSet, basename="visit")
router.register("findings", monitoring.FindingViewSet, basename="finding")
router.register("access-incidents", monitoring.AccessIncidentViewSet, basename="access-incident")
router.register("interviews", monitoring.InterviewViewSet, basename="interview")
router.register("allegations", monitoring.AllegationViewSet, basename="allegation")
router.register("recommendations", RecommendationViewSet, basename="recommendation")
router.register("action-plans", outreach.ActionPlanViewSet, basename="action-plan")
router.register("plan-items", outreach.PlanItemViewSet, basename="plan-item")
router.register("events", outreach.EventViewSet, basename="event")
router.register("participant-counts", outreach.AttendanceViewSet, basename="participant-count")
router.register("datasets", DatasetViewSet, basename="dataset")
router.register("reports", ReportViewSet, basename="report")

# The authority API: only an authority's focal point reaches it (its own items); a focal point's
# token reaches nothing else (ombuds/focal/api/views.py).
router.register("authority/info-requests", focal.AuthorityInfoRequestViewSet, basename="authority-info-request")
router.register("authority/recommendations", focal.AuthorityRecommendationViewSet, basename="authority-recommendation")

urlpatterns = router.urls
