"""The MUC-4 adapter: reading reports and answer keys in MUC's own format (written here, not copied),
scoring a run of the real pipeline; and the ACLED adapter's stripping of coders' conventions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventdesk.app import evaluate
from eventdesk.evaluate._muc_data import DateRange, parse_muc_date, read_keys, read_reports
from eventdesk.evaluate.acled import strip_coder_notes
from eventdesk.settings import Settings

REPORTS = """TST9-MUC4-0001 (TEST)

   BOGOTA, 12 MAR 90 (EFE) -- [REPORT] [RADIO CADENA] [TEXT] A CAR BOMB
EXPLODED TODAY OUTSIDE THE OFFICES OF THE DAILY NEWSPAPER IN MEDELLIN,
KILLING THREE PASSERSBY, POLICE SAID.  THE EXTRADITABLES CLAIMED
RESPONSIBILITY FOR THE ATTACK.

   THE BLAST DESTROYED TWO CARS.


TST9-MUC4-0002 (TEST)

   LIMA, 13 MAR 90 -- [TEXT] THE PERUVIAN CONGRESS APPROVED THE BUDGET
FOR 1990 TODAY AFTER A LONG DEBATE.


TST9-MUC4-0003 (TEST)

   LIMA, 14 MAR 90 -- [TEXT] A BOMB EXPLODED IN A MARKET IN HUANCAYO TODAY,
KILLING TWO WOMEN, POLICE SAID.
"""

KEYS = """0.  MESSAGE: ID                     TST9-MUC4-0001 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  12 MAR 90
3.  INCIDENT: LOCATION              COLOMBIA: MEDELLIN (CITY)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         "CAR BOMB"
7.  INCIDENT: INSTRUMENT TYPE       VEHICLE BOMB: "CAR BOMB"
8.  PERP: INCIDENT CATEGORY         TERRORIST ACT
9.  PERP: INDIVIDUAL ID             -
10. PERP: ORGANIZATION ID           "THE EXTRADITABLES" / "EXTRADITABLES"
11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: "THE EXTRADITABLES"
12. PHYS TGT: ID                    "OFFICES OF THE DAILY NEWSPAPER"
13. PHYS TGT: TYPE                  COMMUNICATIONS: "OFFICES OF THE DAILY NEWSPAPER"
14. PHYS TGT: NUMBER                1: "OFFICES OF THE DAILY NEWSPAPER"
15. PHYS TGT: FOREIGN NATION        -
16. PHYS TGT: EFFECT OF INCIDENT    SOME DAMAGE: "OFFICES OF THE DAILY NEWSPAPER"
17. PHYS TGT: TOTAL NUMBER          -
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "PASSERSBY"
20. HUM TGT: TYPE                   CIVILIAN: "PASSERSBY"
21. HUM TGT: NUMBER                 3: "PASSERSBY"
22. HUM TGT: FOREIGN NATION         -
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "PASSERSBY"
24. HUM TGT: TOTAL NUMBER           -

0.  MESSAGE: ID                     TST9-MUC4-0002 (TEST)
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *
3.  INCIDENT: LOCATION              *
4.  INCIDENT: TYPE                  *
5.  INCIDENT: STAGE OF EXECUTION    *

0.  MESSAGE: ID                     TST9-MUC4-0003 (TEST)
1.  MESSAGE: TEMPLATE               *
"""


@pytest.fixture()
def muc_set(tmp_path: Path) -> Path:
    folder = tmp_path / "tst9"
    folder.mkdir()
    (folder / "tst9-muc4").write_text(REPORTS, encoding="latin-1")
    (folder / "key-tst9.v1").write_text(KEYS, encoding="latin-1")
    return folder


def test_reports_become_articles_with_the_dateline_and_joined_lines(muc_set: Path) -> None:
    first, second, _ = read_reports(muc_set)
    assert first.id == "TST9-MUC4-0001" and first.published == dt.date(1990, 3, 12)
    assert first.text.startswith("BOGOTA, 12 MAR 90 -- A CAR BOMB EXPLODED TODAY OUTSIDE")  # labels dropped
    assert "\n" not in first.text.split("\n\n")[0]  # hard wraps joined inside a paragraph
    assert first.text.count("\n\n") == 1
    assert second.text.isupper()  # wire copy keeps its case


@pytest.mark.parametrize(("dateline", "published", "opening"), [
    # so typed in the corpus: a source bracket opened with "[" and closed with ")"
    ("BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- [SPEECH]", dt.date(1990, 4, 27), "BOGOTA, 27 APR 90 --"),
    # a bracket inside the source's
    ("SAN SALVADOR, 17 NOV 89 (INTERPRESS AGENCY [IPS]) --", dt.date(1989, 11, 17), "SAN SALVADOR, 17 NOV 89 --"),
])
def test_a_dateline_with_an_irregular_source_bracket_is_read(tmp_path: Path, dateline, published, opening) -> None:
    """The report's dateline gives the publication date however its source's brackets are typed."""
    (tmp_path / "tst9-muc4").write_text(
        f"TST9-MUC4-0009 (TEST)\n\n   {dateline} [TEXT] A BOMB EXPLODED TODAY.\n", encoding="latin-1")
    (report,) = read_reports(tmp_path)
    assert report.published == published
    assert report.text.startswith(f"{opening} A BOMB EXPLODED TODAY")


def test_keys_read_dates_places_perpetrators_and_deaths(muc_set: Path) -> None:
    keys = read_keys(muc_set, {"TST9-MUC4-0001": dt.date(1990, 3, 12)})
    assert keys["TST9-MUC4-0002"] == []
    (t,) = keys["TST9-MUC4-0001"]
    assert t.types == ("BOMBING",) and t.stages == ("ACCOMPLISHED",) and not t.optional
    assert t.dates == (DateRange(dt.date(1990, 3, 12), dt.date(1990, 3, 12)),)
    assert t.locations == ((("COLOMBIA", "COUNTRY"), ("MEDELLIN", "CITY")),)
    assert t.perp_orgs == (("THE EXTRADITABLES", "EXTRADITABLES"),)
    assert t.deaths == (3, 3)


@pytest.mark.parametrize("text,low,high", [
    ("- 21 JAN 89", None, dt.date(1989, 1, 21)),
    ("15 JAN 89 - 21 JAN 89", dt.date(1989, 1, 15), dt.date(1989, 1, 21)),
    ("(- 29 MAR 89)", None, dt.date(1989, 3, 29)),
])
def test_key_date_forms(text: str, low, high) -> None:
    from eventdesk.evaluate._muc_data import _date_range

    assert _date_range(text, 1989) == DateRange(low, high)


@pytest.mark.parametrize("text,parts", [
    ("COLOMBIA: MEDELLIN (CITY)", (("COLOMBIA", "COUNTRY"), ("MEDELLIN", "CITY"))),
    # an alternative in brackets of its own: read inside them, not as "(EL SALVADOR" and "ZARAGOZA (TOWN))"
    ("(EL SALVADOR: ZARAGOZA (TOWN))", (("EL SALVADOR", "COUNTRY"), ("ZARAGOZA", "TOWN"))),
    ("COLOMBIA: URABA (REGION / CITY)", (("COLOMBIA", "COUNTRY"), ("URABA", "REGION"))),
])
def test_key_location_forms(text: str, parts) -> None:
    from eventdesk.evaluate._muc_data import _location

    assert _location(text) == parts


def test_a_slash_inside_brackets_parts_no_alternatives() -> None:
    from eventdesk.evaluate._muc_data import _alternatives

    assert _alternatives('COLOMBIA: URABA (REGION / CITY)') == ["COLOMBIA: URABA (REGION / CITY)"]
    assert _alternatives('(PERU: LIMA (CITY)) / (PERU: CALLAO (CITY))') == ["(PERU: LIMA (CITY))", "(PERU: CALLAO (CITY))"]
    assert _alternatives('"FMLN" / "FARABUNDO MARTI NATIONAL LIBERATION FRONT"') == [
        "FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"]


def test_dates_without_a_year_take_the_reports() -> None:
    assert parse_muc_date("11 NOV", 1989) == dt.date(1989, 11, 11)
    assert parse_muc_date("OCT 18", 1989) == dt.date(1989, 10, 18)
    assert parse_muc_date("11 NOV") is None


def test_muc_run_scores_templates_and_counts_violent_events_on_reports_without_one(
        services, muc_set: Path, tmp_path: Path) -> None:
    """Report 3 (a bombing, keyed with no template here for the test's sake) counts as a report with a
    false violent event; report 2 (a budget) does not."""
    card = evaluate("muc", [str(muc_set)], Settings(progress=False), errors=str(tmp_path / "e.csv"),
                    services=services)
    d = card.as_dict()
    assert d["reports"] == 3 and d["scored_templates"] == 1 and d["no_template_reports"] == 2
    assert d["counts"]["recall"] == [1, 1]
    assert d["counts"]["date"] == [1, 1] and d["counts"]["deaths"] == [1, 1]
    assert d["false_violent_reports"] == 1
    assert "TST9-MUC4-0003" in (tmp_path / "e.csv").read_text()


@pytest.mark.parametrize("note,kept,gone", [
    ("On 3 May 2020, militants attacked a post in Hays. Unknown reported fatalities coded as 10.",
     "militants attacked a post in Hays", "coded"),
    ("On 6 March 2020, 1 soldier was killed in Andar district, Ghazni. Fatalities coded as 0 (VoJ reported 1).",
     "1 soldier was killed", "VoJ"),
    ("Clashes in the Mogil area (coordinates for Kapsowar, Elgeyo-Marakwet, used) left one dead.",
     "Clashes in the Mogil area left one dead", "coordinates"),
    ("Shelling hit Sanaa Street, coded at Al Yamani Dairy Factory, and Street 50.",
     "Shelling hit Sanaa Street, and Street 50", "Yamani"),
    ("48 BH fighters were killed across the two attacks. Fatalities split between 2 events.",
     "48 BH fighters were killed", "split"),
])
def test_acled_adapter_strips_coders_conventions(note: str, kept: str, gone: str) -> None:
    out = strip_coder_notes(note)
    assert kept in out and gone not in out


def test_acled_adapter_keeps_the_sentence_before_a_decimal_number() -> None:
    # "12.7mm" is no sentence end: the text before it (date, attacker) used to be dropped with it
    note = "On 7 May 2020, pro-Houthi forces fired caliber 12.7mm machine guns at Hays. 1 fatality coded."
    assert strip_coder_notes(note) == "On 7 May 2020, pro-Houthi forces fired caliber 12.7mm machine guns at Hays."


def test_acled_adapter_keeps_ordinary_reports_as_they_are() -> None:
    note = "Demonstrations of students spread across 1-2 December; students pelted motorists with stones."
    assert strip_coder_notes(note) == note


def test_reports_the_pipeline_could_not_process_are_reported_not_hidden(muc_set: Path, tmp_path: Path) -> None:
    """A report whose processing failed scores as one with no event, and the card and the errors file
    name it with its reason: a crash can never pass for a harder set."""
    from eventdesk.evaluate.muc import evaluate_muc
    from eventdesk.model import Skipped
    from eventdesk.render import eval_text

    def failing(articles):
        return [Skipped(a.origin, "internal error in read_places: ValueError") for a in articles]

    card = evaluate_muc([str(muc_set)], failing, tmp_path / "e.csv")
    d = card.as_dict()
    assert len(d["skipped"]) == 3 and d["counts"]["recall"] == [0, 1]
    assert "NOT PROCESSED: 3 reports" in eval_text(card)
    assert "skipped" in (tmp_path / "e.csv").read_text()


def test_perpetrator_matches_any_name_the_dictionary_gives_the_actor() -> None:
    from eventdesk.evaluate.muc import _perp_ok
    from eventdesk.model import Actor, EventMention

    template = _perp_template
    event = EventMention(article_id="X", sentences=(), date=None, place=None, event_type="Violence against civilians",
                         sub_event_type="Attack", actor1=Actor("ELN: National Liberation Army", 2))
    # the key's English rendering is another of ELN's names: the same actor
    assert _perp_ok(template("ARMY OF NATIONAL LIBERATION"), event)
    # a group the dictionary gives another actor is not matched
    assert not _perp_ok(template("TUPAC AMARU REVOLUTIONARY MOVEMENT"), event)


def test_perpetrator_acronym_matches_a_whole_word_of_the_key() -> None:
    from eventdesk.evaluate.muc import _perp_ok
    from eventdesk.model import Actor, EventMention

    template = _perp_template

    def event(name: str) -> EventMention:
        return EventMention(article_id="X", sentences=(), date=None, place=None, event_type="Battles",
                            sub_event_type="Armed clash", actor1=Actor(name, 2))

    fmln = event("FMLN: Farabundo Marti National Liberation Front")
    # the key names the group's unit or a coalition it leads: the acronym is one of the key's words
    assert _perp_ok(template("FMLN COLUMN"), fmln)
    assert _perp_ok(template("FMLN - FDR"), fmln)
    assert _perp_ok(template("FARC 12TH FRONT"), event("FARC: Revolutionary Armed Forces of Colombia"))
    # never a part of a word of the key
    assert not _perp_ok(template("UFMLNX COLUMN"), fmln)
    assert not _perp_ok(template("ELNORTE FRONT"), event("ELN: National Liberation Army"))


def test_perpetrator_key_naming_a_criminal_group_by_plain_words_is_an_unidentified_gang() -> None:
    from eventdesk.evaluate.muc import _perp_ok
    from eventdesk.model import Actor, EventMention

    def event(name: str) -> EventMention:
        return EventMention(article_id="X", sentences=(), date=None, place=None, event_type="Violence against civilians",
                            sub_event_type="Attack", actor1=Actor(name, 3))

    gang = event("Unidentified Gang (Colombia)")
    # "the drug mafias", "drug trafficking rings": ACLED's unnamed gang, as "ARMY" is Military Forces of X
    assert _perp_ok(_perp_template("DRUG MAFIAS"), gang)
    assert _perp_ok(_perp_template("DRUG TRAFFICKING CRIMINAL ORGANIZATION"), gang)
    assert _perp_ok(_perp_template("MAFIA"), gang)
    # a named cartel or gang is a group of its own, and plain words with no crime in them name no gang
    assert not _perp_ok(_perp_template("MEDELLIN CARTEL"), gang)
    assert not _perp_ok(_perp_template("JOHN BOLANOS LOPEZ GANG"), gang)
    assert not _perp_ok(_perp_template("ORGANIZATION"), gang)
    # and an unidentified armed group is no gang
    assert not _perp_ok(_perp_template("DRUG MAFIAS"), event("Unidentified Armed Group (Colombia)"))


def test_perpetrator_key_naming_the_groups_men_names_the_group() -> None:
    from eventdesk.evaluate.muc import _perp_ok
    from eventdesk.model import Actor, EventMention

    def template(*names: str):
        return _perp_template(*names, kind="ARSON")

    event = EventMention(article_id="X", sentences=(), date=None, place=None, event_type="Riots",
                         sub_event_type="Violent demonstration", actor1=Actor("Shining Path", 2))
    # "SENDERO LUMINOSO" is one of the Shining Path's names; "FIGHTERS" its men
    assert _perp_ok(template("SENDERO LUMINOSO FIGHTERS"), event)
    assert _perp_ok(template("SENDERO LUMINOSO"), event)
    # the men of another group are not matched
    assert not _perp_ok(template("TUPAC AMARU REVOLUTIONARY MOVEMENT FIGHTERS"), event)


def _perp_template(*names: str, kind: str = "ATTACK"):
    """A one-template key naming only its perpetrator organisations (``names``, alternatives)."""
    from eventdesk.evaluate._muc_data import MucTemplate

    return MucTemplate(report_id="X", number="1", optional=False, dates=(), locations=(), types=(kind,),
                       stages=("ACCOMPLISHED",), perp_orgs=((*names,),), perp_orgs_optional=False, deaths=None,
                       dead_targets=0)


def test_acled_scoring_takes_a_battles_sides_in_either_order_and_nothing_else_swapped() -> None:
    from eventdesk.evaluate.acled import _actor_checks
    from eventdesk.model import Actor, EventMention

    def event(kind: str, a1: str, a2: str) -> EventMention:
        return EventMention("a", kind, "", (), None, None, Actor(a1, 1, None, "x"), Actor(a2, 3, None, "x"))

    row = {"event_type": "Battles", "actor1": "Military Forces of Brazil (2019-) Military Police",
           "actor2": "Unidentified Gang (Brazil)"}
    swapped = event("Battles", "Unidentified Gang (Brazil)", "Military Forces of Brazil (2019-) Military Police")
    assert _actor_checks(row, swapped) == {"actor1": True, "actor2": True}
    assert _actor_checks(row, swapped, in_row_order=True) == {"actor1": False, "actor2": False}
    # one side right in the other slot is not the pair swapped
    half = event("Battles", "Unidentified Gang (Brazil)", "Police Forces of Brazil")
    assert _actor_checks(row, half) == {"actor1": False, "actor2": False}
    # the perpetrator and the victim of violence against civilians are not interchangeable
    vac = {"event_type": "Violence against civilians", "actor1": "Unidentified Gang (Brazil)",
           "actor2": "Civilians (Brazil)"}
    assert _actor_checks(vac, event("Violence against civilians", "Civilians (Brazil)", "Unidentified Gang (Brazil)")) \
        == {"actor1": False, "actor2": False}


def test_templates_and_events_pair_as_a_maximum_matching_best_agreement_first() -> None:
    from eventdesk.evaluate._scores import one_to_one

    # template 0 agrees best with event 0, but template 1 can only be recalled by event 0: greedy pairing
    # leaves template 1 unrecalled; the maximum matching moves template 0 to event 1
    pairs = [(5, 0, 0), (3, 0, 1), (4, 1, 0)]
    assert one_to_one(pairs) == {0: 0}
    assert one_to_one(pairs, maximum=True) == {0: 1, 1: 0}
    # with nothing to gain, the best-agreement pairs stay as they were
    pairs = [(5, 0, 0), (3, 0, 1), (4, 1, 1)]
    assert one_to_one(pairs, maximum=True) == one_to_one(pairs) == {0: 0, 1: 1}
