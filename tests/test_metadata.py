"""Publication date: source precedence, and the day/month evidence chain for numeric dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from eventdesk.errors import ConfigError
from eventdesk.ingest import content_hash
from eventdesk.model import Article, CleanArticle, PublicationDate
from eventdesk.stages.clean import clean
from eventdesk.stages.metadata import OutletConvention, OutletConventions, publication_date

BODY = "Gunmen attacked a checkpoint near Tarmiyah on Monday, killing two soldiers, police said."


@pytest.fixture(scope="module")
def outlets() -> OutletConventions:
    return OutletConventions.load()


def _clean(
    raw: str = BODY,
    *,
    byline: str | None = None,
    dateline: str | None = None,
    kind: str = "text",
    **extra: object,
) -> CleanArticle:
    article = Article(id="t", raw=raw, kind=kind, origin="test", content_hash=content_hash(raw), **extra)
    return CleanArticle(article=article, text=BODY, byline=byline, dateline=dateline)


def test_manifest_date_wins(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By A 2/1/2019", published=dt.date(2020, 5, 19)), outlets)
    assert result == PublicationDate(dt.date(2020, 5, 19), "manifest", "manifest 'published' 2020-05-19")


def test_byline_part_above_twelve(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By Sara Rahim 3/14/2020"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2020, 3, 14), "byline", "MDY")
    assert "14 cannot be a month" in result.evidence


def test_dateline_part_above_twelve(outlets: OutletConventions) -> None:
    result = publication_date(_clean(dateline="Sunday 22/04/2018"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2018, 4, 22), "dateline", "DMY")


def test_weekday_decides_the_order(outlets: OutletConventions) -> None:
    # 10 March 2020 was a Tuesday; 3 October 2020 a Saturday.
    result = publication_date(_clean(dateline="Tuesday 10/03/2020"), outlets)
    assert (result.date, result.order) == (dt.date(2020, 3, 10), "DMY")
    assert "Tuesday" in result.evidence
    result = publication_date(_clean(dateline="Sat 10/03/2020"), outlets)
    assert (result.date, result.order) == (dt.date(2020, 10, 3), "MDY")


def test_other_dates_on_the_page_decide(outlets: OutletConventions) -> None:
    raw = f"By Ali 2/1/2019\n{BODY}\nKarim | 3/22/2019 8:04 PM\nNice.\n"
    result = publication_date(_clean(raw, byline="By Ali 2/1/2019"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2019, 2, 1), "byline", "MDY")
    assert (
        result.evidence
        == "byline '2/1/2019' read as M/D/Y: other dates on the page (3/22/2019) are month-first"
    )


def test_page_dates_beat_the_outlet_convention(outlets: OutletConventions) -> None:
    raw = f"{BODY}\nposted 25/12/2019\n"
    result = publication_date(_clean(raw, byline="By Ali 2/1/2019", outlet="Rudaw"), outlets)
    assert (result.date, result.order) == (dt.date(2019, 1, 2), "DMY")


def test_conflicting_page_dates_fall_through_to_the_outlet(outlets: OutletConventions) -> None:
    raw = f"{BODY}\n25/12/2019 and 12/25/2019\n"
    result = publication_date(_clean(raw, byline="By Ali 2/1/2019", outlet="The Arab Weekly"), outlets)
    assert (result.date, result.order) == (dt.date(2019, 1, 2), "DMY")
    assert "The Arab Weekly" in result.evidence


def test_outlet_convention_by_name_and_by_url(outlets: OutletConventions) -> None:
    by_name = publication_date(_clean(byline="By A 2/1/2019", outlet="rudaw"), outlets)
    assert (by_name.date, by_name.order) == (dt.date(2019, 2, 1), "MDY")
    by_url = publication_date(_clean(dateline="5/6/2018", url="https://www.thearabweekly.com/x"), outlets)
    assert (by_url.date, by_url.how, by_url.order) == (dt.date(2018, 6, 5), "dateline", "DMY")


def test_ambiguous_byline_falls_back_to_dateline(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By A 2/1/2019", dateline="April 19, 2018"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2018, 4, 19), "dateline", "")


def test_unresolvable_date_is_none_with_a_reason(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By A 2/1/2019"), outlets)
    assert (result.date, result.how) == (None, "none")
    assert "ambiguous" in result.evidence


def test_same_day_and_month_needs_no_order(outlets: OutletConventions) -> None:
    result = publication_date(_clean(dateline="4/4/2019"), outlets)
    assert (result.date, result.order) == (dt.date(2019, 4, 4), "")


def test_two_digit_year(outlets: OutletConventions) -> None:
    assert publication_date(_clean(dateline="22.04.18"), outlets).date == dt.date(2018, 4, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19 April 2018", dt.date(2018, 4, 19)),
        ("Apr. 9, 2020", dt.date(2020, 4, 9)),
        ("2019-07-03", dt.date(2019, 7, 3)),
    ],
)
def test_written_out_and_iso_dates(outlets: OutletConventions, text: str, expected: dt.date) -> None:
    assert publication_date(_clean(dateline=text), outlets).date == expected


def test_html_metadata_date(outlets: OutletConventions) -> None:
    result = publication_date(_clean("<p>x</p>", dateline="2019-07-03", kind="html"), outlets)
    assert (result.date, result.how) == (dt.date(2019, 7, 3), "html-meta")


def test_no_date_anywhere(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By Omar Salem in Erbil", dateline="LONDON"), outlets)
    assert result.date is None and result.how == "none" and result.evidence


def test_impossible_date_is_reported(outlets: OutletConventions) -> None:
    result = publication_date(_clean(dateline="31/31/2019"), outlets)
    assert result.date is None and "not a real date" in result.evidence


# ---------------------------------------------------------------- outlet conventions


def test_packaged_outlets_have_sources_and_are_frozen(outlets: OutletConventions) -> None:
    names = {o.name: o for o in outlets.outlets}
    assert names["Rudaw"].order == "MDY" and names["The Arab Weekly"].order == "DMY"
    assert all(o.source for o in outlets.outlets)
    with pytest.raises(dataclasses.FrozenInstanceError):
        outlets.outlets = ()  # type: ignore[misc]


def test_bad_outlets_csv_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        OutletConventions.from_csv("name,domain,date_order,source\nX,x.com,YMD,guess\n")


def test_injected_conventions_are_used() -> None:
    custom = OutletConventions((OutletConvention("Example Wire", "example.org", "DMY", "test"),))
    result = publication_date(_clean(byline="By A 2/1/2019", outlet="Example Wire"), custom)
    assert result.date == dt.date(2019, 1, 2)


# ---------------------------------------------------------------- the shared seed pages


def _seed_article(prefix: str, outlet: str) -> CleanArticle:
    for base in (Path(__file__).resolve().parents[2], Path("/work")):
        folder = base / "shared" / "corpus" / "seeds"
        if folder.is_dir():
            break
    else:
        pytest.skip("shared corpus seeds folder (shared/corpus/seeds) is not present on this machine")
    (path,) = folder.glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    return clean(
        Article(
            id=path.stem,
            raw=raw,
            kind="text",
            origin=str(path),
            content_hash=content_hash(raw),
            outlet=outlet,
        )
    )


def test_seed_byline_2_1_2019_is_first_of_february(outlets: OutletConventions) -> None:
    result = publication_date(_seed_article("000", "Rudaw"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2019, 2, 1), "byline", "MDY")
    assert "other dates on the page" in result.evidence


def test_seed_sunday_22_04_2018(outlets: OutletConventions) -> None:
    result = publication_date(_seed_article("004", "The Arab Weekly"), outlets)
    assert (result.date, result.how, result.order) == (dt.date(2018, 4, 22), "dateline", "DMY")


def test_name_that_starts_like_a_weekday_is_not_one(outlets: OutletConventions) -> None:
    result = publication_date(_clean(byline="By Sunni Monroe 2/1/2019"), outlets)
    assert result.date is None


def test_date_at_sentence_end(outlets: OutletConventions) -> None:
    assert publication_date(_clean(dateline="Updated on 22/04/2018."), outlets).date == dt.date(2018, 4, 22)
