"""Models of the monitoring app, split by sub-domain (register, visits, secret-tier records)."""

from ombuds.monitoring.models.register import CoverageRule, Place, PlanItem, PopulationCount, VisitPlan
from ombuds.monitoring.models.secret import Allegation, Lesion, ReprisalCase
from ombuds.monitoring.models.visits import AccessIncident, Finding, Interview, TeamMember, Visit

__all__ = [
    "AccessIncident",
    "Allegation",
    "CoverageRule",
    "Finding",
    "Interview",
    "Lesion",
    "Place",
    "PlanItem",
    "PopulationCount",
    "ReprisalCase",
    "TeamMember",
    "Visit",
    "VisitPlan",
]
