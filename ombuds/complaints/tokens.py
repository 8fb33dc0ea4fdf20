"""The register's blind word index (SearchToken): names of the applicant and victims, and the
summary of a secret-tier application, as keyed digests of words folded by core.names.

Searching compares digests, so a name is found however it was typed ("Məmmədov", "Mammadov",
"Мамедов") without decrypting anything at query time, and the table holds no readable word.
"""

from __future__ import annotations

from ombuds.complaints.models import Application, Party, SearchToken
from ombuds.core import crypto
from ombuds.core.names import normalise_name_tokens

PURPOSE = "complaints.application.word"


def digest(word: str) -> str:
    # 128 bits are plenty for lookups and keep the index small.
    return crypto.blind_index(word, PURPOSE)[:32]


def query_digests(text: str) -> list[str]:
    return sorted({digest(word) for word in normalise_name_tokens(text)})


def _party_words(party: Party) -> list[str]:
    return normalise_name_tokens(" ".join((party.surname, party.given_name, party.patronymic, party.organisation)))


def tokens_for(app: Application, parties: list[Party]) -> list[SearchToken]:
    words = {word for party in parties if party is not None for word in _party_words(party)}
    if app.is_secret:
        words.update(normalise_name_tokens(app.summary))
    return [SearchToken(application=app, digest=d) for d in sorted({digest(w) for w in words})]


def index_application(app: Application) -> None:
    """Rebuild the application's tokens; call inside the service that changed a name or summary."""
    SearchToken.objects.filter(application=app).delete()
    SearchToken.objects.bulk_create(tokens_for(app, [app.applicant, *app.victims.all()]))
