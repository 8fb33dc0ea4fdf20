"""The one router of the REST API (/api/v1/)."""

from rest_framework.routers import DefaultRouter

from ombuds.complaints.api.views import ApplicationViewSet, AuthorityViewSet, CallViewSet, InfoRequestViewSet

router = DefaultRouter()
router.register("applications", ApplicationViewSet, basename="application")
router.register("calls", CallViewSet, basename="call")
router.register("info-requests", InfoRequestViewSet, basename="info-request")
router.register("authorities", AuthorityViewSet, basename="authority")

urlpatterns = router.urls
