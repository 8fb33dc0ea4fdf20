from django.urls import path

from ombuds.monitoring import views, views_records

app_name = "monitoring"
urlpatterns = [
    path("places/", views.place_list, name="place_list"),
    path("places/<uuid:public_id>/", views.place_detail, name="place_detail"),
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<uuid:public_id>/", views.plan_detail, name="plan_detail"),
    path("plan-items/<uuid:public_id>/visit/", views.plan_item_visit, name="plan_item_visit"),
    path("visits/", views.visit_list, name="visit_list"),
    path("visits/new/", views.visit_schedule, name="visit_schedule"),
    path("visits/<uuid:public_id>/", views.visit_detail, name="visit_detail"),
    path("visits/<uuid:public_id>/report.<slug:fmt>", views.visit_report, name="visit_report"),
    path("visits/<uuid:public_id>/<slug:action>/", views.visit_action, name="visit_action"),
    path("findings/<uuid:public_id>/edit/", views_records.finding_edit, name="finding_edit"),
    path("findings/<uuid:public_id>/withdraw/", views_records.finding_withdraw, name="finding_withdraw"),
    path("access-incidents/", views_records.incident_list, name="incident_list"),
    path("interviews/<uuid:public_id>/identity/", views.interview_identity, name="interview_identity"),
    path("reprisals/<uuid:public_id>/advance/", views.reprisal_advance, name="reprisal_advance"),
    path("calendar/", views.calendar_link, name="calendar_link"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("allegations/<uuid:public_id>/", views.allegation_detail, name="allegation_detail"),
    path("allegations/<uuid:public_id>/<slug:action>/", views.allegation_action, name="allegation_action"),
]
