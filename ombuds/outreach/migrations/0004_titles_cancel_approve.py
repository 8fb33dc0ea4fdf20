"""Plan and event titles in az/en/ru (the old single title becomes the Azerbaijani one), the
reason an item or event was cancelled, and the Commissioner's own permission to approve a plan."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0003_manage_permission"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="actionplan",
            options={
                "ordering": ["-year"],
                "permissions": [
                    ("manage_outreach", "Plan and record awareness-raising events"),
                    ("approve_actionplan", "Approve the awareness-raising action plan"),
                ],
                "verbose_name": "action plan",
                "verbose_name_plural": "action plans",
            },
        ),
        migrations.RenameField(model_name="actionplan", old_name="title", new_name="title_az"),
        migrations.AlterField(
            model_name="actionplan",
            name="title_az",
            field=models.CharField(max_length=300, verbose_name="title (Azerbaijani)"),
        ),
        migrations.AddField(
            model_name="actionplan",
            name="title_en",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (English)"),
        ),
        migrations.AddField(
            model_name="actionplan",
            name="title_ru",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (Russian)"),
        ),
        migrations.RenameField(model_name="event", old_name="title", new_name="title_az"),
        migrations.AlterField(
            model_name="event",
            name="title_az",
            field=models.CharField(max_length=300, verbose_name="title (Azerbaijani)"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_en",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (English)"),
        ),
        migrations.AddField(
            model_name="event",
            name="title_ru",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (Russian)"),
        ),
        migrations.AddField(
            model_name="event",
            name="cancel_reason",
            field=models.TextField(blank=True, verbose_name="reason for cancelling"),
        ),
        migrations.AddField(
            model_name="planitem",
            name="cancel_reason",
            field=models.TextField(blank=True, verbose_name="reason for cancelling"),
        ),
    ]
