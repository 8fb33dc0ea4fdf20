from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceType(models.TextChoices):
    """domain.md §6 (AZ usage); the keys match the reference list in ombuds/core/data/."""

    PENITENTIARY = "penitentiary", _("Penitentiary institution")
    PRETRIAL_ISOLATOR = "pretrial_isolator", _("Investigative isolator (pre-trial)")
    TEMPORARY_DETENTION = "temporary_detention", _("Temporary detention place (police)")
    POLICE_DIVISION = "police_division", _("Police division")
    MILITARY_GUARDHOUSE = "military_guardhouse", _("Military unit or guardhouse")
    PSYCHIATRIC_HOSPITAL = "psychiatric_hospital", _("Psychiatric hospital")
    PSYCHONEUROLOGICAL_HOME = "psychoneurological_home", _("Psychoneurological social-service establishment")
    SOCIAL_CARE_HOME = "social_care_home", _("Social care home")
    CHILDREN_HOME = "children_home", _("Children's home")
    BOARDING_SCHOOL = "boarding_school", _("Boarding school")
    JUVENILE_FACILITY = "juvenile_facility", _("Juvenile correctional facility")
    MIGRANT_CENTRE = "migrant_centre", _("Migrant centre")
    OTHER = "other", _("Other")


class VisitType(models.TextChoices):
    IN_DEPTH = "in_depth", _("In-depth")
    THEMATIC = "thematic", _("Thematic")
    FOLLOW_UP = "follow_up", _("Follow-up")
    AD_HOC = "ad_hoc", _("Ad hoc")
    REACTIVE = "reactive", _("Reactive")


class VisitStatus(models.TextChoices):
    """domain.md §3.2."""

    PLANNED = "planned", _("Planned")
    UNSCHEDULED_REQUESTED = "unscheduled_requested", _("Unscheduled visit requested")
    PREPARED = "prepared", _("Prepared")
    IN_PROGRESS = "in_progress", _("In progress")
    ONSITE_COMPLETED = "onsite_completed", _("On-site work completed")
    REPORT_DRAFT = "report_draft", _("Report drafted")
    FACTUAL_CHECK = "factual_check", _("Factual check by the authority")
    REPORT_FINAL = "report_final", _("Report final")
    RECOMMENDATIONS_ISSUED = "recommendations_issued", _("Recommendations issued")
    FOLLOW_UP = "follow_up", _("Follow-up of recommendations")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


VISIT_TRANSITIONS: dict[str, set[str]] = {
    VisitStatus.PLANNED: {VisitStatus.PREPARED, VisitStatus.CANCELLED},
    VisitStatus.UNSCHEDULED_REQUESTED: {VisitStatus.PREPARED, VisitStatus.CANCELLED},
    VisitStatus.PREPARED: {VisitStatus.IN_PROGRESS, VisitStatus.CANCELLED},
    VisitStatus.IN_PROGRESS: {VisitStatus.ONSITE_COMPLETED},
    VisitStatus.ONSITE_COMPLETED: {VisitStatus.REPORT_DRAFT},
    VisitStatus.REPORT_DRAFT: {VisitStatus.FACTUAL_CHECK, VisitStatus.REPORT_FINAL},
    VisitStatus.FACTUAL_CHECK: {VisitStatus.REPORT_FINAL},
    VisitStatus.REPORT_FINAL: {VisitStatus.RECOMMENDATIONS_ISSUED, VisitStatus.CLOSED},
    VisitStatus.RECOMMENDATIONS_ISSUED: {VisitStatus.FOLLOW_UP, VisitStatus.CLOSED},
    VisitStatus.FOLLOW_UP: {VisitStatus.CLOSED},
}
BEFORE_ARRIVAL = {VisitStatus.PLANNED, VisitStatus.UNSCHEDULED_REQUESTED, VisitStatus.PREPARED}


class TeamRole(models.TextChoices):
    LEADER = "leader", _("Leader")
    MEMBER = "member", _("Member")
    PHYSICIAN = "physician", _("Physician")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    INTERPRETER = "interpreter", _("Interpreter")
    EXPERT = "expert", _("Expert")


class ThematicArea(models.TextChoices):
    """APT areas (domain.md §1.4)."""

    TREATMENT = "treatment", _("Treatment")
    PROTECTION = "protection", _("Protection measures")
    MATERIAL_CONDITIONS = "material_conditions", _("Material conditions")
    REGIME = "regime", _("Regime and activities")
    HEALTH_CARE = "health_care", _("Health care")
    PERSONNEL = "personnel", _("Personnel")


class FindingSource(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    DOCUMENT = "document", _("Document")
    DETAINEE = "detainee", _("Detainee")
    STAFF = "staff", _("Staff")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    CONCERN = "concern", _("Concern")
    SERIOUS = "serious", _("Serious")
    URGENT = "urgent", _("Urgent")


class IntervieweeKind(models.TextChoices):
    DETAINEE = "detainee", _("Detainee")
    STAFF = "staff", _("Staff")
    MANAGEMENT = "management", _("Management")
    MEDICAL = "medical", _("Medical staff")
    FAMILY = "family", _("Family member")
    LAWYER = "lawyer", _("Lawyer")


class ObstructionKind(models.TextChoices):
    REFUSED = "refused", _("Access refused")
    DELAYED = "delayed", _("Access delayed")
    PARTIAL = "partial", _("Partial access")


class AllegationStatus(models.TextChoices):
    """domain.md §3.4."""

    RECORDED = "recorded", _("Recorded")
    CONSENT_CAPTURED = "consent_captured", _("Consent recorded")
    MEDICAL_DOCUMENTED = "medical_documented", _("Medically documented")
    REFERRED = "referred", _("Referred")
    NOT_REFERRED = "not_referred", _("Not referred")
    FOLLOW_UP = "follow_up", _("Follow-up")
    CLOSED = "closed", _("Closed")


class Consistency(models.TextChoices):
    """Istanbul Protocol opinion on each lesion (IP 2004 §187)."""

    NOT_CONSISTENT = "not_consistent", _("Not consistent")
    CONSISTENT = "consistent", _("Consistent")
    HIGHLY_CONSISTENT = "highly_consistent", _("Highly consistent")
    TYPICAL = "typical", _("Typical of")
    DIAGNOSTIC = "diagnostic", _("Diagnostic of")


class ReprisalMeasure(models.TextChoices):
    TRANSFER = "transfer", _("Transfer")
    ISOLATION = "isolation", _("Isolation")
    DISCIPLINE = "discipline", _("Disciplinary sanction")
    THREAT = "threat", _("Threat")
    DENIAL_OF_RIGHTS = "denial_of_rights", _("Denial of rights")
    OTHER = "other", _("Other")


class Risk(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ReprisalStatus(models.TextChoices):
    """domain.md §3.5."""

    REPORTED = "reported", _("Reported")
    RISK_ASSESSED = "risk_assessed", _("Risk assessed")
    ACTION_TAKEN = "action_taken", _("Action taken")
    MONITORING = "monitoring", _("Monitoring")
    CLOSED = "closed", _("Closed")
