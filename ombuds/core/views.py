from django.shortcuts import render


def home(request):
    """Staff home: who I am, where I sit, what I can reach."""
    user = request.user
    unit = user.org_unit
    context = {
        "unit": unit,
        "roles": user.roles.all(),
        "district_count": unit.districts().count() if unit else 0,
    }
    return render(request, "core/home.html", context)
