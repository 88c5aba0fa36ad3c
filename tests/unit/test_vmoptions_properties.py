"""The vmoptions fixer against files generated line by line, with an oracle that knows each line's
kind from how it was generated (it never asks the fixer's patterns which lines set the heap).

Files mix every line ending (CRLF, LF and lone CR, the last line with or without one), heap lines
in every form the JVM reads and some it cannot, markers in any case, and three encodings.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kbwidgets.rules.vmoptions import MARKER, fix

ENDINGS = ("\r\n", "\n", "\r")
plain = st.text(alphabet="abcdefgXYZ0189=._:-/ \tü", max_size=20)
other = st.one_of(
    plain.map(lambda text: "-D" + text),
    plain.map(lambda text: "#" + text),
    plain.map(lambda text: "-XX:+" + text.strip(" \t")),
    st.just(""),
)
heap = st.builds(
    lambda lead, prefix, digits, unit, trail: f"{lead}{prefix}{digits}{unit}{trail}",
    st.sampled_from(["", " ", "\t"]),
    st.sampled_from(["-Xmx", "-XX:MaxHeapSize="]),
    st.integers(min_value=1, max_value=99999).map(str),
    st.sampled_from(["", "k", "K", "m", "M", "g", "G", "t", "T"]),
    st.sampled_from(["", " ", "\t"]),
)
malformed = st.sampled_from(["-Xmx 2048m", "-Xmx=1g", "-Xmx2048mb", "-Xmx", "-XX:MaxHeapSize"])
marker = st.builds(
    lambda case, trail: case(MARKER) + trail,
    st.sampled_from([str, str.upper, str.lower]),
    st.sampled_from(["", "  "]),
)
line = st.one_of(
    st.tuples(st.just("other"), other),
    st.tuples(st.just("heap"), heap),
    st.tuples(st.just("heap"), malformed),
    st.tuples(st.just("marker"), marker),
)


@st.composite
def files(draw: st.DrawFn) -> list[tuple[str, str, str]]:
    """[(kind, text, ending)]: a lone CR is never followed by an empty LF line (that is a CRLF)."""
    specs = draw(st.lists(st.tuples(line, st.sampled_from(ENDINGS)), max_size=14))
    out: list[tuple[str, str, str]] = []
    for (kind, text), end in specs:
        if out and out[-1][2] == "\r" and text == "" and end == "\n":
            text = "-Dx"
        out.append((kind, text, end))
    if out and draw(st.booleans()):
        kind, text, _ = out[-1]
        out[-1] = (kind, text or "-Dlast", "")  # the last line without an ending
    return out


def expected(specs: list[tuple[str, str, str]], mb: int) -> str:
    """What the article asks for, written out from the specification of each line."""
    kept = [[text, end] for kind, text, end in specs if kind != "heap"]
    endings = [end for _, _, end in specs if end]
    usual = max(ENDINGS, key=endings.count) if endings else "\n"
    at = next(
        (i for i, (kind, _, _) in enumerate(s for s in specs if s[0] != "heap") if kind == "marker"), None
    )
    if at is None:
        if kept and not kept[-1][1]:
            kept[-1][1] = usual
        kept.append([MARKER, usual])
        at = len(kept) - 1
    elif not kept[at][1]:
        kept[at][1] = usual
    heaps = [(i, end) for i, (kind, _, end) in enumerate(specs) if kind == "heap"]
    new_end = (heaps[0][1] or usual) if heaps else usual
    if at == len(kept) - 1 and heaps and heaps[-1][0] == len(specs) - 1 and not heaps[-1][1]:
        new_end = ""
    kept.insert(at + 1, [f"-Xmx{mb}m", new_end])
    return "".join(text + end for text, end in kept)


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "latin-1": lambda text: text.encode("latin-1"),
    "utf-16": lambda text: b"\xff\xfe" + text.encode("utf-16-le"),
}


@settings(max_examples=300, deadline=None)  # a loaded CI machine is slow, not wrong
@given(files(), st.integers(min_value=256, max_value=8192), st.sampled_from(sorted(ENCODINGS)))
def test_only_heap_and_marker_lines_change_and_fixing_again_changes_nothing(specs, mb, encoding):
    encode = ENCODINGS[encoding]
    data = encode("".join(text + end for _, text, end in specs))
    fixed = fix(data, mb)
    assert fixed.data == encode(expected(specs, mb))
    assert fix(fixed.data, mb).data == fixed.data
