import django.db.models.deletion
from django.db import migrations, models


def copy_region(apps, schema_editor):
    Application = apps.get_model("complaints", "Application")
    for district_id, region_id in apps.get_model("core", "District").objects.values_list("pk", "region_id"):
        Application.objects.filter(district_id=district_id).update(region_id=region_id)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0003_handle_permission"), ("core", "0010_cache_table")]

    operations = [
        migrations.AddField(
            model_name="application",
            name="region",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="core.region",
            ),
        ),
        migrations.RunPython(copy_region, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="application",
            name="region",
            field=models.ForeignKey(
                editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.region"
            ),
        ),
    ]
