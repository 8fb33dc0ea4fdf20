"""The authority API's own OpenAPI schema and documentation page, under /api/v1/authority/.

The whole API's schema (/api/v1/schema/) holds no data, but it describes the staff API, which a
focal point has no use for; the confinement (OMBUDS_FOCAL_POINT_PATHS) keeps it out of reach, so
that the rule stays "a focal point reaches /api/v1/authority/ and nothing else of the API". Its
own schema, below, documents only the endpoints it may call; staff see the same operations in
the whole schema."""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

PREFIX = "/api/v1/authority/"


def only_authority_endpoints(endpoints, **_kwargs):
    """drf-spectacular preprocessing hook: keep the authority API's operations."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PREFIX)]


class AuthoritySchemaView(SpectacularAPIView):
    custom_settings = {
        "TITLE": "Ombuds authority API",
        "DESCRIPTION": (
            "For public bodies that answer the Commissioner's information requests and recommendations "
            "from their own systems. Authenticate with `Authorization: Token <token>`; the focal point "
            "creates the token on the portal's “API tokens” page. The token opens only these endpoints, "
            "and only the body's own items."
        ),
        "PREPROCESSING_HOOKS": ["ombuds.focal.api.schema.only_authority_endpoints"],
    }


class AuthorityDocsView(SpectacularSwaggerSplitView):
    url_name = "api-authority-schema"
