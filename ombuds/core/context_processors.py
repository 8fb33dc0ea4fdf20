from django.conf import settings


def ombuds(request):
    """Flags every page needs: demo banner, available languages."""
    return {
        "OMBUDS_DEMO": settings.DEMO,
        "OMBUDS_LANGUAGES": settings.LANGUAGES,
    }
