"""Cities and districts of the same name ("Şəki" the city, "Şəki" the district) say which they are:
reload the sourced list, whose names now carry "(şəhər)" / "(rayon)" (matched by code)."""

from django.db import migrations

from ombuds.core.reference import load_geography


def forwards(apps, schema_editor):
    load_geography(apps.get_model("core", "Region"), apps.get_model("core", "District"))


class Migration(migrations.Migration):
    dependencies = [("core", "0012_urgent_measure_rule")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
