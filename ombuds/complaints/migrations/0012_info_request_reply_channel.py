from django.db import migrations, models


def forwards(apps, schema_editor):
    # Replies recorded before the portal were all typed in by staff from the letter received.
    InfoRequest = apps.get_model("complaints", "InfoRequest")
    InfoRequest.objects.filter(status="answered").update(reply_channel="letter")


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0011_measure_recommendation_number"),
    ]

    operations = [
        migrations.AddField(
            model_name="inforequest",
            name="reply_channel",
            field=models.CharField(
                blank=True,
                choices=[
                    ("letter", "Letter, entered by staff"),
                    ("email", "E-mail, entered by staff"),
                    ("portal", "Authority portal"),
                ],
                max_length=12,
                verbose_name="reply received by",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
