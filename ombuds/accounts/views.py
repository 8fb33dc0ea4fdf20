from django.db.models import Count, Prefetch
from django.shortcuts import render

from ombuds.accounts.models import OrgUnit
from ombuds.core.models import Region


def unit_list(request):
    """The institution's structure: units by region, and the districts each region covers."""
    regions = Region.objects.prefetch_related(
        Prefetch("units", queryset=OrgUnit.objects.filter(is_active=True).annotate(member_count=Count("members"))),
        "districts",  # shown in the alphabet of the user's language (|collated)
    )
    return render(request, "accounts/unit_list.html", {"regions": regions})
