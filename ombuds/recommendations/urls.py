from django.urls import path

from ombuds.recommendations import views

app_name = "recommendations"
urlpatterns = [
    path("<uuid:public_id>/", views.recommendation_detail, name="detail"),
]
