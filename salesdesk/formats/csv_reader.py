"""Reading CSV files as people have them: guess encoding, delimiter and header row, then
split the rows, reporting broken ones by number instead of giving up on the file."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from salesdesk.formats.common import FormatError, RowIssue, looks_binary
from salesdesk.formats.csv_headers import known_header_count

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1252", "cp1250", "cp1251", "utf-16")
"""Encodings the user may pick (any name Python knows works too)."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
REPLACEMENT = "\ufffd"
"""What a byte that is not valid in the file's encoding is read as (and shown as)."""
_LATIN = frozenset({"cp1252", "cp1250", "latin_1", "iso8859_15", "iso8859_2", "mac_roman"})
_SNIFF_RECORDS = 60
_SNIFF_CHARS = 256 * 1024


@dataclass(frozen=True)
class CsvDialect:
    """How to read a CSV file: its encoding, delimiter and which record holds the header
    (0-based record index; None when the file has no header row)."""

    encoding: str
    delimiter: str
    header_row: int | None


@dataclass(frozen=True)
class CsvRow:
    """One data row: its number as a spreadsheet shows it (1-based) and its cells, padded
    to the number of columns."""

    number: int
    cells: tuple[str, ...]


@dataclass
class CsvTable:
    """A read CSV file: column headers, the data rows, and the rows that could not be read."""

    dialect: CsvDialect
    headers: tuple[str, ...]
    rows: list[CsvRow] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    truncated: bool = False  # stopped at a row limit (a preview)


# --- encoding --------------------------------------------------------------------------------


def detect_encoding(data: bytes) -> str:
    """A byte-order mark, else UTF-8 if it decodes, else the likeliest Windows code page."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if looks_binary(data):
        raise FormatError(
            "This file does not contain text (it looks like a program, picture or archive), "
            "so it cannot be a CSV file."
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    if _mostly_utf8(data):
        return "utf-8"  # a few bad bytes: read_table reports their rows
    return _guess_code_page(data)


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text with a few invalid bytes: at least as many valid
    non-ASCII characters as invalid bytes. Text in a code page has almost no valid UTF-8
    sequences (ü is one byte that never starts one), so one bad byte cannot flip a UTF-8
    file to Windows-1252 and turn every 'Müller' into 'MÃ¼ller'."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - bad
    return good > 0 and good >= bad


def _guess_code_page(data: bytes) -> str:
    from charset_normalizer import from_bytes

    sample = data[:_SNIFF_CHARS]
    best = from_bytes(
        sample, cp_isolation=["cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257"]
    ).best()
    guess = best.encoding if best is not None else "cp1252"
    if guess not in _LATIN:
        return guess
    # charset-normalizer cannot tell German cp1252 from cp1250 (ä, ö, ü, ß are the same
    # bytes); letters that turn into symbols (£, ¯ for Polish Ł, Ż) decide, ties go West.
    scores = {name: _letter_score(sample, name) for name in ("cp1252", "cp1250")}
    return "cp1250" if scores["cp1250"] > scores["cp1252"] else "cp1252"


def _letter_score(data: bytes, encoding: str) -> int:
    text = data.decode(encoding, errors="replace")
    score = 0
    for char in text:
        if ord(char) > 127:
            score += 1 if char.isalpha() else -3
    return score


def decode(data: bytes, encoding: str) -> tuple[str, bool]:
    """The text of ``data`` and whether characters had to be replaced (wrong encoding)."""
    try:
        codecs.lookup(encoding)
    except LookupError as error:
        raise FormatError(f"'{encoding}' is not a text encoding salesdesk knows.") from error
    try:
        text = data.decode(encoding)
        replaced = False
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        replaced = True
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\x00", ""), replaced


# --- delimiter and header ----------------------------------------------------------------------


def _records(text: str, delimiter: str, limit: int) -> list[list[str]]:
    out: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            out.append(record)
            if len(out) >= limit:
                break
    except csv.Error:
        pass
    return out


def _modal_width(records: Sequence[list[str]]) -> tuple[int, int]:
    """(the commonest number of fields among non-empty records, how many records have it)."""
    widths = Counter(len(r) for r in records if any(c.strip() for c in r))
    if not widths:
        return 0, 0
    width, count = max(widths.items(), key=lambda item: (item[1], item[0]))
    return width, count


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the same number (> 1) of fields most
    often; a comma when none does (a one-column file)."""
    sample = text[:_SNIFF_CHARS]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        if delimiter not in sample:
            continue
        width, count = _modal_width(_records(sample, delimiter, _SNIFF_RECORDS))
        score = (count, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def detect_header_row(text: str, delimiter: str) -> int | None:
    """The record that names the columns: the first of the usual width with two or more
    known column names, else the first of that width, unless that already holds data."""
    records = _records(text[:_SNIFF_CHARS], delimiter, _SNIFF_RECORDS)
    width, _ = _modal_width(records)
    for index, record in enumerate(records[:30]):
        if known_header_count(record) >= min(2, max(width, 1)):
            return index
    candidates = [i for i, r in enumerate(records) if len(r) == width and any(r)]
    if not candidates:
        return None
    first = records[candidates[0]]
    if any("@" in cell or _is_number(cell) for cell in first):
        return None
    return candidates[0]


def _is_number(cell: str) -> bool:
    stripped = cell.strip().replace(" ", "").lstrip("+")
    return len(stripped) >= 5 and stripped.replace("-", "").replace("/", "").isdigit()


def sniff(
    data: bytes,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header_row: int | None | bool = True,
) -> CsvDialect:
    """Guess how to read ``data``; any of the three given is taken as it is. ``header_row``
    True (the default) means detect it; None means the file has no header row."""
    if not data.strip():
        raise FormatError("The file is empty: there is nothing to import.")
    chosen = encoding or detect_encoding(data)
    text, _ = decode(data[: _SNIFF_CHARS * 4], chosen)
    if not text.strip():
        raise FormatError("The file is empty: there is nothing to import.")
    sep = delimiter or detect_delimiter(text)
    if len(sep) != 1 or sep in '\r\n"':
        raise FormatError("The delimiter must be one character such as , ; or a tab.")
    header: int | None
    if header_row is True:
        header = detect_header_row(text, sep)
    elif header_row is False or header_row is None:
        header = None
    else:
        header = int(header_row)
    return CsvDialect(chosen, sep, header)


# --- reading rows ---------------------------------------------------------------------------


def read_table(data: bytes, dialect: CsvDialect, *, max_rows: int | None = None) -> CsvTable:
    """Split ``data`` into header and rows. Broken rows (an unclosed quote, more values than
    columns, a field too large) become issues with their row number; reading goes on after
    them. ``max_rows`` stops early (for a preview)."""
    text, replaced = decode(data, dialect.encoding)
    if not text.strip():
        raise FormatError("The file is empty: there is nothing to import.")
    header_at = dialect.header_row
    headers: tuple[str, ...] | None = None
    table = CsvTable(dialect, ())
    width = 0
    if header_at is None:
        width, _ = _modal_width(_records(text[:_SNIFF_CHARS], dialect.delimiter, _SNIFF_RECORDS))
        headers = tuple(f"Column {i + 1}" for i in range(max(width, 1)))
        width = len(headers)
    expected = [width]  # read by the record splitter, which learns the width late
    for number, record, problem in _iter_records(text, dialect.delimiter, lambda: expected[0]):
        if problem is not None:
            table.issues.append(RowIssue(number, problem))
            continue
        assert record is not None
        if replaced:
            _report_bad_bytes(table, number, record, dialect.encoding)
        if headers is None:
            if header_at is not None and number - 1 < header_at:
                continue
            headers = _header_names(record)
            width = expected[0] = len(headers)
            continue
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > width:
            if any(cell.strip() for cell in record[width:]):
                table.issues.append(
                    RowIssue(
                        number,
                        f"It has {len(record)} values but there are only {width} "
                        "columns (a delimiter or quote too many?).",
                    )  # fmt: skip
                )
                continue
            record = record[:width]
        elif len(record) < width:
            record = record + [""] * (width - len(record))
        table.rows.append(CsvRow(number, tuple(record)))
        if max_rows is not None and len(table.rows) >= max_rows:
            table.truncated = True
            break
    if headers is None:
        raise FormatError(
            "The header row was not found: the file has fewer rows than expected. "
            "Choose 'no header row' or another delimiter."
        )
    table.headers = headers
    return table


def _report_bad_bytes(table: CsvTable, number: int, record: list[str], encoding: str) -> None:
    """A row with bytes that are not valid in the file's encoding: imported with each such
    byte shown as REPLACEMENT, and said so with the value it is in."""
    cell = next((c for c in record if REPLACEMENT in c), None)
    if cell is None:
        return
    at = cell.index(REPLACEMENT)
    shown = cell if len(cell) <= 60 else "…" + cell[max(0, at - 25) : at + 25] + "…"
    name = (
        "UTF-8"
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8", "utf-8-sig")
        else encoding
    )
    table.issues.append(
        RowIssue(
            number,
            f"It has bytes that are not valid {name}; they are shown as {REPLACEMENT} in "
            f"'{shown}'. Correct the value after the import, or choose another encoding if "
            "many rows show this.",
            skipped=False,
        )  # fmt: skip
    )


def _header_names(record: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    seen: Counter[str] = Counter()
    for index, cell in enumerate(record):
        name = " ".join(cell.split()) or f"Column {index + 1}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(names)


def _iter_records(
    text: str, delimiter: str, width: Callable[[], int]
) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(row number, fields or None, problem or None) for each record. A record that spans
    lines and has the wrong number of fields swallowed lines through an unclosed quote: it
    is reported and reading restarts on the line after where it began."""
    lines = io.StringIO(text, newline="").readlines()
    start = 0
    number = 0
    while start < len(lines):
        reader = csv.reader(
            (lines[k] for k in range(start, len(lines))), delimiter=delimiter, strict=False
        )
        consumed = 0
        restart: int | None = None
        while True:
            before = reader.line_num
            try:
                record = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                number += 1
                yield number, None, _csv_problem(error)
                restart = start + before + 1
                break
            number += 1
            end = start + reader.line_num
            expected = width()
            if (
                reader.line_num - before > 1
                and expected
                and _has_newline(record)
                and _unclosed(
                    record, lines[start + before : end], end >= len(lines), delimiter, expected
                )  # fmt: skip
            ):
                yield number, None, _UNCLOSED
                restart = start + before + 1
                break
            consumed = reader.line_num
            yield number, record, None
        if restart is None:
            return
        start = max(restart, start + consumed + 1)


def _has_newline(record: list[str]) -> bool:
    return any("\n" in cell or "\r" in cell for cell in record)


_UNCLOSED = (
    "A quote opened in this row is not closed where it should be, so it took in the rows "
    "after it; this row was left out and the rows after it were read on their own."
)
_SWALLOWED_FROM = 4  # columns: in narrower files a note's line looks too much like a row


def _unclosed(record: list[str], raw: list[str], at_end: bool, delimiter: str, width: int) -> bool:
    """Whether a record that spans lines swallowed rows through a quote that was not closed
    where it should be: it has the wrong number of values; or it runs to the end of the file
    with an odd number of quotes (never closed); or a line inside one of its values is a
    whole row of its own (closed rows later, by chance with the right number of values)."""
    if len(record) != width:
        return True
    if at_end and "".join(raw).count('"') % 2:
        return True
    if width < _SWALLOWED_FROM:
        return False
    for cell in record:
        inner = cell.replace("\r\n", "\n").split("\n")[1:-1]  # whole lines inside the value
        for line in inner:
            if len(next(csv.reader([line], delimiter=delimiter), [])) == width:
                return True
    return False


def _csv_problem(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"A value in this row is too long (more than {csv.field_size_limit():,} characters)."
    return f"This row cannot be read ({text})."
