"""Starting the next yearly round, after a confirmation that says what happens to what."""

from PySide6.QtWidgets import QWidget

from gui.dialogs import confirm, inform
from gui.dossier_editor import DossierEditor
from model.dossier import DateField
from model.rounds import FIRST_ROUND, round_name

TITLE = "Nieuwe jaarronde starten"


def start_round_question(current: int, year: int, with_register: bool, report_recorded: bool) -> str:
    """What the confirmation says: which round starts, what stays, what starts empty, where the
    previous round can still be read; and a warning while that round's report is not recorded."""
    previous = "het eerste assessment" if current == FIRST_ROUND else f"jaarronde {current}"
    register = "het register met de zorgaanbieders, " if with_register else ""
    unsent = f"Let op: bij {previous} is niet vastgelegd dat het auditrapport bij Logius is ingediend.\n\n"
    return (
        f"Jaarronde {year} starten? Dit is de ronde voor het jaarlijkse auditrapport over {year - 1}, "
        f"in te dienen tussen 1 januari en 1 mei {year}.\n\n"
        f"{'' if report_recorded else unsent}"
        f"Wat blijft: de organisatie, de aansluiting, {register}de datums op de pagina Termijnen en wat "
        "maar één keer hoeft (zoals een pre-assessment, contracten en akkoordverklaringen), met hun "
        "vinkjes.\n\n"
        "Wat opnieuw begint: de jaarlijkse actiepunten staan weer zonder vinkje en hun notities zijn "
        "leeg.\n\n"
        f"De vinkjes, notities en datums van {previous} blijven bewaard. U kiest die ronde bovenaan "
        "het dossier bij ‘Ronde’, om ze te lezen, aan te vullen of af te drukken."
    )


def start_next_round(parent: QWidget, editor: DossierEditor) -> int | None:
    """Ask, then open the next round; its year, or None when nothing was started."""
    year = editor.next_round()
    if year is None:
        inform(
            parent,
            TITLE,
            "De eerste jaarronde volgt uit de datum van activatie in productie, en die is nog niet "
            "bekend. Vul die eerst in bij Dossiergegevens (bij een clusteraansluiting: de datums "
            "in productie van de zorgaanbieders in het register).",
        )
        return None
    current = editor.current_round
    report_recorded = editor.recorded_date(DateField.REPORT_SENT, current) is not None
    question = start_round_question(current, year, editor.keeps_register, report_recorded)
    if not confirm(parent, TITLE, question, f"{round_name(year)} starten"):
        return None
    return year if editor.start_round() else None
