"""Placeholder: the staff_pages area of the portal (issue 14) is being built."""

urlpatterns: list = []
