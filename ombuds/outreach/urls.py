from django.urls import path

from ombuds.outreach import views

app_name = "outreach"
urlpatterns = [
    path("plans/", views.plan_list, name="plan_list"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<uuid:public_id>/", views.plan_detail, name="plan_detail"),
    path("plans/<uuid:public_id>/progress.<slug:fmt>", views.plan_export, name="plan_export"),
    path("plans/<uuid:public_id>/approve/", views.plan_approve, name="plan_approve"),
    path("items/<uuid:item_id>/events/new/", views.event_create, name="event_create"),
    path("items/<uuid:item_id>/cancel/", views.item_cancel, name="item_cancel"),
    path("events/", views.event_list, name="event_list"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("events/<uuid:public_id>/", views.event_detail, name="event_detail"),
    path("events/<uuid:public_id>/materials/<uuid:attachment_id>/", views.event_material, name="event_material"),
    path("events/<uuid:public_id>/<slug:action>/", views.event_action, name="event_action"),
]
