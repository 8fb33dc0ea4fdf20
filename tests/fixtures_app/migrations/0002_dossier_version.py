from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("fixtures_app", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="dossier",
            name="version",
            field=models.IntegerField(db_default=1, default=1, editable=False, verbose_name="version"),
        ),
    ]
