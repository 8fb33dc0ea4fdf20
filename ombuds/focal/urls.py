"""The authority portal, for focal points (under /authority/; the only pages they reach)."""

from django.urls import path

from ombuds.focal import views, views_requests, views_responses, views_tokens

app_name = "focal"
urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.FocalLoginView.as_view(), name="login"),
    path("api-tokens/", views_tokens.api_tokens, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", views_tokens.revoke, name="api_token_revoke"),
    path("invitation/<str:token>/", views.accept_invitation, name="invitation"),
    path("recommendations/", views_responses.recommendation_list, name="recommendations"),
    path("recommendations/<uuid:public_id>/", views_responses.recommendation_detail, name="recommendation"),
    path("recommendations/<uuid:public_id>/draft/", views_responses.recommendation_draft, name="recommendation_draft"),
    path(
        "recommendations/<uuid:public_id>/letter/",
        views_responses.recommendation_letter,
        name="recommendation_letter",
    ),
    path(
        "recommendations/<uuid:public_id>/files/<uuid:attachment_id>/",
        views_responses.recommendation_file,
        name="recommendation_file",
    ),
    path("requests/", views_requests.request_list, name="requests"),
    path("requests/<uuid:public_id>/", views_requests.request_detail, name="request"),
    path("requests/<uuid:public_id>/draft/", views_requests.request_draft, name="request_draft"),
    path("requests/<uuid:public_id>/letter.pdf", views_requests.request_letter, name="request_letter"),
    path("requests/<uuid:public_id>/files/<uuid:attachment_id>/", views_requests.request_file, name="request_file"),
    path("receipts/<str:reference>/", views_requests.receipt, name="receipt"),
]
