"""The deadlines page: the timeline, the milestones in words, the report and repair dates (of the
first report and of each yearly one), the agenda."""

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from markupsafe import Markup
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.date_field import OptionalDateField
from gui.day_clock import DayClock
from gui.dossier_editor import DossierEditor
from gui.page_parts import Page, label
from gui.timeline_widget import TimelineWidget
from model.agenda import deadlines_calendar
from model.content import Connection
from model.deadline_text import milestone_advice, milestone_label, milestone_when, state_label
from model.dossier import DateField
from model.locations import safe_file_name
from model.progress import flow_progress
from model.system_errors import dutch_reason
from model.timeline import Milestone, MilestoneKind, RepairDates, findings_deadline, milestones

RECORDED_DATES = {  # the first report's dates and their objectNames; labels in [timeline.fields]
    DateField.REPORT_SENT: "reportSent",
    DateField.LOGIUS_FIX_DEADLINE: "logiusFixDeadline",
    DateField.FINDINGS_FIXED: "findingsFixed",
}
REPAIR_FIELD_NAMES = {  # a yearly report's repair: its dates, as the first report's, and their objectNames
    DateField.LOGIUS_FIX_DEADLINE: "annualFixDeadline",
    DateField.FINDINGS_FIXED: "annualFixed",
}


class DeadlinesPage(Page):
    def __init__(self, editor: DossierEditor, clock: DayClock) -> None:
        super().__init__()
        self.editor, self.clock = editor, clock
        wording = editor.content.general.timeline
        self.add_header("Termijnen", "Termijnen en uiterste datums")
        self.progress = self.add(label(kind="purpose"))
        self.register_t0 = self.add(label())
        self.register_t0.setObjectName("deadlinesRegisterT0")
        self.timeline = self.add(TimelineWidget())
        self.listing = self.add(label(rich=True))
        self.listing.setObjectName("milestoneList")

        self.add(label("Rapport en herstel", "heading"))
        self.fields: dict[DateField, OptionalDateField] = {}
        for field, name in RECORDED_DATES.items():
            title, unknown = wording.fields[field.value], wording.fields[f"{field.value}_unknown"]
            self.add(label(title))
            suggestion = self._repair_deadline(None) if field == DateField.LOGIUS_FIX_DEADLINE else None
            widget = self.add(OptionalDateField(title, unknown, name, f"{name}Unknown", suggestion))
            widget.changed.connect(lambda value, field=field: self._save(field, value))
            self.fields[field] = widget
        self.add(label("Jaarlijkse auditrapporten", "heading"))
        self.annual_box = self.add(QWidget())
        self.annual_rows = QVBoxLayout(self.annual_box)
        self.annual_rows.setContentsMargins(0, 0, 0, 0)
        self.annual_fields: dict[int, OptionalDateField] = {}
        self.repair_boxes: dict[int, QWidget] = {}  # shown once that year's report is recorded
        self.repair_fields: dict[tuple[int, DateField], OptionalDateField] = {}

        round_row = QHBoxLayout()
        self.start_round_button = QPushButton("Nieuwe jaarronde starten …")
        self.start_round_button.setObjectName("startRound")
        round_row.addWidget(self.start_round_button)
        round_row.addStretch(1)
        self.body.addLayout(round_row)

        self.add(label("Zo worden de termijnen berekend", "heading"))
        self.cluster_note = self.add(label(wording.notes["cluster"]))
        for text in (wording.notes["findings"], wording.notes["annual"], wording.threat_consequence_detail):
            self.add(label(text))
        self.add(label(wording.notes["sources"], "hint"))

        row = QHBoxLayout()
        self.agenda_button = QPushButton("Zet deadlines in agenda …")
        self.agenda_button.setObjectName("exportCalendar")
        self.agenda_button.clicked.connect(self.export_calendar)
        row.addWidget(self.agenda_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.agenda_result = self.add(label(kind="hint"))
        self.agenda_result.setObjectName("calendarResult")
        self.agenda_result.hide()

        self.follow(editor.changed, clock.dayChanged)
        self.refresh()

    def _save(self, field: DateField, value: date | None) -> None:
        if getattr(self.editor.dossier, field.value) != value:
            self.editor.set_date(field, value)

    def refresh(self) -> None:
        dossier, wording = self.editor.dossier, self.editor.content.general.timeline
        today = self.clock.today()
        progress = flow_progress(self.editor.flow, self.editor.ticked, dossier.role)
        self.progress.setText(f"Voortgang: {progress.ticked()}.")
        shown = [
            (each, milestone_label(each, dossier.connection, wording), state_label(each, wording))
            for each in milestones(self.editor.deadline_dates, today)
        ]
        self.timeline.set_milestones(shown, today)
        explanation = self.editor.t0_explanation()
        self.register_t0.setText(explanation)
        self.register_t0.setVisible(bool(explanation))
        if shown:
            rows = Markup("").join(
                Markup("<li><b>{}</b>: {}{}</li>").format(
                    name, milestone_when(each, state), self._advice(each) if each.is_deadline else ""
                )
                for each, name, state in shown
            )
            self.listing.setText(Markup("<ul>{}</ul>").format(rows))
        else:
            key = "unknown_cluster" if dossier.connection == Connection.CLUSTER else "unknown"
            self.listing.setText(wording.countdown[key])  # plain text: escaped by the rich label
        for field, widget in self.fields.items():
            widget.set_value(getattr(dossier, field.value))
        self._show_annual_fields(
            [each.day.year for each, _, _ in shown if each.kind == MilestoneKind.ANNUAL_REPORT]
        )
        self.cluster_note.setVisible(dossier.connection == Connection.CLUSTER)
        self.agenda_button.setEnabled(bool(shown))

    def _advice(self, milestone: Milestone) -> Markup:
        advice = milestone_advice(milestone, self.editor.content.general.timeline)
        return Markup("<br>{}").format(advice.html(with_mail=False))  # the bar above has the mail link

    def _show_annual_fields(self, years: list[int]) -> None:
        """Per yearly report on the list: when it went to Logius and, once it did, the dates of
        fixing its findings."""
        if list(self.annual_fields) != years:
            while self.annual_rows.count():
                self.annual_rows.takeAt(0).widget().deleteLater()
            self.annual_fields, self.repair_boxes, self.repair_fields = {}, {}, {}
            for year in years:
                self._add_annual_fields(year)
        for year, field in self.annual_fields.items():
            field.set_value(self.editor.annual_reports.get(year))
            self.repair_boxes[year].setVisible(year in self.editor.annual_reports)
            repair = self.editor.annual_repairs.get(year, RepairDates())
            for date_field in REPAIR_FIELD_NAMES:
                self.repair_fields[year, date_field].set_value(getattr(repair, date_field.value))

    def _add_annual_fields(self, year: int) -> None:
        wording = self.editor.content.general.timeline.fields
        title = wording["annual_report"].format(year_before=year - 1)
        self.annual_rows.addWidget(label(title))
        field = OptionalDateField(
            title, wording["annual_report_unknown"], f"annualReport.{year}", f"annualReport.{year}Unknown"
        )
        field.changed.connect(lambda value, year=year: self.editor.set_annual_report(year, value))
        self.annual_rows.addWidget(field)
        self.annual_fields[year] = field
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(24, 0, 0, 0)  # under its report
        for date_field, name in REPAIR_FIELD_NAMES.items():
            repair_title = wording["annual_repair"].format(field=wording[date_field.value], year=year)
            unknown = wording[f"{date_field.value}_unknown"]
            rows.addWidget(label(repair_title))
            suggestion = self._repair_deadline(year) if date_field == DateField.LOGIUS_FIX_DEADLINE else None
            repair = OptionalDateField(
                repair_title, unknown, f"{name}.{year}", f"{name}.{year}Unknown", suggestion
            )
            repair.changed.connect(
                lambda value, year=year, date_field=date_field: self._save_repair(year, date_field, value)
            )
            rows.addWidget(repair)
            self.repair_fields[year, date_field] = repair
        self.annual_rows.addWidget(box)
        self.repair_boxes[year] = box

    def _repair_deadline(self, year: int | None) -> Callable[[], date | None]:
        """Logius's letter usually gives the usual term: two months after the report (of `year`, or
        the first one); today would say the deadline is today."""

        def suggested() -> date | None:
            sent = self.editor.dossier.report_sent if year is None else self.editor.annual_reports.get(year)
            return findings_deadline(sent, None) if sent is not None else None

        return suggested

    def _save_repair(self, year: int, field: DateField, value: date | None) -> None:
        if getattr(self.editor.annual_repairs.get(year, RepairDates()), field.value) != value:
            self.editor.set_annual_repair(year, field, value)

    def export_calendar(self) -> None:
        dossier = self.editor.dossier
        suggested = Path.home() / f"DigiD-assessment termijnen {safe_file_name(dossier.name)}.ics"
        path, _ = QFileDialog.getSaveFileName(
            self, "Deadlines in agenda zetten", str(suggested), "Agenda (*.ics)"
        )
        if path:
            self.write_calendar(Path(path))

    def write_calendar(self, path: Path) -> bool:
        dossier = self.editor.dossier
        data = deadlines_calendar(
            dossier.name,
            dossier.connection,
            self.editor.deadline_dates,
            self.clock.today(),
            self.editor.content.general.timeline,
            datetime.now(),
        )
        self.agenda_result.show()
        try:
            path.write_bytes(data)
        except OSError as error:
            self.agenda_result.setText(
                f"Het agendabestand kon niet worden opgeslagen: {dutch_reason(error)}."
            )
            return False
        self.agenda_result.setText(
            f"Opgeslagen in {path}. Open dit bestand om de termijnen in Outlook of Google Agenda te zetten."
        )
        return True
