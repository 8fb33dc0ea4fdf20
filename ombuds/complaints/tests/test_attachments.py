import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ombuds.complaints.testing import make_application
from ombuds.core.models import Attachment

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF\n"


def test_upload_and_download_through_the_case_file(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "attach"]),
        {"attach-file": SimpleUploadedFile("police reply.pdf", PDF, content_type="application/pdf")},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    download = client.get(reverse("complaints:attachment", args=[app.public_id, attachment.public_id]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "police reply.pdf" in client.get(app.get_absolute_url()).content.decode()


def test_refused_upload_says_why_and_stores_nothing(staff_client, persona):
    head = persona("department_head")
    client = staff_client(head)
    app = make_application(head)
    response = client.post(
        reverse("complaints:action", args=[app.public_id, "attach"]),
        {"attach-file": SimpleUploadedFile("x.png", b"<html>", content_type="image/png")},
        follow=True,
    )
    assert response.status_code == 200 and not Attachment.objects.exists()
    assert b"alert-danger" in response.content


def test_download_is_scoped(staff_client, persona):
    head = persona("department_head")
    app = make_application(head)
    from ombuds.complaints import services

    attachment = services.attach_file(head, app, SimpleUploadedFile("a.pdf", PDF, content_type="application/pdf"))
    url = reverse("complaints:attachment", args=[app.public_id, attachment.public_id])
    assert staff_client(persona("regional_officer")).get(url).status_code == 404
    other = make_application(head)
    wrong_owner = reverse("complaints:attachment", args=[other.public_id, attachment.public_id])
    assert staff_client(head).get(wrong_owner).status_code == 404
