"""The DOCX edition of a report (python-docx), from the same content as the PDF
(`documents.report_context`): real Heading styles (the navigation pane and the table of contents
read them), a TOC field Word and LibreOffice fill in, page numbers in the footer, every table a
real table whose header row repeats on each page, and the text's language set for the spelling
checker and screen readers. Charts stay in the PDF edition: the DOCX carries their data tables."""

from __future__ import annotations

import io
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ombuds.reports.templatetags.report_tables import grouped, signed

FONT = "DejaVu Sans"  # has Azerbaijani ə and Cyrillic


def _set_language(rpr, locale: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), locale)


def _styles(document, locale: str) -> None:
    """Every style in DejaVu Sans and the document's language, set once in the defaults and on
    the styles used (a style may carry its own font, which would win over the defaults)."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_language(rpr, locale)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Caption"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = FONT
        style_rpr = style.element.get_or_add_rPr()
        fonts = style_rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            style_rpr.insert(0, fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        _set_language(style_rpr, locale)
    document.styles["Normal"].font.size = Pt(10)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A simple field (TOC, PAGE): the application computes it when the document is opened."""
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _update_fields_on_open(document) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _table(document, header: list[str], rows: list[list[str]], caption: str, *, footer: list[str] | None = None):
    document.add_paragraph(caption, style="Caption")
    body = rows + ([footer] if footer else [])
    table = document.add_table(rows=1 + len(body), cols=len(header))
    table.style = "Table Grid"
    for index, text in enumerate(header):
        cell = table.rows[0].cells[index]
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    _repeat_header(table.rows[0])
    for r, values in enumerate(body, start=1):
        for index, text in enumerate(values):
            cell = table.rows[r].cells[index]
            cell.text = text
            if index:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if footer and r == len(body):
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    return table


def _change() -> str:
    return pgettext("difference from the year before", "Change")


def _percent(value) -> str:
    return "" if value is None else str(value)


def _view(document, view) -> None:
    spec = view.spec
    document.add_heading(f"{_('Table')} {spec.code}. {spec.title}", level=2)
    if spec.layout == "headline":
        header = [
            _("Figure"),
            _("This year"),
            _("Year before"),
            _change(),
            pgettext("unit of count", "Unit"),
        ]
        rows = [
            [b.title, grouped(b.total.value), grouped(b.total.previous), signed(b.total.change), b.unit_label]
            for b in view.blocks
        ]
        _table(document, header, rows, str(spec.title))
        return
    for block in view.blocks:
        if len(view.blocks) > 1:
            document.add_heading(block.title, level=3)
        caption = f"{block.title} ({block.unit_label})"
        if block.missing:
            document.add_paragraph(_("This figure was not in the dataset when it was taken."))
            continue
        if block.is_cross:
            header = ["", *[label for _key, label in block.columns], _("Total"), _("Year before")]
            rows = [
                [row.label, *[grouped(c) for c in row.cells], grouped(row.value), grouped(row.previous)]
                for row in block.rows
            ]
            footer = [
                _("Total"),
                *[grouped(c) for c in block.column_totals],
                grouped(block.total.value),
                grouped(block.total.previous),
            ]
            _table(document, header, rows, caption, footer=footer)
            continue
        if not block.additive:
            caption += " — " + _("one record may count in several rows: the rows are not summed")
        header = ["", _("This year"), _("Year before"), _change(), _("Change, %")]
        rows = [
            [r.label, grouped(r.value), grouped(r.previous), signed(r.change), _percent(r.change_percent)]
            for r in block.rows
        ]
        total = block.total
        footer = [
            _("Total") if block.additive else _("Records counted (each once)"),
            grouped(total.value),
            grouped(total.previous),
            signed(total.change),
            _percent(total.change_percent),
        ]
        _table(document, header, rows, caption, footer=footer)
        if spec.chart == "bar":
            document.add_paragraph(_("The chart of this table is in the PDF edition."), style="Caption")
    if spec.note:
        document.add_paragraph(str(spec.note))


def _dataset_lines(dataset, *, before: bool = False) -> list[str]:
    values = {
        "start": date_format(dataset.period_start, "SHORT_DATE_FORMAT"),
        "end": date_format(dataset.period_end, "SHORT_DATE_FORMAT"),
        "number": dataset.number,
        "when": date_format(timezone.localtime(dataset.snapshot_at), "DATETIME_FORMAT"),
    }
    if before:
        text = _("The year before: dataset of %(start)s–%(end)s, version %(number)s, taken on %(when)s.") % values
    else:
        text = _("Dataset of %(start)s–%(end)s, version %(number)s, taken on %(when)s.") % values
    return [text, f"{_('SHA-256:')} {dataset.content_hash}"]


def build_docx(context: dict[str, Any]) -> bytes:
    language, locale = context["language"], context["locale"]
    with translation.override(language):
        document = Document()
        _styles(document, locale)
        props = document.core_properties
        props.title = context["title"]
        props.language = locale
        props.subject = f"{context['kind']} {context['year']}"
        # The cover.
        document.add_paragraph(context["title"], style="Title")
        document.add_paragraph(context["kind"])
        document.add_paragraph(str(context["year"]))
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        # The table of contents: a field over the headings, filled in by the word processor.
        document.add_paragraph(_("Contents"), style="Heading 1")
        _field(document.add_paragraph(), r'TOC \o "1-3" \h \z \u', _("Update the field to see the contents."))
        _update_fields_on_open(document)
        footer = document.sections[0].footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE", "1")
        for number, chapter in enumerate(context["chapters"], start=1):
            document.add_page_break()
            document.add_heading(f"{number}. {chapter.title}", level=1)
            for paragraph in chapter.paragraphs:
                document.add_paragraph(paragraph)
            for view in chapter.tables:
                _view(document, view)
        if context["recommendations"]:
            document.add_page_break()
            document.add_heading(_("Recommendations"), level=1)
            for rec in context["recommendations"]:
                head = document.add_paragraph()
                head.add_run(f"{rec.number} — {rec.addressee}").bold = True
                head.add_run(f" ({rec.status})")
                document.add_paragraph(rec.text)
        document.add_page_break()
        document.add_heading(_("Annex: definitions and data"), level=1)
        document.add_heading(_("What each figure counts"), level=2)
        for item in context["definitions"]:
            document.add_paragraph(f"{item.title} ({item.unit})").runs[0].bold = True
            placed = _("Placed in the period by: %(date)s.") % {"date": item.dated_by}
            document.add_paragraph(f"{item.definition} {placed}".strip())
        document.add_heading(_("The data behind this report"), level=2)
        for line in _dataset_lines(context["dataset"]):
            document.add_paragraph(line)
        if context["previous"] is not None:
            for line in _dataset_lines(context["previous"], before=True):
                document.add_paragraph(line)
        else:
            document.add_paragraph(_("There is no dataset of the year before: the year-before column is empty."))
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
