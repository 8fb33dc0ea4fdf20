from django.urls import path

from ombuds.recommendations import views, views_register

app_name = "recommendations"
urlpatterns = [
    path("", views_register.register, name="list"),
    path("export.<slug:fmt>", views_register.export, name="export"),
    path("authorities/<slug:code>/", views_register.authority, name="authority"),
    path("<uuid:public_id>/", views.recommendation_detail, name="detail"),
]
