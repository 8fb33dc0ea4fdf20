"""The portal's views, one module per area; each keeps its routes beside its views (`urlpatterns`)."""
