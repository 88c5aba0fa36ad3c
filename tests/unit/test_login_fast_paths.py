"""The login reader's fast paths read every file and every time exactly as the general paths do.

A 100,000-row report is read by splitting its text with str methods and by looking its times
up per hour (kbwidgets.rules.login_file._plain_columns, SourceZone.read_column); anything those
cannot read goes to the csv module and to the per-row reader. Random files and times, chosen
near the edges (quotes, lone CRs, blank lines, out-of-range hours, odd suffixes, other digits),
must come out the same both ways, or the fast path must step aside.
"""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kbwidgets.rules.login_file import _plain_columns, read_report
from kbwidgets.rules.login_times import SourceZone

CELLS = st.text(alphabet=st.sampled_from(list("ab é1")), max_size=6)
ODD = st.sampled_from([*',;\t"\r\n\0', "", "", "", "", "", ""])  # mostly nothing odd


@settings(max_examples=600, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda width: st.lists(st.lists(CELLS, min_size=width, max_size=width), max_size=8)
    ),
    st.sampled_from(",;\t"),
    st.sampled_from([["\r\n"], ["\n"], ["\r\n", "\n"]]),
    st.tuples(ODD, st.integers(0, 200)),
)
def test_split_text_gives_the_csv_module_s_fields_or_steps_aside(lines, delimiter, endings, odd):
    text = "".join(delimiter.join(cells) + endings[n % len(endings)] for n, cells in enumerate(lines))
    character, at = odd
    text = text[:at] + character + text[at:]
    header_and_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = len(header_and_rows[0]) if header_and_rows else 1
    columns = _plain_columns(text, delimiter, width)
    if columns is not None:
        rows = header_and_rows[1:]
        assert [list(column) for column in columns] == [[row[i] for row in rows] for i in range(width)]


def _time(parts: tuple[int, int, int, int, int, int, str, str, str]) -> str:
    year, month, day, hour, minute, second, separator, suffix, digits = parts
    text = f"{year:04d}-{month:02d}-{day:02d}{separator}{hour:02d}:{minute:02d}:{second:02d}{suffix}"
    return text.translate(str.maketrans("0123456789", digits)) if digits else text


TIMES = st.tuples(
    st.sampled_from([1989, 2024, 2026, 2101]),
    st.integers(0, 13),
    st.sampled_from([0, 1, 8, 9, 29, 30, 31, 32]),  # 2026-03-08 and 2026-11-01: New York's changes
    st.integers(0, 25),
    st.sampled_from([0, 1, 30, 59, 60]),
    st.sampled_from([0, 7, 59, 60]),
    st.sampled_from([" ", "T", "  ", ",", ""]),
    st.sampled_from(["", " EST", " EDT", " ET", "EST", " est", " EST  ", " PST", "\t", "Z"]),
    st.sampled_from(["", "", "", "٠١٢٣٤٥٦٧٨٩"]),  # now and then Arabic-Indic digits
).map(_time) | st.text(alphabet=st.sampled_from(list("0123456789-: TESD")), max_size=24)


@settings(max_examples=300, deadline=None)
@given(st.lists(TIMES, max_size=30), st.sampled_from(["America/New_York", "fixed-5"]))
def test_times_looked_up_per_hour_are_the_times_read_one_by_one(texts, source_name):
    stamps, flagged = SourceZone(source_name).read_column(texts)
    one_by_one = SourceZone(source_name)
    expected = [one_by_one.read_fast(text) for text in texts]
    for text, stamp, known in zip(texts, stamps, expected, strict=True):
        if stamp is None:  # left to the per-row reader, which reads it or says why
            assert known is None or not text.isascii() or text[:1].isspace()
        else:
            assert known is not None and stamp == known[0]
    assert flagged == sum(
        known[1] for stamp, known in zip(stamps, expected, strict=True) if known and stamp is not None
    )


def test_a_plain_report_and_the_same_report_quoted_give_the_same_answers():
    lines = ["user,app,time"] + [f"u{n % 7},TWS,2026-03-08 0{n % 4}:1{n % 10}:00" for n in range(60)]
    plain = "\r\n".join(lines) + "\r\n"
    quoted = plain.replace("TWS", '"TWS"')  # a quote: read by the csv module instead
    source = "America/New_York"
    first, second = (read_report(text.encode(), SourceZone(source)) for text in (plain, quoted))
    assert (first.rows, first.users, first.apps, first.timestamps, first.flagged) == (
        second.rows,
        second.users,
        second.apps,
        second.timestamps,
        second.flagged,
    )
    assert first.flagged == 15  # 2026-03-08 02:xx does not exist in New York
