"""The register's blind index (SearchToken): words of the applicant's and victims' names, and of
the summary of a secret-tier application, as keyed digests of words folded by core.names; and
one digest per pair of the applicant's name and a respondent, which the repeat hint looks up.

Searching compares digests, so a name is found however it was typed ("Məmmədov", "Mammadov",
"Мамедов") without decrypting anything at query time, and the table holds no readable word.
"""

from __future__ import annotations

from collections.abc import Iterable

from ombuds.complaints.models import Application, Party, SearchToken
from ombuds.core import crypto
from ombuds.core.names import normalise_name_tokens

PURPOSE = "complaints.application.word"
NAME_PURPOSE = "complaints.party.name"
REPEAT_PURPOSE = "complaints.application.repeat"


def digest(word: str) -> str:
    # 128 bits are plenty for lookups and keep the index small.
    return crypto.blind_index(word, PURPOSE)[:32]


def query_digests(text: str) -> list[str]:
    return sorted({digest(word) for word in normalise_name_tokens(text)})


def _party_words(party: Party) -> list[str]:
    return normalise_name_tokens(" ".join((party.surname, party.given_name, party.patronymic, party.organisation)))


def name_key(party: Party) -> str:
    """The party's indexed name key (`Party.name_key`): a keyed digest of the folded words of the
    surname and given name (the patronymic is often left out), in any order and spelling; of the
    name of a legal entity. Empty for a person without a surname: a given name alone says too
    little to call two applicants the same."""
    if party.organisation and not party.surname:
        words = normalise_name_tokens(party.organisation)
    elif party.surname:
        words = normalise_name_tokens(f"{party.surname} {party.given_name}")
    else:
        words = []
    return crypto.blind_index(" ".join(sorted(words)), NAME_PURPOSE)[:32] if words else ""


def repeat_digests(key: str, respondent_ids: Iterable[int]) -> list[str]:
    """The digests of an applicant's name key paired with each respondent: two applications share
    one when the same person complains about the same authority."""
    if not key:
        return []
    return sorted({crypto.blind_index(f"{key}|{pk}", REPEAT_PURPOSE)[:32] for pk in respondent_ids})


def tokens_for(app: Application, parties: list[Party | None], respondent_ids: Iterable[int] = ()) -> list[SearchToken]:
    """`parties`: the applicant first, then the victims."""
    words = {word for party in parties if party is not None for word in _party_words(party)}
    if app.is_secret:
        words.update(normalise_name_tokens(app.summary))
    digests = {digest(w) for w in words}
    applicant = parties[0] if parties else None
    if applicant is not None:
        digests.update(repeat_digests(applicant.name_key, respondent_ids))
    return [SearchToken(application=app, digest=d) for d in sorted(digests)]


def index_application(app: Application) -> None:
    """Rebuild the application's tokens; call inside the service that changed a name, the summary
    or the respondents."""
    SearchToken.objects.filter(application=app).delete()
    SearchToken.objects.bulk_create(
        tokens_for(app, [app.applicant, *app.victims.all()], app.respondents.values_list("pk", flat=True))
    )
