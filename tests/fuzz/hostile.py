"""Hypothesis strategies for hostile input, in every format eventdesk reads: manifest lines, plain
text and HTML files, gzipped manifests, WARC files and Parquet files, and bodies for
``POST /api/articles``. Each strategy draws a ``Case``: the file (name and bytes) as a careless
user or an attacker would hand it over, and what kind it is.

Shared by the fuzz tests of the normal suite (``test_fuzz.py``, a modest number of examples plus
the issue's cases as explicit examples) and by ``make fuzz`` (``run.py``, >= 10,000 inputs).
Big inputs are built from a drawn size, not drawn byte by byte: a 100 KB paragraph is a sentence
repeated, a gzip bomb is blank lines compressed.
"""

from __future__ import annotations

import gzip
import io
import json
import uuid
from dataclasses import dataclass

from hypothesis import strategies as st

GOOD = "Gunmen killed five people in the village of Tarmiyah on Monday, police said."
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u3164\u2800\u034f\u200e\u202e"


@dataclass(frozen=True)
class Case:
    """One hostile input: a file to read (``name`` decides its format) and what it is."""

    kind: str  # manifest | text | html | gz | warc | parquet
    name: str
    data: bytes
    note: str = ""

    def __repr__(self) -> str:  # hypothesis prints failing cases: keep big ones readable
        head = self.data[:160]
        return f"Case({self.kind!r}, {self.name!r}, {len(self.data):,} bytes, {head!r}..., note={self.note!r})"


# --------------------------------------------------------------------------------------- texts

# Events drawn for the fuzz are spread over many places, as news is: reports of one place pile up in
# the store run after run, and although fusion bounds the undated pairs of a mention (``UNDATED_PEERS``),
# a province holding thousands of them makes every run on that store slower, which would measure that,
# not the input.
PLACES = ("Tarmiyah", "Kabul", "Mogadishu", "Nairobi", "Mandera", "Kandahar", "Aleppo", "Sanaa", "Maiduguri",
          "Goma", "Bamako", "Gao", "Benghazi", "Juba", "Bunia", "Kherson", "Culiacan", "Lahore", "Peshawar",
          "Quetta", "Mosul", "Kirkuk", "Idlib", "Marib", "Aden", "Kismayo", "Garissa", "Kaduna", "Tillaberi",
          "Ouagadougou", "Cotabato", "Jenin", "Hodeidah", "Beni", "Kidal", "Sirte", "Homs", "Herat", "Jalalabad")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def event_sentence(place: str = "Tarmiyah", day: str = "Monday", deaths: int = 5) -> str:
    return f"Gunmen killed {deaths} people in the village of {place} on {day}, police said."


def violent_paragraph(kb: int, place: str = "Tarmiyah") -> str:
    """One paragraph of repeated violent sentences (the slow path of issue 18)."""
    sentence = event_sentence(place)
    return " ".join([sentence] * max(1, kb * 1000 // (len(sentence) + 1)))


def run_on(chars: int) -> str:
    """One "sentence" with no full stop (spaCy refuses a text over its max_length)."""
    return ("gunmen attacked the market in Kabul and " * (chars // 40 + 1))[:chars]


HOSTILE_TEXTS = (
    "",
    " \n\t\r ",
    "\u200b" * 1000,
    INVISIBLE * 50,
    "\x00\x01\x02\x1b[31m\x7f",
    "Gunmen killed 99999999999999999999 people in Kabul on Monday.",
    "Gunmen killed " + "9" * 5000 + " people in Kabul.",
    "On 12/31/9999 gunmen killed five people in Tarmiyah, police said.",
    "On 0001-01-01 gunmen killed five people in Tarmiyah, police said.",
    "On 31/12/0000 and on 99/99/9999 gunmen killed 3 people in Kabul.",
    "Gunmen killed -5 people and 1e400 wounded in Kabul on 2020-02-30.",
    "Z\u0351\u0352\u0353" * 2000 + " killed",
    "\u202eGunmen killed five people in Kabul.\u202c",
    "Gunmen\rkilled\rfive\rpeople\rin\rKabul.\r" * 50,
    "Gunmen killed five people.\n\n\n" * 2000,
    "killed " * 20000,
    "x" * 300_000,
    "Mr. " * 10000 + "Gunmen killed two.",
    "(" * 5000 + "Gunmen killed two in Kabul" + ")" * 5000,
    "\"" * 3000 + "killed",
    "The coalition and the coalition and the coalition killed in coordination with the coalition. " * 300,
    "Police said gunmen killed two in Kabul, according to officials, he added, she said, they claimed. " * 400,
    "\ud7ff\ue000\uffff\U0010ffff killed two",
    GOOD + "\x00" + GOOD,
)


@st.composite
def event_sentences(draw) -> str:
    return event_sentence(draw(st.sampled_from(PLACES)), draw(st.sampled_from(DAYS)), draw(st.integers(1, 60)))


@st.composite
def texts(draw) -> str:
    """Text of an article: arbitrary, invisible, huge, numeric nonsense or a known hostile case."""
    pick = draw(st.integers(0, 9))
    if pick == 0:
        return draw(st.text(max_size=400))
    if pick == 1:
        return draw(st.text(alphabet=INVISIBLE + " \n\t", max_size=300))
    if pick == 2:
        return violent_paragraph(draw(st.integers(1, 40)), draw(st.sampled_from(PLACES)))
    if pick == 3:
        return run_on(draw(st.integers(2_000, 60_000)))
    if pick == 4:
        number = draw(st.one_of(st.integers(-10**30, 10**30), st.sampled_from(["1e999", "NaN", "0x7fffffff"])))
        day = draw(st.sampled_from(["12/31/9999", "0001-01-01", "1/1/1", "2020-13-45", "yesterday",
                                    "31 February 2021", "the 99th of May", "Monday"]))
        return f"Gunmen killed {number} people in {draw(st.sampled_from(PLACES))} on {day}, police said."
    if pick == 5:
        return draw(st.sampled_from(HOSTILE_TEXTS))
    if pick == 6:
        return draw(st.sampled_from(HOSTILE_TEXTS)) + draw(st.text(max_size=60)) + draw(event_sentences())
    if pick == 7:  # words from the trigger vocabulary, shuffled, with odd punctuation
        words = draw(st.lists(st.sampled_from(["killed", "Kabul", "gunmen", "police", "said", "on", "Monday", "5",
                                               "protest", "coalition", ".", ",", "\n\n", "(", ")", "Mr.", "12/31/9999",
                                               "in coordination with", "the", "attack", "Iraq"]), max_size=300))
        return " ".join(words)
    if pick == 8:
        return " ".join(draw(st.lists(event_sentences(), min_size=1, max_size=4)))
    return draw(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))


# ---------------------------------------------------------------------------------------- html

HOSTILE_HTML = (
    "<html><body><div><p></p><span> </span></div></body></html>",
    "<html><head><script>alert(1)</script><style>p{}</style></head><body><script>var a='killed';</script></body></html>",
    "<html><body>" + "<div>" * 5000 + "Gunmen killed two in Kabul." + "</div>" * 5000 + "</body></html>",
    "<p>" * 20000,
    "<html><body><p>&#99999999999; &#x110000; &#0; &bogus; &amp;&amp;&amp;</p></body></html>",
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;&c;&c;</p></body></html>',
    "<html><body><p>" + "\u200b" * 500 + "</p><p>\u2060\ufeff</p></body></html>",
    '<html><head><meta charset="x-no-such-charset"><meta http-equiv="refresh" content="0;url=file:///etc/passwd">'
    "</head><body><p>" + GOOD + "</p></body></html>",
    "<html><body><![CDATA[" + GOOD + "]]><!-- " + GOOD + " --></body></html>",
    "<<<<>>>><p <p <p>" + GOOD + "</b></i></p></table>",
    "<html><body><table>" + "<tr><td>killed</td></tr>" * 3000 + "</table></body></html>",
    "<svg><script>alert(1)</script></svg><math><mtext><p>" + GOOD + "</p></mtext></math>",
    "<html><body><p>" + GOOD + "</p>" + "<p>Comment: I agree. killed</p>" * 500 + "</body></html>",
    '<html><head><meta property="article:published_time" content="9999-12-31T23:59:59Z"></head><body><p>'
    + GOOD + "</p></body></html>",
    '<html><head><meta name="date" content="0001-01-01"></head><body><p>By Staff | 31/12/9999</p><p>'
    + GOOD + "</p></body></html>",
)


@st.composite
def htmls(draw) -> str:
    pick = draw(st.integers(0, 4))
    if pick == 0:
        return draw(st.sampled_from(HOSTILE_HTML))
    if pick == 1:
        tags = draw(st.lists(st.sampled_from(["p", "div", "span", "script", "style", "h1", "article", "li", "br",
                                              "table", "td", "a", "nav", "footer", "meta"]), max_size=40))
        body = "".join(f"<{t}>{draw(st.one_of(st.sampled_from(['', ' ', INVISIBLE]), event_sentences()))}" for t in tags)
        return f"<html><body>{body}</body></html>"
    if pick == 2:
        return f"<html><head><title>{draw(texts())}</title></head><body><article><p>{draw(texts())}</p></article></body></html>"
    if pick == 3:
        return draw(st.text(alphabet="<>/!-=\"' pdivscrt&#;x0\n" + INVISIBLE, max_size=500))
    return f"<p>{draw(texts())}</p>"


# ---------------------------------------------------------------------------------- manifest lines

def _json_value():
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(allow_nan=False),
                        st.text(max_size=30), st.sampled_from(["0001-01-01", "9999-12-31", "2020-02-30",
                                                               "2020-01-05T25:00:00", "2020-01-05T10:00:00+99:00",
                                                               "../../etc/passwd", "/proc/self/environ", "/dev/zero"]))
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                        max_leaves=8)


RAW_LINES = (
    b'{"id": "digits", "text": "x", "n": ' + b"9" * 5000 + b"}",
    b"[" * 100_000 + b"]" * 100_000,
    b'{"a":' * 3000 + b"1" + b"}" * 3000,
    b'{"id": "surrogate", "text": "Gunmen killed two \\ud800 people in Kabul."}',
    b'{"id": "surrogate-id\\udfff", "text": "Gunmen killed two people in Kabul."}',
    b'{"id": "nul", "path": "a\\u0000b.txt"}',
    b'{"id": "nan", "text": NaN, "published": Infinity}',
    b'{"id": "bad-utf8", "text": "caf\xe9 \xff\xfe killed"}',
    b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": GOOD}).encode(),
    b'{"id": "dup", "text": "one"}',
    b'{"id": "dup", "text": "two"}',
    b'{"id": "trav", "path": "../../../../etc/passwd"}',
    b'{"id": "abs", "path": "/etc/shadow"}',
    b'{"id": "env", "path": "/proc/self/environ"}',
    b'{"id": "zero", "path": "/dev/zero"}',
    b'{"id": "year1", "text": "' + GOOD.encode() + b'", "published": "0001-01-01"}',
    b'{"id": "year9999", "text": "' + GOOD.encode() + b'", "published": "9999-12-31T23:59:59+14:00"}',
    b'{"id": ["list"], "text": {"no": 1}, "html": 5}',
    b'"just a string"',
    b"\x00" * 100,
    b"{" + b" " * 10_000,
)


@st.composite
def manifest_lines(draw) -> bytes:
    """One line of a JSONL manifest (no newline): a record with hostile fields, or raw bytes."""
    pick = draw(st.integers(0, 5))
    if pick == 0:
        return draw(st.sampled_from(RAW_LINES))
    if pick == 1:
        return draw(st.binary(max_size=200)).replace(b"\n", b" ")
    if pick == 2:  # a record whose every field may be of the wrong type or out of range
        record = draw(st.dictionaries(st.sampled_from(["id", "text", "html", "path", "published", "outlet",
                                                       "url", "title", "language", "extra"]), _json_value(),
                                      max_size=8))
        return json.dumps(record).encode()
    record = {"id": draw(st.one_of(st.text(min_size=1, max_size=20), st.integers(-10**20, 10**20))),
              ("html" if pick == 3 else "text"): draw(htmls() if pick == 3 else texts())}
    if draw(st.booleans()):
        record["published"] = draw(st.sampled_from(["2020-01-05", "0001-01-01", "9999-12-31", "1899-12-31",
                                                    "2101-01-01", "2020-01-05T10:00:00Z", "yesterday", ""]))
    for key in ("outlet", "url", "title", "language"):
        if draw(st.booleans()):
            record[key] = draw(st.text(max_size=40))
    line = json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if pick == 5:  # a lone surrogate escaped somewhere in the line
        line = line.replace(b'"id": "', b'"id": "\\ud83d', 1)
    return line


# ------------------------------------------------------------------------------------------ files

@st.composite
def manifest_files(draw) -> Case:
    lines = draw(st.lists(manifest_lines(), min_size=1, max_size=4))
    blank = draw(st.sampled_from([b"", b"\n\n", b"   \n", b"\r\n"]))
    return Case("manifest", "m.jsonl", (b"\n" + blank).join(lines) + b"\n")


@st.composite
def gz_manifests(draw) -> Case:
    """A gzipped manifest: a bomb of blank lines, a line past max_line_bytes, or hostile lines."""
    pick = draw(st.integers(0, 3))
    good = json.dumps({"id": "gz-good", "text": draw(event_sentences())}).encode() + b"\n"
    if pick == 0:
        megabytes = draw(st.integers(1, 80))
        data = good + b"\n" * (megabytes << 20) + b'{"id": "after-bomb", "text": "x"}\n'
        note = f"{megabytes} MB of blank lines"
    elif pick == 1:
        megabytes = draw(st.integers(1, 12))
        data = b'{"id": "long", "text": "' + b"a" * (megabytes << 20) + b'"}\n' + good
        note = f"a line of {megabytes} MB"
    elif pick == 2:
        data = b"\n".join(draw(st.lists(manifest_lines(), min_size=1, max_size=4))) + b"\n"
        note = "hostile lines"
    else:
        data = draw(st.binary(max_size=300))
        return Case("gz", "m.jsonl.gz", data, "not gzip at all")
    packed = gzip.compress(data, compresslevel=6, mtime=0)
    if draw(st.booleans()):
        packed = packed[: 10 + int((len(packed) - 10) * draw(st.floats(0, 1)))]  # cut short
        note += ", cut short"
    return Case("gz", "m.jsonl.gz", packed, note)


@st.composite
def text_files(draw) -> Case:
    text = draw(texts())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1", "raw"]))
    if encoding == "raw":
        data = draw(st.binary(max_size=500))
    else:
        data = text.encode(encoding, "replace")
    return Case("text", draw(st.sampled_from(["a.txt", "b.TXT", "c.txt"])), data, encoding)


@st.composite
def html_files(draw) -> Case:
    return Case("html", draw(st.sampled_from(["a.html", "b.htm"])), draw(htmls()).encode("utf-8", "surrogatepass"))


# -------------------------------------------------------------------------------------------- WARC

def _warc_record(uri: str, payload: bytes, *, content_type: str, status: str = "200 OK", rec_type: str = "response",
                 extra: list[tuple[str, str]] = ()) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    http = StatusAndHeaders(status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1")
    fixed = {"WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, uri + str(len(payload)))}>",
             "WARC-Date": "2026-12-06T00:00:00Z"}  # the same bytes every time hypothesis replays a draw
    writer.write_record(writer.create_warc_record(uri, rec_type, payload=io.BytesIO(payload), http_headers=http,
                                                  warc_headers_dict=fixed))
    return out.getvalue()


@st.composite
def warc_files(draw) -> Case:
    """A WARC (.warc or .warc.gz) of one to three records, each hostile in one way."""
    records: list[bytes] = []
    notes = []
    for i in range(draw(st.integers(1, 3))):
        pick = draw(st.integers(0, 8))
        uri = draw(st.sampled_from([f"https://news.example.org/{i}", "", "not a url", "http://[::1", "file:///etc/x"]))
        if pick == 0:
            html = draw(htmls()).encode("utf-8", "surrogatepass")
            records.append(_warc_record(uri, html, content_type="text/html; charset=utf-8"))
        elif pick == 1:
            charset = draw(st.sampled_from(["utf-7", "x-bogus", "utf-16", "latin-1", "", "utf-8\"; q=", "cp1252"]))
            records.append(_warc_record(uri, draw(st.binary(max_size=300)), content_type=f"text/html; charset={charset}"))
        elif pick == 2:
            records.append(_warc_record(uri, draw(st.binary(max_size=100)),
                                        content_type=draw(st.sampled_from(["video/mp4", "", "application/pdf"])),
                                        status=draw(st.sampled_from(["200 OK", "404 Not Found", "999 Odd", "abc"]))))
        elif pick == 3:
            records.append(b"\n" * (draw(st.integers(1, 40)) << 20))  # blank lines between records
            notes.append("blank lines")
        elif pick == 4:
            records.append(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: " + b"h" * (draw(st.integers(1, 30)) << 20)
                           + b"\r\n\r\n")
            notes.append("huge header line")
        elif pick == 5:
            records.append(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999999999\r\n\r\nabc")
            notes.append("huge Content-Length")
        elif pick == 6:
            body = b"<p>" + (draw(event_sentences()).encode() + b" ") * draw(st.integers(1, 300)) + b"</p>"
            records.append(_warc_record(uri, gzip.compress(body, mtime=0), content_type="text/html",
                                        extra=[("Content-Encoding", "gzip")]))
        elif pick == 7:
            records.append(_warc_record(uri, b"3\r\nabc\r\nZZ\r\n", content_type="text/html",
                                        extra=[("Transfer-Encoding", "chunked")]))
        else:
            records.append(draw(st.binary(max_size=300)))
            notes.append("garbage")
    compressed = draw(st.booleans())
    if compressed:
        data = b"".join(gzip.compress(r, mtime=0) for r in records)
    else:
        data = b"".join(records)
    if draw(st.integers(0, 4)) == 0:
        data = data[: int(len(data) * draw(st.floats(0, 1)))]
        notes.append("cut short")
    return Case("warc", "c.warc.gz" if compressed else "c.warc", data, ", ".join(notes))


# ----------------------------------------------------------------------------------------- Parquet

@st.composite
def parquet_files(draw) -> Case:
    """A Parquet file whose columns have the manifest's names but hostile types and values."""
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = draw(st.integers(1, 5))
    columns: dict[str, pa.Array] = {}
    id_kind = draw(st.sampled_from(["str", "int", "null", "binary", "float", "missing"]))
    if id_kind == "str":
        columns["id"] = pa.array(draw(st.lists(st.text(max_size=10), min_size=rows, max_size=rows)))
    elif id_kind == "int":
        columns["id"] = pa.array(draw(st.lists(st.integers(-2**63, 2**63 - 1), min_size=rows, max_size=rows)),
                                 type=pa.int64())
    elif id_kind == "null":
        columns["id"] = pa.nulls(rows, type=pa.string())
    elif id_kind == "binary":
        columns["id"] = pa.array([b"\xff\xfe" * (i + 1) for i in range(rows)], type=pa.binary())
    elif id_kind == "float":
        columns["id"] = pa.array([float("nan")] * rows)
    body = draw(st.sampled_from(["text", "html", "path", "none", "two"]))
    values = [draw(texts()) if body != "html" else draw(htmls()) for _ in range(rows)]
    if body in ("text", "html"):
        if draw(st.integers(0, 3)) == 0:  # bytes that are not UTF-8, in a column that says it is text
            columns[body] = pa.array([b"caf\xe9 \xed\xa0\x80 killed"] * rows, type=pa.binary()).view(pa.string())
        else:
            columns[body] = pa.array([v.encode("utf-8", "replace").decode("utf-8") for v in values])
    elif body == "path":
        columns["path"] = pa.array([draw(st.sampled_from(["../../etc/passwd", "/proc/self/environ", "a\x00b",
                                                          "/dev/zero", "missing.txt"])) for _ in range(rows)])
    elif body == "two":
        columns["text"] = pa.array([draw(event_sentences()) for _ in range(rows)])
        columns["html"] = pa.array(["<p>x</p>"] * rows)
    published = draw(st.sampled_from(["none", "iso", "date", "timestamp", "int", "bad-ts"]))
    if published == "iso":
        columns["published"] = pa.array([draw(st.sampled_from(["2020-01-05", "0001-01-01", "9999-12-31", "x"]))
                                         for _ in range(rows)])
    elif published == "date":
        columns["published"] = pa.array([dt.date(draw(st.integers(1, 9999)), 1, 1) for _ in range(rows)])
    elif published == "timestamp":
        columns["published"] = pa.array([dt.datetime(draw(st.integers(1, 9999)), 1, 1) for _ in range(rows)],
                                        type=pa.timestamp("ms"))
    elif published == "int":
        columns["published"] = pa.array([draw(st.integers(-2**63, 2**63 - 1)) for _ in range(rows)], type=pa.int64())
    elif published == "bad-ts":  # seconds far past year 9999: Python cannot hold them
        columns["published"] = pa.array([2**62] * rows, type=pa.int64()).cast(pa.timestamp("ms"))
    if draw(st.booleans()):
        columns["outlet"] = pa.array([{"a": 1}] * rows)  # a struct where a string is expected
    if not columns:
        columns["other"] = pa.array([1] * rows)
    out = io.BytesIO()
    pq.write_table(pa.table(columns), out, row_group_size=draw(st.integers(1, 3)))
    data = out.getvalue()
    if draw(st.integers(0, 5)) == 0:
        data = data[: int(len(data) * draw(st.floats(0, 1)))]
    return Case("parquet", "p.parquet", data, f"id {id_kind}, body {body}, published {published}")


# ------------------------------------------------------------------------------------------ the API

@st.composite
def api_bodies(draw) -> bytes:
    """A request body for ``POST /api/articles``: malformed JSON, wrong shapes, hostile records."""
    pick = draw(st.integers(0, 6))
    if pick == 0:
        return draw(st.sampled_from(RAW_LINES))
    if pick == 1:
        return draw(st.binary(max_size=200))
    if pick == 2:
        return json.dumps({"articles": draw(_json_value())}).encode()
    if pick == 3:
        return json.dumps(draw(_json_value())).encode()
    if pick == 4:  # a record from the manifest strategy, as the API's article
        line = draw(manifest_lines())
        return b'{"articles": [' + line + b"]}"
    records = [{"id": f"api-{i}-{draw(st.integers(0, 10**9))}", "text": draw(texts())}
               for i in range(draw(st.integers(1, 3)))]
    if pick == 5 and draw(st.booleans()):
        records.append({"id": "p", "path": "/etc/passwd"})
    return json.dumps({"articles": records}, ensure_ascii=False).encode("utf-8", "surrogatepass")
