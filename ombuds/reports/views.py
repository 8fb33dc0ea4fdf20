from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils import timezone

from ombuds.reports.statistics import SMALL, application_statistics

FIRST_YEAR = 2002  # the Commissioner's office opened in 2002; other years fall back to this year


@permission_required("accounts.view_aggregates", raise_exception=True)
def statistics(request):
    """Anonymised counts of applications for one year (analysts, heads, the Commissioner)."""
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if not FIRST_YEAR <= year <= this_year:
        year = this_year
    context = {
        "year": year,
        "years": range(this_year, this_year - 5, -1),
        "tables": application_statistics(year),
        "small": SMALL,
    }
    return render(request, "reports/statistics.html", context)
