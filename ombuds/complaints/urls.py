from django.urls import path

from ombuds.complaints import views, views_calls, views_status

app_name = "complaints"
urlpatterns = [
    path("", views.application_list, name="list"),
    path("new/", views.application_register, name="register"),
    path("export.<slug:fmt>", views.application_export, name="export"),
    path("calls/", views_calls.call_log, name="call_log"),
    path("calls/statistics/", views_calls.call_statistics, name="call_statistics"),
    path("calls/<uuid:public_id>/convert/", views_calls.call_convert, name="call_convert"),
    path("info-requests/<uuid:public_id>/<slug:action>/", views.info_request_action, name="info_request_action"),
    path("<uuid:public_id>/", views.application_detail, name="detail"),
    path("<uuid:public_id>/attachments/<uuid:attachment_id>/", views.application_attachment, name="attachment"),
    path("<uuid:public_id>/letters/<slug:kind>.<slug:fmt>", views.application_letter, name="letter"),
    # Before the action route, which would take "status-key" for an action's name.
    path("<uuid:public_id>/status-key/", views_status.application_status_key, name="status_key"),
    path("<uuid:public_id>/<slug:action>/", views.application_action, name="action"),
]
