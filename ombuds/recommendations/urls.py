from django.urls import path

from ombuds.recommendations import views, views_cases, views_rates, views_register, views_visits

app_name = "recommendations"
urlpatterns = [
    path("", views_register.register, name="list"),
    path("export.<slug:fmt>", views_register.export, name="export"),
    path("authorities/<slug:code>/", views_register.authority, name="authority"),
    path("rates/", views_rates.rates_page, name="rates"),
    path("systemic/", views_rates.systemic_page, name="systemic"),
    path("new/", views.recommendation_new, name="new"),
    path("<uuid:public_id>/", views.recommendation_detail, name="detail"),
    path("visits/<uuid:public_id>/draft/", views_visits.visit_draft, name="visit_draft"),
    path("visits/<uuid:public_id>/issue/", views_visits.visit_issue, name="visit_issue"),
    path("visits/<uuid:public_id>/checks/", views_visits.visit_checks, name="visit_checks"),
    path(
        "applications/<uuid:public_id>/draft/",
        views_cases.draft_from_application,
        name="draft_from_application",
    ),
    path("<uuid:public_id>/letter.<slug:fmt>", views.recommendation_letter, name="letter"),
    path("<uuid:public_id>/files/<uuid:attachment_id>/", views.recommendation_file, name="file"),
    path("<uuid:public_id>/<slug:action>/", views.recommendation_action, name="action"),
]
