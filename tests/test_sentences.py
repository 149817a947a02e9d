import re

from hypothesis import given, settings, strategies as st

from eventdesk.stages.sentences import Splitter, TriggerFilter, _default_filter, split_sentences


def texts(spans, text):
    return [text[s.start:s.end] for s in spans]


def test_splits_on_sentence_ends_but_not_abbreviations():
    text = ("Maj. Gen. Tahsin Khafaji told Rudaw on Tuesday that Iraq coordinates with Syria. "
            "The U.S. said nothing. Dr. Smith left at 5 p.m. Then the strike came!\n\nA new paragraph")
    got = texts(Splitter().spans(text, "a"), text)
    assert got == [
        "Maj. Gen. Tahsin Khafaji told Rudaw on Tuesday that Iraq coordinates with Syria.",
        "The U.S. said nothing.",
        "Dr. Smith left at 5 p.m. Then the strike came!",
        "A new paragraph",
    ]


def test_dotted_initials_end_no_sentence():
    # "I.I." is no known abbreviation, but initials are initials: the road's name goes on
    text = "Journalists protested on the I.I. Chundrigar road in Karachi. Police watched."
    assert texts(Splitter().spans(text, "a"), text) == [
        "Journalists protested on the I.I. Chundrigar road in Karachi.", "Police watched."]


def test_quotes_close_the_sentence():
    text = '"We will not allow them to return," he said. Iraqi jets struck a base.'
    assert texts(Splitter().spans(text, "a"), text) == [
        '"We will not allow them to return," he said.', "Iraqi jets struck a base."]


def test_trigger_filter_marks_event_vocabulary_only():
    f = TriggerFilter()
    assert "airstrike" in f.triggers("Iraqi jets launched an airstrike on Thursday.")
    assert f.triggers("Hundreds of traders protested in Eldoret.")
    assert f.triggers("The weather in Baghdad was mild and the markets were busy.") == ()


@given(st.text(alphabet=st.sampled_from("ab .!?\nAB1\"'"), max_size=200))
def test_spans_are_inside_text_ordered_and_trimmed(text):
    sents = split_sentences(text, "x")
    last = 0
    for s in sents:
        assert 0 <= s.span.start < s.span.end <= len(text)
        assert s.span.start >= last
        chunk = text[s.span.start:s.span.end]
        assert chunk == chunk.strip()
        last = s.span.end


def test_trigger_families_are_configurable():
    only_protest = TriggerFilter({"protest": ("protest",)})
    assert only_protest.triggers("Hundreds protested; police killed two.") == ("protest",)


# the word before a dot is read backwards from the dot (linear); it must be the word the regex
# ``[A-Za-z][A-Za-z.]*$`` finds in the paragraph before the dot (which was quadratic on one long paragraph)
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAbZ. -9Mr.U.S.é\n", min_size=1, max_size=24))
def test_abbreviation_word_is_the_one_the_regex_reads(body: str) -> None:
    splitter = Splitter()
    for dot in range(len(body)):
        expected = False
        if body[dot] == ".":
            word = re.search(r"([A-Za-z][A-Za-z.]*)$", body[:dot])
            if word:
                token = word.group(1).lower().rstrip(".")
                expected = token in splitter.abbreviations or len(token) == 1 or \
                    re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) is not None  # dotted initials: "u.s", "i.i"
        assert splitter._is_abbreviation(body, dot) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["KILLED", "Killed", "kil", "skilled", "Bomb", "bombINGS", "protest", "ARRESTED",
                                 "the", " ", ",", "-", "'", "\n", "3", "_", "riot", "Attack", "é", "K"]), max_size=12))
def test_the_lower_case_scan_finds_what_the_case_blind_one_finds(words: list[str]) -> None:
    """An ASCII sentence is scanned lower-cased by a case-sensitive pattern (speed): the same trigger
    words, in the same order, as the case-blind scan of the text as written."""
    f = _default_filter()  # built once: the trie of the project's trigger words
    text = "".join(words)
    assert f.triggers(text) == tuple(dict.fromkeys(m.group(1).lower() for m in f._regex.finditer(text)))
