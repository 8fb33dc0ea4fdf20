from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "ombuds.recommendations"
    label = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self) -> None:
        from ombuds.core.notifications import register_kind
        from ombuds.recommendations import importer  # noqa: F401 - registers the import of past recommendations

        register_kind("recommendations.recommendation.issued", _("Recommendation %(number)s was issued."))
        register_kind(
            "recommendations.recommendation.due_soon",
            _("Recommendation %(number)s is due on %(due)s and is not yet implemented."),
        )
        register_kind(
            "recommendations.recommendation.overdue",
            _("Recommendation %(number)s was due on %(due)s and is not implemented."),
        )
        register_kind(
            "recommendations.recommendation.no_response",
            _("No response to recommendation %(number)s: the response term has run out."),
        )
        register_kind(
            "recommendations.recommendation.reported_implemented",
            _("The authority reports recommendation %(number)s implemented: verify it."),
        )
        register_kind(
            "recommendations.recommendation.answered_online",
            _("The authority answered recommendation %(number)s through its portal: %(stance)s."),
        )
