"""Pages of the reports app: the yearly figures entered by hand (pardons, repatriation,
elections, international cooperation, posters, persons received at field receptions), which the
system does not record itself. Anyone who sees aggregates reads them; those who prepare reports
enter, correct and delete them through `services/entered.py`. A dataset already taken keeps the
figures it froze: the page says so."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ombuds.core.actions import add_service_errors
from ombuds.reports.forms_datasets import FIRST_YEAR
from ombuds.reports.measures.entered import ENTERED_FIGURES, FREE_CATEGORIES, categories_of
from ombuds.reports.models import EnteredFigure
from ombuds.reports.permissions import PREPARE, VIEW, may_prepare
from ombuds.reports.services.entered import delete_entered_figure, set_entered_figure


class EnteredFigureForm(forms.Form):
    measure = forms.ChoiceField(label=gettext_lazy("Figure"))
    category = forms.CharField(
        label=gettext_lazy("Category"),
        required=False,
        max_length=80,
        help_text=gettext_lazy("Only for a figure with categories (see the list above); empty for the total."),
    )
    value = forms.IntegerField(label=gettext_lazy("Value"), min_value=0)
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=300,
        help_text=gettext_lazy("Where the figure comes from: a letter, a decree, a register, with its date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [(key, str(spec.title)) for key, spec in ENTERED_FIGURES.items()]


def _year(year: int) -> int:
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    return year


def _catalogue(year: int) -> list[dict]:
    """Each figure that can be entered, its unit, categories and what was entered for `year`."""
    entered: dict[str, list[EnteredFigure]] = {}
    for figure in EnteredFigure.objects.filter(year=year).select_related("updated_by").order_by("category"):
        entered.setdefault(figure.measure, []).append(figure)
    rows = []
    for key, spec in ENTERED_FIGURES.items():
        labels = {cat.key: str(cat.label) for cat in categories_of(key)}
        figures = entered.get(key, [])
        for figure in figures:
            figure.category_label = labels.get(figure.category, figure.category) if figure.category else ""
        rows.append(
            {
                "key": key,
                "spec": spec,
                "categories": labels,
                "free": key in FREE_CATEGORIES,
                "figures": figures,
            }
        )
    return rows


@permission_required(VIEW, raise_exception=True)
def entered_figures(request, year: int):
    year = _year(year)
    prepare = may_prepare(request.user)
    form = EnteredFigureForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not prepare:  # reading needs VIEW, writing PREPARE as well
            raise PermissionDenied
        if form.is_valid():
            try:
                set_entered_figure(request.user, year=year, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Saved. The next snapshot of %(year)s will read it.") % {"year": year})
                return redirect(reverse("reports:entered_figures", args=[year]))
        status = 400
    context = {
        "year": year,
        "years": range(timezone.localdate().year, max(FIRST_YEAR, timezone.localdate().year - 6), -1),
        "catalogue": _catalogue(year),
        "form": form if prepare else None,
    }
    return render(request, "reports/datasets/entered.html", context, status=status)


@permission_required(PREPARE, raise_exception=True)
@require_POST
def entered_figure_delete(request, public_id):
    figure = get_object_or_404(EnteredFigure, public_id=public_id)
    delete_entered_figure(request.user, figure)
    messages.success(request, _("Deleted. Datasets already taken keep the figure they froze."))
    return redirect(reverse("reports:entered_figures", args=[figure.year]))


urlpatterns = [
    path("entered/<int:year>/", entered_figures, name="entered_figures"),
    path("entered/<uuid:public_id>/delete/", entered_figure_delete, name="entered_figure_delete"),
]
