"""Default coverage rules [design choice, editable]: how often each type of place is visited in depth."""

from django.db import migrations

DEFAULTS = {
    "pretrial_isolator": 12,
    "temporary_detention": 12,
    "police_division": 12,
    "juvenile_facility": 12,
    "penitentiary": 24,
    "psychiatric_hospital": 24,
    "psychoneurological_home": 24,
    "children_home": 24,
    "boarding_school": 24,
    "social_care_home": 24,
    "migrant_centre": 24,
    "military_guardhouse": 24,
    "other": 36,
}


def forwards(apps, schema_editor):
    CoverageRule = apps.get_model("monitoring", "CoverageRule")
    for place_type, months in DEFAULTS.items():
        CoverageRule.objects.get_or_create(place_type=place_type, defaults={"months": months})


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
