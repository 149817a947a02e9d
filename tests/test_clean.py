"""Clean: synthetic pages imitating crawled news (golden kept text + dropped reasons), the seed
pages from the shared corpus, HTML, and a property test that nothing dropped leaks into text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventdesk.ingest import content_hash
from eventdesk.model import Article, CleanArticle
from eventdesk.stages.clean import clean


def _article(raw: str, kind: str = "text", **extra: object) -> Article:
    return Article(id="t", raw=raw, kind=kind, origin="test", content_hash=content_hash(raw), **extra)


def _reasons(cleaned: CleanArticle) -> list[str]:
    return [d.reason for d in cleaned.dropped]


# ---------------------------------------------------------------- golden synthetic pages

SIGN_IN_PAGE = """Sign In / Up

Add contribution as a guest

Your email will not be displayed publicly
Benefit of signing in/signing up to personalize comment

Comment as a guest

Not a member Register   Forgot Password
or connect using



Army reinforces posts along the western desert road

By Sara Rahim 3/4/2020
Soldiers patrol a highway near Rutba on March 2, 2020. Photo: Example Defence Office
Soldiers patrol a highway near Rutba on March 2, 2020. Photo: Example Defence Office
Army units moved extra troops to checkpoints along the desert road west of Ramadi on Tuesday, officers said.

"We   have doubled the patrols since the weekend," a local commander told reporters.


Karim | 3/14/2020 9:15:02 AM
Nobody believes these announcements anymore, they said the same last year.
Tags :

Be Part of Your Newsroom!

Share your stories, photos and videos with Newsroom, and maybe the world.

What You Say

Dana | 3/15/2020
Stay safe everyone.
Farmers protest water shortages in Basra
| 5 hours ago | (2)
Lina | 3/15/2020 1:02:03 PM
Good news for once.
Oil exports rise despite pipeline attack
| yesterday at 09:12 | (4)

Elsewhere on Newsroom

0.104 seconds"""

SIGN_IN_KEPT = (
    "Army units moved extra troops to checkpoints along the desert road west of Ramadi on Tuesday, officers said."
    "\n\n"
    '"We have doubled the patrols since the weekend," a local commander told reporters.'
)
SIGN_IN_REASONS = (
    ["site chrome"] * 7
    + ["headline", "byline", "photo caption", "photo caption", "reader comment", "reader comment"]
    + ["site chrome"] * 4
    + ["reader comment"] * 2
    + ["sidebar headline"] * 2
    + ["reader comment"] * 2
    + ["sidebar headline"] * 2
    + ["site chrome"] * 2
)

COMMENT_SECTION_PAGE = """Syria News

Border guards seize weapons cache near Qaim

By Omar Salem in Erbil


Boxes of ammunition displayed by border guards at a post near the crossing on May 3rd. [Photo courtesy of the Border Command]

Border guards seized a cache of rifles and mortar rounds hidden in a farmhouse near the Qaim crossing, a spokesman said.

The cache belonged to a cell that smuggled fighters across the border, he told reporters on Sunday.

Tighter controls ahead

Officials said new watchtowers would be built along the frontier before the summer.

Do you like this article?

3 Comment(s)
Comment Policy * Denotes Required Field 1500 / 1500



They should close the border for good."""

COMMENT_SECTION_KEPT = "\n\n".join(
    [
        "Border guards seized a cache of rifles and mortar rounds hidden in a farmhouse near the Qaim crossing, a spokesman said.",
        "The cache belonged to a cell that smuggled fighters across the border, he told reporters on Sunday.",
        "Tighter controls ahead",
        "Officials said new watchtowers would be built along the frontier before the summer.",
    ]
)
COMMENT_SECTION_REASONS = [
    "section label",
    "headline",
    "byline",
    "photo caption",
    "site chrome",
    "comment section",
    "comment section",
    "comment section",
]

UNMARKED_COMMENTS_PAGE = """Militants attacked a police post in the Hamrin hills late on Wednesday, killing two officers, according to the provincial police.
Residents said the attackers fled toward the mountains. "I saw three trucks heading north," a shepherd told the local radio station.
Security officials say the group has been trying to regroup in the area since last year.
Honestly the police never patrol those hills. I’ve driven that road many times and my impression is that nobody controls it at night. [edit for clarity]
Indeed. The government should send the army instead.
The whole region needs a political solution first."""

UNMARKED_KEPT = "\n\n".join(UNMARKED_COMMENTS_PAGE.split("\n")[:3])

DATELINE_PAGE = """Air strikes hit hideouts in the Makhoul range

The strikes came a day after a meeting of regional security chiefs in Baghdad.
Tuesday 10/03/2020
An Iraqi jet takes off from a base in the south, on March 8. (Example Air Force)
Ready to fly. An Iraqi jet takes off from a base in the south, on March 8. (Example Air Force)

BAGHDAD - Iraqi jets struck hideouts in the Makhoul range. The strikes came a day after a meeting of regional security chiefs in Baghdad.

The defence ministry said the raids destroyed three tunnels."""

DATELINE_KEPT = (
    "Iraqi jets struck hideouts in the Makhoul range. The strikes came a day after a meeting of regional "
    "security chiefs in Baghdad.\n\nThe defence ministry said the raids destroyed three tunnels."
)

SECTION_SOURCE_PAGE = """In World, Newsroom

Kirkuk police arrest suspects after market blast

Police in Kirkuk arrested four suspects on Saturday after a bomb exploded in a crowded market.

The blast wounded eleven people, a health official said. Source"""


@pytest.mark.parametrize(
    ("raw", "kept", "reasons"),
    [
        pytest.param(SIGN_IN_PAGE, SIGN_IN_KEPT, SIGN_IN_REASONS, id="sign-in-comments-sidebars"),
        pytest.param(
            COMMENT_SECTION_PAGE, COMMENT_SECTION_KEPT, COMMENT_SECTION_REASONS, id="comment-section"
        ),
        pytest.param(
            UNMARKED_COMMENTS_PAGE, UNMARKED_KEPT, ["reader comment (unmarked)"] * 3, id="unmarked-comments"
        ),
        pytest.param(
            DATELINE_PAGE,
            DATELINE_KEPT,
            [
                "headline",
                "standfirst (repeated in body)",
                "dateline",
                "photo caption",
                "photo caption",
                "dateline",
            ],
            id="dateline-standfirst",
        ),
        pytest.param(
            SECTION_SOURCE_PAGE,
            "Police in Kirkuk arrested four suspects on Saturday after a bomb exploded in a crowded market."
            "\n\nThe blast wounded eleven people, a health official said.",
            ["section label", "headline", "site chrome"],
            id="section-label-trailing-source",
        ),
    ],
)
def test_golden_pages(raw: str, kept: str, reasons: list[str]) -> None:
    cleaned = clean(_article(raw))
    assert cleaned.text == kept
    assert _reasons(cleaned) == reasons


def test_header_fields_of_synthetic_pages() -> None:
    page = clean(_article(SIGN_IN_PAGE))
    assert (page.headline, page.byline, page.dateline) == (
        "Army reinforces posts along the western desert road",
        "By Sara Rahim 3/4/2020",
        None,
    )
    page = clean(_article(COMMENT_SECTION_PAGE))
    assert (page.headline, page.byline) == (
        "Border guards seize weapons cache near Qaim",
        "By Omar Salem in Erbil",
    )
    page = clean(_article(DATELINE_PAGE))
    assert page.headline == "Air strikes hit hideouts in the Makhoul range"
    assert page.dateline == "Tuesday 10/03/2020; BAGHDAD"


def test_dropped_records_raw_line_numbers() -> None:
    cleaned = clean(_article(SIGN_IN_PAGE))
    assert cleaned.dropped[0].line == 1 and cleaned.dropped[0].text == "Sign In / Up"
    by_reason = {d.reason: d.line for d in cleaned.dropped}
    assert by_reason["byline"] == 17


def test_first_person_inside_quotes_is_kept() -> None:
    raw = (
        "A car bomb exploded outside a mosque in Tuz Khurmatu on Friday, killing five people, officials said.\n\n"
        "\u201cI heard the blast from my house and ran outside,\u201d a witness said.\n\n"
        "\u201cMy brother was inside. I still cannot reach him,\n\n"
        "Police said they had arrested a suspect."
    )
    cleaned = clean(_article(raw))
    assert cleaned.dropped == ()
    assert cleaned.text.count("\n\n") == 3


def test_first_person_article_is_not_cut() -> None:
    """An op-ed in the first person from its first paragraph is left alone."""
    raw = "I have covered this war for ten years and never seen the roads so empty.\n\nMy driver refused to go past Baiji."
    assert clean(_article(raw)).dropped == ()


def test_roman_numeral_i_is_not_first_person() -> None:
    raw = (
        "Veterans gathered in Basra on Sunday to mark the anniversary of the battle, organisers said.\n\n"
        "The cemetery holds graves from World War I and from later conflicts."
    )
    assert clean(_article(raw)).dropped == ()


def test_by_the_time_is_not_a_byline() -> None:
    raw = "Clashes in Sinjar\n\nBy the time the police arrived the gunmen had fled toward the hills, residents said."
    cleaned = clean(_article(raw))
    assert cleaned.byline is None
    assert cleaned.text.startswith("By the time")


def test_comment_counter_above_the_body_does_not_cut_the_article() -> None:
    raw = "Rockets hit airbase\n\n4 Comments\n\nTwo rockets landed inside the Balad airbase on Monday without causing casualties, the army said."
    cleaned = clean(_article(raw))
    assert cleaned.text.startswith("Two rockets landed")
    assert "site chrome" in _reasons(cleaned)


# ---------------------------------------------------------------- one-line articles


def test_lone_headline_is_kept_as_text() -> None:
    cleaned = clean(_article("Iraqi jets strike hideouts near Hajin\n"))
    assert cleaned.text == "Iraqi jets strike hideouts near Hajin"
    assert cleaned.dropped == ()


def test_lone_paragraph_is_kept() -> None:
    raw = "  Two soldiers were wounded   when a roadside bomb hit their patrol near Tarmiyah, police said.  "
    cleaned = clean(_article(raw))
    assert (
        cleaned.text
        == "Two soldiers were wounded when a roadside bomb hit their patrol near Tarmiyah, police said."
    )


def test_lone_captioned_line_is_kept() -> None:
    raw = "Jets struck a convoy near Rawa on Monday, the army said. (Example Air Force)"
    assert clean(_article(raw)).text == raw


def test_headline_with_chrome_only_keeps_headline() -> None:
    cleaned = clean(_article("Sign In / Up\n\nGunmen kill shepherd near Rutba\n\n0.1 seconds"))
    assert cleaned.text == "Gunmen kill shepherd near Rutba"
    assert _reasons(cleaned) == ["site chrome", "site chrome"]


def test_only_chrome_cleans_to_nothing() -> None:
    cleaned = clean(_article("Sign In / Up\nForgot Password\n"))
    assert cleaned.text == ""
    assert _reasons(cleaned) == ["site chrome", "site chrome"]


def test_manifest_title_fills_headline() -> None:
    cleaned = clean(
        _article("Police said two people were hurt in the blast in Mosul on Monday.", title="Blast in Mosul")
    )
    assert cleaned.headline == "Blast in Mosul"


def test_cleaning_is_deterministic() -> None:
    assert clean(_article(SIGN_IN_PAGE)) == clean(_article(SIGN_IN_PAGE))


# ---------------------------------------------------------------- HTML

HTML_PAGE = """<!doctype html><html><head><title>Jets strike cell near Rawa - Example Wire</title>
<meta property="og:title" content="Jets strike cell near Rawa">
<meta name="author" content="Nour Haddad">
<meta property="article:published_time" content="2019-07-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/iraq">Iraq</a> <a href="/login">Sign in</a></nav>
<article><h1>Jets strike cell near Rawa</h1>
<p>Iraqi jets struck a hideout used by a militant cell near Rawa in western Anbar on Tuesday, the security media cell said in a statement.</p>
<p>The statement said five militants were killed in the strike and that a weapons store was destroyed during the raid.</p>
<p>Local officials said the area had seen several attacks on shepherds and truck drivers in recent weeks.</p>
</article>
<section class="comments"><h3>Comments</h3><p>I think they should have done this years ago, honestly.</p></section>
<footer>Copyright Example Wire. All rights reserved.</footer></body></html>"""


def test_html_main_text_metadata_and_one_boilerplate_record() -> None:
    cleaned = clean(_article(HTML_PAGE, kind="html"))
    assert cleaned.text.startswith("Iraqi jets struck a hideout")
    assert "five militants were killed" in cleaned.text
    for junk in ("Sign in", "Copyright", "years ago", "Home"):
        assert junk not in cleaned.text
    assert cleaned.headline == "Jets strike cell near Rawa"
    assert cleaned.byline == "Nour Haddad"
    assert cleaned.dateline == "2019-07-03"
    assert _reasons(cleaned).count("html boilerplate") == 1
    assert all(d.line is None for d in cleaned.dropped)


def test_html_without_main_text_falls_back_to_visible_text() -> None:
    cleaned = clean(_article("<html><body><b>Gunmen kill two in Mosul</b></body></html>", kind="html"))
    assert cleaned.text == "Gunmen kill two in Mosul"


# ---------------------------------------------------------------- the shared seed pages


def _seed_dir() -> Path:
    for base in (Path(__file__).resolve().parents[2], Path("/work")):
        candidate = base / "shared" / "corpus" / "seeds"
        if candidate.is_dir():
            return candidate
    pytest.skip("shared corpus seeds folder (shared/corpus/seeds) is not present on this machine")


def _seed(prefix: str) -> CleanArticle:
    (path,) = _seed_dir().glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    return clean(
        Article(id=path.stem, raw=raw, kind="text", origin=str(path), content_hash=content_hash(raw))
    )


def test_seed_000_sign_in_comments_and_sidebars_removed() -> None:
    page = _seed("000")
    assert page.headline == "What more can Iraq do against ISIS in Syria?"
    assert page.byline == "By Paul Iddon 2/1/2019"
    assert page.text.startswith("Iraq's new Prime Minister Adil Abdul-Mahdi")
    assert page.text.endswith("targeting ISIS in eastern Syria.")
    for junk in (
        "Sign In",
        "guest",
        "Forgot Password",
        "Photo:",
        "| 3/",
        "Lol",
        "hours ago",
        "Newroz",
        "Tags",
        "Elsewhere",
        "seconds",
    ):
        assert junk not in page.text
    assert {"site chrome", "photo caption", "reader comment", "sidebar headline"} <= set(_reasons(page))


def test_seed_001_unmarked_reader_comments_removed() -> None:
    page = _seed("001")
    assert page.text.startswith("Iraqi warplanes carried out airstrikes")
    assert page.text.endswith("coordinated with Syria.")
    for junk in ("I’ve seen", "My interpretation", "[edit", "Indeed.", "harassing"):
        assert junk not in page.text
    assert set(_reasons(page)) == {"reader comment (unmarked)"}


def test_seed_002_header_and_comment_section() -> None:
    page = _seed("002")
    assert page.headline == "Iraq pursues ISIS remnants across Syria border"
    assert page.byline == "By Alaa Hussain in Baghdad"
    assert page.text.startswith("Iraq's Joint Operations Command has been pursuing")
    assert "killing 36 of the group's elements" in page.text
    for junk in ("Iraq News", "[Photo courtesy", "Do you like", "Comment", "executed"):
        assert junk not in page.text


def test_seed_003_section_label_and_trailing_source() -> None:
    page = _seed("003")
    assert page.headline is not None and page.headline.startswith("Iraq is in")
    assert not page.text.startswith("In Global")
    assert page.text.endswith("Diyala and Mosul provinces.")
    assert "four of its fighters were killed" in page.text


def test_seed_004_dateline_captions_standfirst() -> None:
    page = _seed("004")
    assert page.headline == "Iraq strikes ISIS in Syria in coordination with US, Assad"
    assert page.dateline is not None and "Sunday 22/04/2018" in page.dateline and "LONDON" in page.dateline
    assert page.text.startswith("Iraq has struck Islamic State (ISIS) positions")
    assert "(Iraqi Air Force)" not in page.text and "Coordinated moves" not in page.text
    assert page.text.endswith("told the New York Times.")


# ---------------------------------------------------------------- properties

_PATTERN_LINES = [
    "Sign In / Up",
    "Comment as a guest",
    "2 Comment(s)",
    "Comment Policy",
    "Tags :",
    "Source",
    "0.5 seconds",
    "Elsewhere on X",
    "Iraq News",
    "In Global, X",
    "By Ali Hassan 2/1/2019",
    "Sunday 22/04/2018",
    "| 20 hours ago | (1)",
    "Ali | 3/22/2019 8:04 PM",
    "Indeed. Right.",
    "I think so.",
    "LONDON - Jets struck.",
    "LONDON -",
    "A caption here. (Some Agency)",
    "Jets hit a base. Photo: X",
    "\u201cI saw it,\u201d he said.",
    "Jets struck a base near Hajin on Monday, officials said today.",
    "Short title",
    "",
    "   ",
]
_lines = st.one_of(
    st.sampled_from(_PATTERN_LINES),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_lines, max_size=14), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_clean_never_raises_and_nothing_dropped_survives(lines: list[str], sep: str) -> None:
    cleaned = clean(_article(sep.join(lines)))
    dropped = {d.text for d in cleaned.dropped}
    kept_lines = [line for line in cleaned.text.split("\n") if line]
    assert not dropped & set(kept_lines)
    assert cleaned == clean(_article(sep.join(lines)))


_html_pieces = st.one_of(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<nav>Home | Sign in</nav>",
            "<br>",
            "<script>x=1</script>",
            "<article>",
            "</article>",
            "<h1>Jets strike near Rawa</h1>",
            "<?xml version='1.0'?>",
            "<<",
            "&amp;",
        ]
    ),
    st.text(max_size=40),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_html_pieces, max_size=12))
def test_clean_html_never_raises(pieces: list[str]) -> None:
    cleaned = clean(_article("".join(pieces), kind="html"))
    dropped = {d.text for d in cleaned.dropped}
    assert not dropped & {line for line in cleaned.text.split("\n") if line}


# ---------------------------------------------------------------- speech is no reader comment

INTERVIEW_PAGE = """Colonel Ponce spoke to reporters in San Salvador on Sunday about the attacks on polling stations.
[REPORTER] Have other incidents been reported?
[PONCE] I can tell you that voting tables have been attacked in Chalatenango and San Antonio.
Q: Will the vote go on?
A: I believe it will."""

RECORDING_PAGE = """The president spoke on national radio on Monday.
[BEGIN RECORDING] My government will not negotiate with terrorists.
I have ordered the army to protect every town. [END RECORDING]
He then left for Bogota.
Honestly I think he is wrong and my neighbours agree. [edit for typo]"""

COLON_PAGE = """Rebels attacked a police post in Huanta on Friday, killing two officers, the army said.
The army commander asserted: I am certain the attackers came from the hills."""

WIRE_CAPITALS_PAGE = """GUERRILLAS ATTACKED THE OIL WELL ISLA TABACO I LAST NIGHT, POLICE SAID.
THEY CAUSED A LARGE FIRE AND ESCAPED, TAKING TWO ENGINEERS AS HOSTAGES.
I REPEAT THAT THE ARMY WILL FIND THEM, THE GOVERNOR TOLD THE PRESS."""


@pytest.mark.parametrize("raw", [INTERVIEW_PAGE, COLON_PAGE, WIRE_CAPITALS_PAGE], ids=["speaker-labels", "colon", "capitals"])
def test_speech_in_the_first_person_is_kept(raw: str) -> None:
    """A speaker's label, a colon or wire copy in capitals: the first person is a speaker's, kept."""
    cleaned = clean(_article(raw))
    assert "reader comment (unmarked)" not in _reasons(cleaned)
    assert cleaned.text == "\n\n".join(raw.split("\n"))


def test_a_recording_is_speech_and_a_comment_after_it_still_goes() -> None:
    """The paragraphs inside [BEGIN RECORDING] ... [END RECORDING] are the speaker's; a comment
    pasted after the report is still a comment."""
    cleaned = clean(_article(RECORDING_PAGE))
    assert "I have ordered the army" in cleaned.text and "He then left for Bogota." in cleaned.text
    assert "Honestly" not in cleaned.text
    assert _reasons(cleaned) == ["reader comment (unmarked)"]


def test_a_report_labelled_a_transcript_keeps_its_first_person() -> None:
    raw = "[TEXT] The minister addressed congress on Monday.\nI have come to unite the two nations, he said to applause."
    assert "reader comment (unmarked)" not in _reasons(clean(_article(raw)))
