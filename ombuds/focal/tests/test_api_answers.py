"""Answering through the authority API: the same services as the portal's pages (so the same
record, clock, receipt, audit and notice), acknowledged with the receipt's reference; retried
safely with an Idempotency-Key; refused in the request's language."""

from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from rest_framework import serializers
from rest_framework.test import APIClient

from ombuds.accounts.tokens import create_api_token
from ombuds.complaints.choices import InfoRequestStatus
from ombuds.complaints.models import InfoRequest
from ombuds.core.models import Attachment
from ombuds.focal.models import Receipt
from ombuds.focal.testing import info_request_to, make_focal_point, recommendation_to
from ombuds.recommendations.choices import Status
from ombuds.recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

IR_URL = "/api/v1/authority/info-requests/"
REC_URL = "/api/v1/authority/recommendations/"


def _client(user, **headers) -> APIClient:
    return APIClient(headers={"Authorization": f"Token {create_api_token(None, user, 'their system')}", **headers})


def _pdf(name="extract.pdf", size=2000) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n" + b"0" * max(0, size - 9)
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def test_a_reply_is_recorded_acknowledged_and_shown_with_its_receipt():
    fp = make_focal_point(authority="mia")
    ir = info_request_to("mia")
    client = _client(fp.user)
    response = client.post(f"{IR_URL}{ir.public_id}/reply/", {"text": "Registered on 3 May."}, format="json")
    assert response.status_code == 201, response.content
    receipt = Receipt.objects.get(info_request=ir)
    assert response.json() == {"reference": receipt.reference, "submitted_at": response.json()["submitted_at"]}
    assert receipt.via_api and receipt.focal_point == fp
    ir.refresh_from_db()
    assert (ir.status, ir.reply) == (InfoRequestStatus.ANSWERED, "Registered on 3 May.")
    shown = client.get(f"{IR_URL}{ir.public_id}/").json()
    assert shown["receipt"]["reference"] == receipt.reference and shown["reply"] == "Registered on 3 May."
    again = client.post(f"{IR_URL}{ir.public_id}/reply/", {"text": "Once more."}, format="json")
    assert again.status_code == 400
    assert Receipt.objects.filter(info_request=ir).count() == 1


def test_a_reply_with_files_is_multipart_and_a_retry_with_its_key_answers_once():
    fp = make_focal_point(authority="mia")
    ir = info_request_to("mia")
    key = str(uuid.uuid4())
    client = _client(fp.user, **{"Idempotency-Key": key})
    url = f"{IR_URL}{ir.public_id}/reply/"
    # Larger than DATA_UPLOAD_MAX_MEMORY_SIZE: the key's fingerprint must not need the raw body.
    first = client.post(url, {"text": "The register's extract.", "files": [_pdf(size=6 * 1024 * 1024)]})
    assert first.status_code == 201, first.content
    retry = client.post(url, {"text": "The register's extract.", "files": [_pdf(size=6 * 1024 * 1024)]})
    assert retry.status_code == 201 and retry["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()
    assert Receipt.objects.filter(info_request=ir).count() == 1
    assert Attachment.objects.filter(original_name="extract.pdf").count() == 1
    other = client.post(url, {"text": "Something else.", "files": [_pdf()]})
    assert other.status_code == 422  # the same key with another request


def test_refusals_are_400_in_the_requests_language_and_write_nothing():
    fp = make_focal_point(authority="mia")
    ir = info_request_to("mia")
    client = _client(fp.user, **{"Accept-Language": "ru"})
    url = f"{IR_URL}{ir.public_id}/reply/"
    blank = client.post(url, {"text": ""}, format="json")
    assert blank.status_code == 400
    with translation.override("ru"):
        expected = str(serializers.CharField.default_error_messages["blank"])
    assert blank.json()["text"] == [expected] and expected != "This field may not be blank."
    assert blank["Content-Language"] == "ru"
    assert client.post(url, {"text": "x", "files": ["not a file"]}, format="json").status_code == 400
    assert client.post(url, {"text": "x", "bogus": 1}, format="json").status_code == 400
    bad_file = client.post(url, {"text": "x", "files": [SimpleUploadedFile("a.exe", b"MZ", "application/pdf")]})
    assert bad_file.status_code == 400 and "files" in bad_file.json()
    assert InfoRequest.objects.get(pk=ir.pk).status != InfoRequestStatus.ANSWERED
    assert not Receipt.objects.exists()


def test_another_bodys_item_and_staff_are_refused_with_404(persona):
    fp = make_focal_point(authority="mia")
    foreign_ir, foreign_rec = info_request_to("moj"), recommendation_to("moj")
    client = _client(fp.user)
    assert client.post(f"{IR_URL}{foreign_ir.public_id}/reply/", {"text": "x"}, format="json").status_code == 404
    answer = {"stance": "accepts", "text": "x"}
    assert client.post(f"{REC_URL}{foreign_rec.public_id}/respond/", answer, format="json").status_code == 404
    own_ir, own_rec = info_request_to("mia"), recommendation_to("mia")
    staff = _client(persona("commissioner"))
    assert staff.post(f"{IR_URL}{own_ir.public_id}/reply/", {"text": "x"}, format="json").status_code == 404
    assert staff.post(f"{REC_URL}{own_rec.public_id}/respond/", answer, format="json").status_code == 404
    assert not Receipt.objects.exists()


def test_a_response_moves_the_recommendation_and_a_report_of_implementation_stays_unverified():
    fp = make_focal_point(authority="mia")
    rec = recommendation_to("mia")
    client = _client(fp.user)
    url = f"{REC_URL}{rec.public_id}/respond/"
    accepted = client.post(url, {"stance": "accepts", "text": "We accept it."}, format="json")
    assert accepted.status_code == 201, accepted.content
    assert Recommendation.objects.get(pk=rec.pk).status == Status.ACCEPTED
    done = client.post(url, {"stance": "implemented", "text": "Repaired in May.", "files": [_pdf("act.pdf")]})
    assert done.status_code == 201, done.content
    assert Recommendation.objects.get(pk=rec.pk).status == Status.REPORTED_IMPLEMENTED
    shown = client.get(f"{REC_URL}{rec.public_id}/").json()
    assert shown["status"] == "reported_implemented"
    assert [(r["stance"], r["receipt"]["reference"]) for r in shown["responses"]] == [
        ("accepts", accepted.json()["reference"]),
        ("implemented", done.json()["reference"]),
    ]
    assert all(receipt.via_api for receipt in Receipt.objects.filter(recommendation=rec))
    assert client.post(url, {"stance": "maybe", "text": "x"}, format="json").status_code == 400
