from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from ombuds.core.health import health
from ombuds.focal.api.schema import AuthorityDocsView, AuthoritySchemaView

# Error pages: the public portal's addresses get them in the portal's layout (core.views).
handler400 = "ombuds.core.views.bad_request"
handler403 = "ombuds.core.views.permission_denied"
handler404 = "ombuds.core.views.page_not_found"

urlpatterns = [
    # The load balancer's probe: no language prefix, no login, no session (ombuds/core/health.py).
    path("health/", health, name="health"),
    path("", include("ombuds.core.urls")),
    path("accounts/", include("ombuds.accounts.urls")),
    path("complaints/", include("ombuds.complaints.urls")),
    path("monitoring/", include("ombuds.monitoring.urls")),
    path("recommendations/", include("ombuds.recommendations.urls")),
    path("outreach/", include("ombuds.outreach.urls")),
    # The authority portal: focal points reach only /authority/ (and /api/v1/authority/); its
    # staff pages live apart, under /focal-points/.
    path("authority/", include("ombuds.focal.urls")),
    path("focal-points/", include("ombuds.focal.urls_staff")),
    path("reports/", include("ombuds.reports.urls")),
    path("portal/", include("ombuds.portal.urls_staff")),
    # Staff sign-in, second factor, sessions (allauth). Kept apart from /accounts/ so the
    # "second factor first" rule can allow exactly this prefix.
    path("auth/", include("allauth.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    # The admin's own login form would bypass the second factor and the lockout.
    path("admin/login/", login_not_required(RedirectView.as_view(pattern_name="account_login", query_string=True))),
    path("admin/", admin.site.urls),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # The authority API's own schema and documentation: only its endpoints (ombuds/focal/api/schema.py).
    path("api/v1/authority/schema/", AuthoritySchemaView.as_view(), name="api-authority-schema"),
    path("api/v1/authority/docs/", AuthorityDocsView.as_view(), name="api-authority-docs"),
    path("api/v1/", include("config.api")),
]

# The public portal: every page under its language (/az/, /en/, /ru/), so a link or a cache entry
# always names the language it shows (ombuds/portal/).
urlpatterns += i18n_patterns(path("", include("ombuds.portal.urls")), prefix_default_language=True)

if settings.OMBUDS_BENCH_VIEWS:  # bench/throughput.py only
    from ombuds.core import benchviews

    urlpatterns += [
        path("bench/bare/", benchviews.bare, name="bench_bare"),
        path("bench/rows/", benchviews.plain_rows, name="bench_rows"),
    ]
