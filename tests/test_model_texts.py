"""The Dutch words the model writes: dates, deadline sentences and the change history."""

from datetime import date, datetime, timedelta

import pytest

from model.agenda import deadlines_calendar
from model.content import Connection, Role, bundled_content
from model.deadline_text import countdown, milestone_label, milestone_when, state_label
from model.dossier import Change, Dossier
from model.dutch import date_and_time, days_phrase, local_date, long_date, short_date
from model.history_text import change_time, describe_change, item_texts
from model.register import deadline_dates
from model.timeline import DossierDates, Milestone, MilestoneKind, State, milestones
from model.version import __version__

CONTENT = bundled_content()
WORDING = CONTENT.general.timeline
ITEMS = item_texts(CONTENT)



@pytest.mark.parametrize(
    "days, text",
    [
        (0, "vandaag"),
        (1, "nog 1 dag"),
        (2, "nog 2 dagen"),
        (23, "nog 23 dagen"),
        (-1, "1 dag geleden"),
        (-2, "2 dagen geleden"),
        (-30, "30 dagen geleden"),
    ],
)
def test_days_phrase(days: int, text: str) -> None:
    assert days_phrase(days) == text


def test_dates_written_out_and_short() -> None:
    assert [long_date(date(2026, month, 1)).split()[1] for month in range(1, 13)] == [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]  # fmt: skip
    assert long_date(date(2026, 12, 31)) == "31 december 2026"
    assert short_date(date(2026, 9, 1)) == "1-9-2026"
    assert date_and_time(datetime(2026, 11, 28, 8, 5)) == "28 november 2026 08:05"


def test_a_stored_moment_becomes_the_users_day(amsterdam: None) -> None:
    assert local_date(datetime(2026, 11, 28, 22, 59)) == date(2026, 11, 28)
    assert local_date(datetime(2026, 11, 28, 23, 30)) == date(2026, 11, 29)  # 00:30 in Amsterdam
    assert change_time(Change(datetime(2026, 7, 1, 21, 5), None, "note", "", "x")) == "1 juli 2026 23:05"


def dossier(**dates: date | None) -> Dossier:
    return Dossier(1, "Praktijk", Connection.DIRECT, Role.CARE_PROVIDER, "direct.1", **dates)


def by_kind(dates: DossierDates, today: date) -> dict[MilestoneKind, Milestone]:
    return {each.kind: each for each in milestones(dates, today)}


def test_milestone_labels_and_states() -> None:
    found = by_kind(DossierDates(date(2026, 12, 31)), date(2027, 2, 20))
    activation = found[MilestoneKind.ACTIVATION]
    assert milestone_label(activation, Connection.DIRECT, WORDING) == "Activatie in productie"
    assert milestone_label(activation, Connection.CLUSTER, WORDING) == "Tweede zorgaanbieder in productie"
    first = found[MilestoneKind.FIRST_REPORT]
    assert milestone_label(first, Connection.CLUSTER, WORDING) == "Auditrapport bij Logius"
    assert state_label(activation, WORDING) == "geactiveerd"
    assert state_label(first, WORDING) == "binnenkort"
    before = by_kind(DossierDates(date(2026, 12, 31)), date(2026, 12, 1))[MilestoneKind.ACTIVATION]
    assert state_label(before, WORDING) == "gepland"  # the activation date is planned; a deadline is "open"
    assert state_label(found[MilestoneKind.ANNUAL_REPORT], WORDING) == "open"
    assert milestone_label(found[MilestoneKind.ANNUAL_REPORT], Connection.DIRECT, WORDING) == (
        "Jaarlijks auditrapport 2028"
    )
    sent = by_kind(DossierDates(date(2026, 12, 31), report_sent=date(2027, 2, 1)), date(2027, 2, 20))
    assert state_label(sent[MilestoneKind.FIRST_REPORT], WORDING) == "afgerond"


def test_when_a_milestone_falls_in_words() -> None:
    today = date(2027, 2, 20)
    record = dossier(activation_date=date(2026, 12, 31))
    found = by_kind(deadline_dates(record, [], date(2027, 4, 10)), today)
    assert milestone_when(found[MilestoneKind.FIRST_REPORT], "binnenkort") == (
        "uiterlijk 28 februari 2027 (nog 8 dagen; binnenkort)"
    )
    assert milestone_when(found[MilestoneKind.ACTIVATION], "geactiveerd") == (
        "31 december 2026 (51 dagen geleden; geactiveerd)"
    )
    assert milestone_when(found[MilestoneKind.ANNUAL_REPORT], "open") == (
        "tussen 1 januari 2028 en 1 mei 2028 (nog 436 dagen; open)"
    )


def test_a_done_deadline_says_when_it_was_done() -> None:
    record = dossier(
        activation_date=date(2026, 12, 31),
        report_sent=date(2027, 2, 10),
        logius_fix_deadline=date(2027, 5, 1),
        findings_fixed=date(2027, 4, 2),
    )
    found = by_kind(deadline_dates(record, [], date(2027, 4, 10)), date(2027, 4, 10))
    assert milestone_when(found[MilestoneKind.FIRST_REPORT], "afgerond") == (
        "ingediend op 10 februari 2027 (uiterste datum was 28 februari 2027)"
    )
    assert milestone_when(found[MilestoneKind.FINDINGS_FIXED], "afgerond") == (
        "hersteld op 2 april 2027 (uiterste datum was 1 mei 2027)"
    )
    open_fix = dossier(activation_date=date(2026, 12, 31), report_sent=date(2027, 2, 10),
                       logius_fix_deadline=date(2027, 5, 1))  # fmt: skip
    open_dates = deadline_dates(open_fix, [], date(2027, 4, 10))
    fix = by_kind(open_dates, date(2027, 4, 10))[MilestoneKind.FINDINGS_FIXED]
    assert milestone_when(fix, "open") == (
        "uiterlijk 1 mei 2027, de datum uit de brief van Logius (nog 21 dagen; open)"
    )


def change(subject: str, old: str, new: str) -> Change:
    return Change(datetime(2026, 11, 28, 12), "direct.1", subject, old, new)


@pytest.mark.parametrize(
    "subject, old, new, text",
    [
        ("direct.1.1", "niet afgevinkt", "afgevinkt", f"Afgevinkt: {ITEMS['direct.1.1']}"),
        ("direct.1.1", "afgevinkt", "niet afgevinkt", f"Vinkje weggehaald: {ITEMS['direct.1.1']}"),
        ("direct.9.9", "niet afgevinkt", "afgevinkt", "Afgevinkt: direct.9.9"),  # an item no longer known
        ("note", "", "Eerste", "Notitie geschreven"),
        ("note", "Eerste", "Tweede", "Notitie gewijzigd"),
        ("note", "Eerste", "", "Notitie gewist"),
        ("name", "Oud", "Nieuw", "Naam: Oud → Nieuw"),
        ("activation_date", "", "2026-11-02", "Datum van activatie in productie: 2 november 2026"),
        ("report_sent", "2027-02-01", "", "Auditrapport ingediend: 1 februari 2027 → niet meer ingevuld"),
        ("connection", "direct", "cluster", "Type aansluiting: Directe aansluiting → Clusteraansluiting"),
        ("role", "care_provider", "supplier", "Eigen rol: Zorgaanbieder → ICT-leverancier"),
        ("something_new", "a", "b", "something_new: a → b"),
    ],
)
def test_each_change_in_words(subject: str, old: str, new: str, text: str) -> None:
    assert describe_change(change(subject, old, new), CONTENT, ITEMS) == text


def test_the_calendar_file_line_by_line() -> None:
    data = deadlines_calendar(
        "Praktijk", Connection.CLUSTER, DossierDates(date(2026, 12, 31)), date(2027, 2, 21), WORDING,
        datetime(2027, 2, 21, 9),
    )  # fmt: skip
    lines = data.decode().replace("\r\n ", "").splitlines()  # long lines unfolded

    def event(what: str, day: str, uid_kind: str, description: str) -> list[str]:
        following = (date.fromisoformat(day) + timedelta(days=1)).strftime("%Y%m%d")
        alarms = [
            f"BEGIN:VALARM|ACTION:DISPLAY|DESCRIPTION:Over {phrase}: {what} (Praktijk)|TRIGGER:-P{days}D"
            "|END:VALARM"
            for days, phrase in ((14, "14 dagen"), (1, "1 dag"))
        ]
        return (
            f"BEGIN:VEVENT|SUMMARY:DigiD-assessment Praktijk: {what}|DTSTART;VALUE=DATE:{day}"
            f"|DTEND;VALUE=DATE:{following}|DTSTAMP:20270221T090000Z"
            f"|UID:{uid_kind}-{day[:4]}-{day[4:6]}-{day[6:]}-b2319f2e8bc7@digid-wegwijzer"
            f"|DESCRIPTION:{description}|TRANSP:TRANSPARENT|{'|'.join(alarms)}"
            "|END:VEVENT"
        ).split("|")

    def window(year: int) -> list[str]:
        return [
            *event(
                f"Venster voor het jaarlijkse auditrapport {year} gaat open",
                f"{year}0101",
                "annual_window",
                f"Tussen 1 januari en 1 mei {year} moet het auditrapport over {year - 1} bij Logius zijn.",
            ),
            *event(
                f"Jaarlijks auditrapport {year}",
                f"{year}0501",
                "annual_report",
                "Uiterste datum voor het jaarlijkse auditrapport bij Logius.",
            ),
        ]

    assert lines == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//DigiD Assessment Wegwijzer//{__version__}//NL",
        "X-WR-CALNAME:DigiD-assessment Praktijk",
        *event(
            "Auditrapport bij Logius",
            "20270228",
            "first_report",
            "Uiterste datum voor het auditrapport bij Logius.",
        ),
        *window(2028),
        *window(2029),
        *window(2030),
        "END:VCALENDAR",
    ]


def test_the_countdown_in_each_situation() -> None:
    t0 = date(2026, 12, 31)
    unknown = countdown(Connection.DIRECT, DossierDates(None), date(2026, 11, 28), WORDING)
    assert (unknown.text, unknown.state, unknown.threatened) == (WORDING.countdown["unknown"], None, False)
    before = countdown(Connection.DIRECT, DossierDates(t0), date(2026, 12, 30), WORDING)
    assert (before.state, before.threatened) == (State.FUTURE, False)
    on_the_day = countdown(Connection.DIRECT, DossierDates(t0), t0, WORDING)
    assert on_the_day.text == (
        "Nog 59 dagen tot de uiterste datum voor het auditrapport bij Logius (28 februari 2027)"
    )
    assert (on_the_day.state, on_the_day.threatened) == (State.FUTURE, False)
    soon = countdown(Connection.DIRECT, DossierDates(t0), date(2027, 2, 20), WORDING)
    assert (soon.state, soon.threatened) == (State.DUE_SOON, True)
    one_day_late = countdown(Connection.DIRECT, DossierDates(t0), date(2027, 3, 1), WORDING)
    assert one_day_late.text == (
        "1 dag te laat: de uiterste datum voor het auditrapport bij Logius was 28 februari 2027"
    )
    assert (one_day_late.state, one_day_late.threatened) == (State.OVERDUE, True)
