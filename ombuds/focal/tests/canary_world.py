"""The seed of the portal's canary test: every confidential thing that could reach a focal point of
the Ministry of Internal Affairs carries a distinctive canary string, next to the items the
portal must show it (its information requests and recommendations, in several states).

Canaries have no spaces, so that a PDF that wraps a line inside one is still searched right
(the crawl compares texts with every space removed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ombuds.complaints import services as complaints
from ombuds.complaints.testing import make_application
from ombuds.core.models import Authority
from ombuds.focal.services.requests import answer_info_request
from ombuds.focal.services.responses import answer_recommendation
from ombuds.focal.testing import make_focal_point
from ombuds.monitoring import services as monitoring
from ombuds.monitoring.testing import make_place, make_visit
from ombuds.recommendations import services as recs
from ombuds.recommendations.choices import Evidence, Stance
from ombuds.recommendations.testing import make_recommendation, visit_with_finding

# What must never reach the focal point, by what it is.
CANARIES = {
    # The applicant who did not consent to disclosure: identity and contacts.
    "applicant surname": "CANARY-APP-SURNAME-3b9d",
    "applicant given name": "CANARY-APP-GIVEN-3b9d",
    "applicant patronymic": "CANARY-APP-PATRONYMIC-3b9d",
    "applicant phone": "+99455CANARY0731",
    "applicant e-mail": "canary-app-3b9d@example.org",
    "applicant address": "CANARY-APP-ADDRESS-3b9d",
    "victim name": "CANARY-VICTIM-NAME-3b9d",
    "complaint summary": "CANARY-APP-SUMMARY-3b9d",
    "admissibility reasons": "CANARY-DECISION-REASON-3b9d",
    "case note": "CANARY-CASE-NOTE-3b9d",
    "case file name": "CANARY-CASE-FILE-3b9d.txt",
    "case file content": "CANARY-CASE-FILE-CONTENT-3b9d",
    "measure text": "CANARY-MEASURE-TEXT-3b9d",
    # The applicant who consented to disclosure to the authority: the name may be shown, never contacts.
    "consenting applicant phone": "+99450CANARY0732",
    "consenting applicant e-mail": "canary-ok-7c21@example.org",
    "consenting applicant address": "CANARY-OK-ADDRESS-7c21",
    # The visit to a place the Ministry supervises.
    "interviewee identity": "CANARY-IV-NAME-7f3a",
    "interviewee pseudonym": "CANARY-IV-PSEUDO-7f3a",
    "interview notes": "CANARY-IV-NOTES-7f3a",
    "allegation methods": "CANARY-ALLEGATION-METHODS-7f3a",
    "allegation injuries": "CANARY-ALLEGATION-INJURIES-7f3a",
    "allegation perpetrators": "CANARY-ALLEGATION-PERP-7f3a",
    "reprisal pseudonym": "CANARY-REPRISAL-PSEUDO-7f3a",
    "reprisal account": "CANARY-REPRISAL-ACCOUNT-7f3a",
    "reprisal actions": "CANARY-REPRISAL-ACTIONS-7f3a",
    "finding text": "CANARY-FINDING-TEXT-7f3a",
    "visit objectives": "CANARY-VISIT-OBJECTIVES-7f3a",
    # The recommendations' internal side.
    "rationale": "CANARY-REC-RATIONALE-5e07",
    "outcome note": "CANARY-STAFF-NOTE-5e07",
    "no-longer-relevant reason": "CANARY-STAFF-REASON-5e07",
    "escalation note": "CANARY-ESCALATION-NOTE-5e07",
    "follow-up note": "CANARY-FOLLOW-UP-NOTE-5e07",
    "staff document name": "CANARY-STAFF-DOC-5e07.txt",
    "staff document content": "CANARY-STAFF-DOC-CONTENT-5e07",
    "due reason": "CANARY-DUE-REASON-5e07",
    "draft recommendation text": "CANARY-DRAFT-REC-5e07",
    "abandoned draft's text": "CANARY-ABANDONED-DRAFT-5e07",
    # Another authority's items, and another focal point's draft.
    "other body's questions": "CANARY-MOJ-QUESTIONS-9a44",
    "other body's reply": "CANARY-MOJ-REPLY-9a44",
    "other body's recommendation": "CANARY-MOJ-REC-9a44",
    "other body's response": "CANARY-MOJ-RESPONSE-9a44",
    "other body's file name": "CANARY-MOJ-FILE-9a44.txt",
    "other body's file content": "CANARY-MOJ-FILE-CONTENT-9a44",
    "other body's evidence name": "CANARY-MOJ-EVIDENCE-9a44.txt",
    "other body's evidence content": "CANARY-MOJ-EVIDENCE-CONTENT-9a44",
    "colleague's draft": "CANARY-COLLEAGUE-DRAFT-9a44",
    "other body's draft": "CANARY-MOJ-DRAFT-9a44",
}

CONSENTING_NAME = "Consentova-7c21"  # the applicant with disclosure_consent "to_authority"


def _txt(name: str, content: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode(), content_type="text/plain")


@dataclass
class World:
    focal: object  # the MIA focal point (FocalPoint) whose portal is crawled
    colleague: object  # another focal point of the MIA
    other_focal: object  # the Ministry of Justice's focal point
    place: object  # the place the MIA supervises, visited
    other_place: object  # another place of the MIA, with its own recommendation
    open_request: object
    answered_request: object
    portal_request: object  # answered by the focal point through the portal, with a file
    consenting_request: object
    other_request: object
    issued_rec: object
    answered_rec: object
    assessed_rec: object
    portal_rec: object  # answered by the focal point through the portal, with evidence
    closed_rec: object
    draft_rec: object
    abandoned_rec: object
    other_rec: object
    place_rec_elsewhere: object
    # What the portal must show the focal point (the crawl fails if one is missing).
    expected: dict[str, str] = field(default_factory=dict)
    expected_in_pdf: dict[str, str] = field(default_factory=dict)
    expected_in_api: dict[str, str] = field(default_factory=dict)
    not_listed: dict[str, str] = field(default_factory=dict)
    # Ids and references the focal point must get 404 with: another body's items, receipts and
    # files, a draft, and every file that is not its body's answer or a letter sent to it.
    foreign_ids: list[str] = field(default_factory=list)

    @property
    def own_requests(self):
        return [self.open_request, self.answered_request, self.portal_request, self.consenting_request]

    @property
    def own_recommendations(self):
        return [
            self.issued_rec,
            self.answered_rec,
            self.assessed_rec,
            self.portal_rec,
            self.closed_rec,
            self.place_rec_elsewhere,
        ]

    @property
    def foreign(self):
        """Items the focal point must get 404 on: another body's, and a draft of its own body's."""
        return [self.other_request, self.other_rec, self.draft_rec, self.abandoned_rec]


def build_world() -> World:
    mia, moj = Authority.objects.get(code="mia"), Authority.objects.get(code="moj")
    focal = make_focal_point(authority=mia, username="mia.canary")
    colleague = make_focal_point(authority=mia, username="mia.colleague")
    other_focal = make_focal_point(authority=moj, username="moj.canary")

    # An application whose applicant did not consent: its identity and contacts are canaries.
    secret_app = make_application(
        None,
        summary=f"Beaten at the station. {CANARIES['complaint summary']}",
        applicant={
            "surname": CANARIES["applicant surname"],
            "given_name": CANARIES["applicant given name"],
            "patronymic": CANARIES["applicant patronymic"],
            "sex": "male",
            "phone": CANARIES["applicant phone"],
            "email": CANARIES["applicant e-mail"],
            "address": CANARIES["applicant address"],
        },
        victims=[{"surname": CANARIES["victim name"], "given_name": "V", "sex": "female"}],
    )
    secret_app = complaints.decide_admissibility(None, secret_app, "accept", reason=CANARIES["admissibility reasons"])
    complaints.add_note(None, secret_app, CANARIES["case note"])
    complaints.attach_file(None, secret_app, _txt(CANARIES["case file name"], CANARIES["case file content"]))
    open_request = complaints.send_info_request(
        None, secret_app, addressee=mia, basis="general", questions="QUESTIONS-OPEN-MIA-1d2e: who registered it?"
    )
    answered_request = complaints.send_info_request(
        None,
        secret_app,
        addressee=mia,
        basis="access_to_information",
        questions="QUESTIONS-ANSWERED-MIA-1d2e: the duty log?",
    )
    complaints.record_reply(None, answered_request, "REPLY-MIA-1d2e: the log is attached.")
    portal_request = complaints.send_info_request(
        None, secret_app, addressee=mia, basis="general", questions="QUESTIONS-PORTAL-MIA-1d2e: the cell register?"
    )
    request_receipt = answer_info_request(
        focal.user,
        portal_request,
        text="REPLY-PORTAL-MIA-1d2e: see the register.",
        files=[_txt("register-mia.txt", "EVIDENCE-MIA-1d2e: cell 4, 3 May.")],
    )
    complaints.add_measure(None, secret_app, kind="letter", addressee=mia, text=CANARIES["measure text"])

    # An application whose applicant consented to disclosure to the authority: name yes, contacts no.
    consenting_app = make_application(
        None,
        disclosure_consent="to_authority",
        applicant={
            "surname": CONSENTING_NAME,
            "given_name": "Aysel",
            "sex": "female",
            "phone": CANARIES["consenting applicant phone"],
            "email": CANARIES["consenting applicant e-mail"],
            "address": CANARIES["consenting applicant address"],
        },
    )
    consenting_app = complaints.decide_admissibility(None, consenting_app, "accept")
    consenting_request = complaints.send_info_request(
        None, consenting_app, addressee=mia, basis="general", questions="QUESTIONS-CONSENT-MIA-1d2e: when?"
    )

    # Another body's request, on its own application.
    moj_app = complaints.decide_admissibility(None, make_application(None, respondents=[moj]), "accept")
    other_request = complaints.send_info_request(
        None, moj_app, addressee=moj, basis="general", questions=CANARIES["other body's questions"]
    )
    # ... answered through the portal by that body's focal point, with a file: its receipt and
    # file are another body's.
    answer_info_request(
        other_focal.user,
        other_request,
        text=CANARIES["other body's reply"],
        files=[_txt(CANARIES["other body's file name"], CANARIES["other body's file content"])],
    )

    # A visit to a place the MIA supervises: interviews, an allegation, a reprisal, findings.
    place = make_place(None, name_az="Canary İstintaq Təcridxanası", name_en="Canary Isolator", authority=mia)
    visit = make_visit(None, place=place, announced=True)
    monitoring.prepare_visit(None, visit, CANARIES["visit objectives"])
    visit = monitoring.record_arrival(None, visit)
    interview = monitoring.add_interview(
        None,
        visit,
        pseudonym=CANARIES["interviewee pseudonym"],
        kind="detainee",
        identity=CANARIES["interviewee identity"],
        notes=CANARIES["interview notes"],
    )
    monitoring.record_allegation(
        None,
        interview,
        methods=CANARIES["allegation methods"],
        injuries=CANARIES["allegation injuries"],
        perpetrators=CANARIES["allegation perpetrators"],
        detaining_authority=mia,
    )
    reprisal = monitoring.report_reprisal(
        None,
        pseudonym=CANARIES["reprisal pseudonym"],
        measure="isolation",
        risk="medium",
        account=CANARIES["reprisal account"],
        interview=interview,
    )
    monitoring.advance_reprisal(None, reprisal, "risk_assessed")
    monitoring.advance_reprisal(None, reprisal, "action_taken", note=CANARIES["reprisal actions"])
    finding = monitoring.add_finding(
        None, visit, area="treatment", text=CANARIES["finding text"], severity="serious", sources=["detainee"]
    )

    def rec(text: str, **overrides):
        data = {
            "visit": visit,
            "findings": [finding],
            "addressee": mia,
            "text_az": text,
            "text_en": text,
            "rationale": CANARIES["rationale"],
        }
        data.update(overrides)
        return make_recommendation(None, **data)

    issued_rec = recs.issue_recommendation(None, rec("REC-ISSUED-MIA-4c8b: repair the cells."))
    answered_rec = recs.issue_recommendation(None, rec("REC-ANSWERED-MIA-4c8b: train the guards."))
    today = timezone.localdate()
    recs.record_response(
        None, answered_rec, stance=Stance.ACCEPTS, received_on=today, text="RESPONSE-MIA-4c8b: we accept."
    )
    follow_up = make_visit(None, place=place, announced=True)
    monitoring.prepare_visit(None, follow_up, "")
    follow_up = monitoring.record_arrival(None, follow_up)
    recs.record_follow_up_check(None, follow_up, answered_rec, "not_assessed", note=CANARIES["follow-up note"])
    assessed_rec = recs.issue_recommendation(
        None,
        rec("REC-ASSESSED-MIA-4c8b: light the yard."),
        due_date=date(today.year + 1, 1, 31),
        due_reason=CANARIES["due reason"],
    )
    recs.record_response(
        None,
        assessed_rec,
        stance=Stance.IMPLEMENTED,
        received_on=today,
        text="RESPONSE-DONE-MIA-4c8b: the yard is lit.",
    )
    recs.record_outcome(
        None,
        assessed_rec,
        "partially_implemented",
        evidence=Evidence.DOCUMENT,
        note=CANARIES["outcome note"],
        uploaded=_txt(CANARIES["staff document name"], CANARIES["staff document content"]),
    )
    recs.record_escalation(None, assessed_rec, "reminder_letter", taken_on=today, note=CANARIES["escalation note"])
    portal_rec = recs.issue_recommendation(None, rec("REC-PORTAL-MIA-4c8b: mend the roof."))
    rec_receipt = answer_recommendation(
        focal.user,
        portal_rec,
        stance=Stance.PROGRESS,
        text="RESPONSE-PORTAL-MIA-4c8b: the roofers come in May.",
        files=[_txt("roof-contract.txt", "EVIDENCE-REC-MIA-4c8b: contract 17.")],
    )
    closed_rec = recs.issue_recommendation(None, rec("REC-CLOSED-MIA-4c8b: close block B."))
    recs.mark_no_longer_relevant(None, closed_rec, CANARIES["no-longer-relevant reason"])
    draft_rec = rec(CANARIES["draft recommendation text"])
    # A draft set aside before it was ever issued ("no longer relevant" straight from the draft):
    # its text never left the institution.
    abandoned_rec = rec(CANARIES["abandoned draft's text"])
    recs.mark_no_longer_relevant(None, abandoned_rec, "The place closed before it was issued.")

    other_place = make_place(None, name_az="Digər Təcridxana", name_en="Other Isolator", authority=mia)
    elsewhere_visit, elsewhere_finding = visit_with_finding(None, place=other_place)
    place_rec_elsewhere = recs.issue_recommendation(
        None,
        make_recommendation(
            None,
            visit=elsewhere_visit,
            findings=[elsewhere_finding],
            addressee=mia,
            text_az="REC-ELSEWHERE-MIA-4c8b: open the windows.",
            text_en="REC-ELSEWHERE-MIA-4c8b: open the windows.",
        ),
    )

    other_rec = recs.issue_recommendation(
        None, make_recommendation(None, addressee=moj, text_az=CANARIES["other body's recommendation"])
    )
    # ... answered by that body's focal point through the portal, with evidence.
    answer_recommendation(
        other_focal.user,
        other_rec,
        stance=Stance.REJECTS,
        text=CANARIES["other body's response"],
        files=[_txt(CANARIES["other body's evidence name"], CANARIES["other body's evidence content"])],
    )

    from ombuds.focal.services.drafts import save_draft

    save_draft(colleague.user, open_request, {"text": CANARIES["colleague's draft"]})
    save_draft(other_focal.user, other_request, {"text": CANARIES["other body's draft"]})

    world = World(
        focal=focal,
        colleague=colleague,
        other_focal=other_focal,
        place=place,
        other_place=other_place,
        open_request=open_request,
        answered_request=answered_request,
        portal_request=portal_request,
        consenting_request=consenting_request,
        other_request=other_request,
        issued_rec=issued_rec,
        answered_rec=answered_rec,
        assessed_rec=assessed_rec,
        portal_rec=portal_rec,
        closed_rec=closed_rec,
        draft_rec=draft_rec,
        abandoned_rec=abandoned_rec,
        other_rec=other_rec,
        place_rec_elsewhere=place_rec_elsewhere,
    )
    # What the portal must show: its requests' questions and the body's replies with the file
    # and the receipt of its own, the applicant's name where consented; its recommendations
    # (texts, letters as sent) with the body's responses and the evidence it gave.
    world.expected = {
        **{f"questions {i}": r.questions for i, r in enumerate(world.own_requests)},
        "reply by letter": "REPLY-MIA-1d2e",
        "reply online": "REPLY-PORTAL-MIA-1d2e",
        "the reply's file": "EVIDENCE-MIA-1d2e",
        "receipt of the reply": request_receipt.reference,
        "receipt of the response": rec_receipt.reference,
        "consenting applicant's name": CONSENTING_NAME,
        **{f"recommendation {r.number}": r.text_en for r in world.own_recommendations},
        "response by letter": "RESPONSE-MIA-4c8b",
        "report by letter": "RESPONSE-DONE-MIA-4c8b",
        "response online": "RESPONSE-PORTAL-MIA-4c8b",
        "the response's evidence": "EVIDENCE-REC-MIA-4c8b",
    }
    world.expected_in_pdf = {
        **{f"letter of {r.number}": r.text_az for r in world.own_recommendations},
        **{f"request letter {i}": r.questions for i, r in enumerate(world.own_requests)},
    }
    world.expected_in_api = {
        **{f"questions {i}": r.questions for i, r in enumerate(world.own_requests)},
        **{f"recommendation {r.number}": r.text_en for r in world.own_recommendations},
        "response online": "RESPONSE-PORTAL-MIA-4c8b",
        "receipt of the response": rec_receipt.reference,
        "reply online": "REPLY-PORTAL-MIA-1d2e",
        "receipt of the reply": request_receipt.reference,
    }
    # Not secrets, but another body's (or a draft's) numbers must not be listed either.
    world.not_listed = {
        "other body's recommendation number": other_rec.number,
        "draft's number": draft_rec.number,
        "abandoned draft's number": abandoned_rec.number,
        "other body's application number": moj_app.number,
    }
    world.foreign_ids = _foreign_ids(world)
    return world


def _foreign_ids(world: World) -> list[str]:
    from django.contrib.contenttypes.models import ContentType

    from ombuds.complaints.models import InfoRequest
    from ombuds.core.models import Attachment
    from ombuds.focal.models import Receipt
    from ombuds.recommendations.models import AuthorityResponse, StatusChange

    requests = [r.pk for r in world.own_requests]
    recommendations = [r.pk for r in world.own_recommendations]
    own_files = Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(InfoRequest), object_id__in=requests
    ) | Attachment.objects.filter(
        content_type=ContentType.objects.get_for_model(AuthorityResponse),
        object_id__in=AuthorityResponse.objects.filter(recommendation__in=recommendations).values("pk"),
    )
    letters = StatusChange.objects.filter(
        recommendation__in=recommendations, new_status="issued", document__isnull=False
    ).values("document")
    files = Attachment.objects.exclude(pk__in=own_files.values("pk")).exclude(pk__in=letters)
    receipts = Receipt.objects.exclude(focal_point__user__authority=world.focal.user.authority)
    return [
        *(str(item.public_id) for item in world.foreign),
        *(str(public_id) for public_id in files.values_list("public_id", flat=True)),
        *(ref for receipt in receipts for ref in (receipt.reference, str(receipt.public_id))),
    ]
