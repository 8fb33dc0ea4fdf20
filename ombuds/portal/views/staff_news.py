"""Placeholder: the staff_news area of the portal (issue 14) is being built."""

urlpatterns: list = []
