from django.core.management.base import BaseCommand, CommandError

from ombuds.accounts.models import User
from ombuds.accounts.tokens import create_api_token


class Command(BaseCommand):
    help = "Create an API token for a staff member and print it once."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="What the token is for, e.g. 'e-gov intake bridge'")

    def handle(self, username, name, **options):
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"no active user {username!r}")
        self.stdout.write(create_api_token(None, user, name))
