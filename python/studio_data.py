"""Reading a training file the way the studio does (src/core/data), streamed record by record,
and the studio's seeded stratified split (src/core/data/split.ts, src/core/random.ts).

Formats: csv (RFC 4180 quotes, any delimiter), tsv (tabs, quotes are ordinary characters),
labelText (label<TAB>text lines, the first tab splits), fasttext (__label__x text), jsonl (one
object per line) and json (an array, read whole). The text and label columns are taken from
config.json's "data" mapping: by name for JSON objects, by position for the line formats.
"""

import csv
import io
import json
import math
import sys

FASTTEXT_PREFIX = "__label__"

# Huge fields (whole documents in one CSV cell) are fine.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _open_text(path, encoding):
    enc = {"utf-8": "utf-8-sig", "utf-16le": "utf-16", "utf-16be": "utf-16", "windows-1252": "cp1252"}.get(encoding or "utf-8", encoding)
    # newline='' keeps "\r\n" inside quoted fields for csv; line formats strip it below, as the studio does.
    return io.open(path, "r", encoding=enc, errors="replace", newline="")


def _lines(handle):
    for line in handle:
        yield line.rstrip("\n").rstrip("\r") if line.endswith("\n") else line.rstrip("\r")


def _cell(value):
    """A JSON value as a studio cell (lineFormats.ts cellOf)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # JavaScript's String(1.0) is "1"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, list):
        return _cell(value[0]) if value else ""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _parse_fasttext(line):
    labels = []
    i, n = 0, len(line)
    while True:
        while i < n and line[i] in " \t":
            i += 1
        if not line.startswith(FASTTEXT_PREFIX, i):
            break
        end = i
        while end < n and line[end] not in " \t":
            end += 1
        labels.append(line[i + len(FASTTEXT_PREFIX):end])
        i = end
    return labels, line[i:].strip()


def join_cells(cells):
    """The studio's text from several text columns (src/core/data/textColumns.ts joinCells): one
    column gives its cell as it is; several give their non-empty cells joined with one space."""
    if len(cells) == 1:
        return cells[0]
    return " ".join(c for c in cells if c.strip() != "")


def iter_records(path, data):
    """Yields (text, label) per data row of `path`, with the studio's column mapping in `data`.

    Several text columns ("textColumns", "textColumnNames", in column order) are joined as the studio does.
    """
    fmt = data.get("format", "csv")
    header = bool(data.get("hasHeader", False))
    text_cols = list(data.get("textColumns") or [data["textColumn"]])
    text_names = list(data.get("textColumnNames") or [data.get("textColumnName")])
    label_col, label_name = data["labelColumn"], data.get("labelColumnName")
    last_col = max(text_cols + [label_col])
    with _open_text(path, data.get("encoding")) as handle:
        if fmt in ("jsonl", "json"):
            values = (json.loads(line) for line in _lines(handle) if line.strip()) if fmt == "jsonl" else iter(json.load(handle))
            for value in values:
                if isinstance(value, list):
                    row = [_cell(v) for v in value]
                    text = join_cells([row[c] if c < len(row) else "" for c in text_cols]) if text_cols[0] < len(row) else None
                    label = row[label_col] if label_col < len(row) else None
                elif isinstance(value, dict):
                    present = [n for n in text_names if n in value]
                    text = join_cells([_cell(value[n]) if n in value else "" for n in text_names]) if present else None
                    label = _cell(value.get(label_name)) if label_name in value else None
                else:
                    continue
                yield text, label
            return
        if fmt == "csv":
            rows = csv.reader(handle, delimiter=data.get("delimiter") or ",", quotechar='"', doublequote=True, strict=False)
            rows = ([c.replace("\r\n", "\n") for c in r] for r in rows if r)
        elif fmt == "tsv":
            rows = (line.split("\t") for line in _lines(handle) if line != "")
        elif fmt == "labelText":
            rows = (line.split("\t", 1) for line in _lines(handle) if line != "")
        elif fmt == "fasttext":
            for line in _lines(handle):
                if line.strip():
                    labels, text = _parse_fasttext(line)
                    yield text, labels[0] if labels else ""
            return
        else:
            raise ValueError(f"Unknown file format {fmt!r} (expected csv, tsv, labelText, fasttext, jsonl or json)")
        first = True
        for row in rows:
            if first and header:
                first = False
                continue
            first = False
            if len(row) <= last_col:
                yield None, None
            else:
                yield join_cells([row[c] for c in text_cols]), row[label_col]


def load_dataset(path, data, labels=None):
    """Texts, class indices and class names, skipping rows without text or label as the studio does.

    `labels`: the class order of config.json (the model's outputs); None sorts the names found.
    Rows whose label is not in `labels` are counted and skipped.
    """
    texts, raw = [], []
    skipped = {"empty text": 0, "missing label": 0, "missing columns": 0, "unknown label": 0}
    for text, label in iter_records(path, data):
        if text is None or label is None:
            skipped["missing columns"] += 1
            continue
        label = label.strip()
        if text.strip() == "":
            skipped["empty text"] += 1
            continue
        if label == "":
            skipped["missing label"] += 1
            continue
        texts.append(text)
        raw.append(label)
    classes = list(labels) if labels else sorted(set(raw))
    index = {c: i for i, c in enumerate(classes)}
    keep_texts, ids = [], []
    for text, label in zip(texts, raw):
        i = index.get(label)
        if i is None:
            skipped["unknown label"] += 1
            continue
        keep_texts.append(text)
        ids.append(i)
    return keep_texts, ids, classes, skipped


def mulberry32(seed):
    """The studio's seeded generator (src/core/random.ts): floats in [0, 1), bit for bit."""
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def random():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t = (t ^ ((t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296
    return random


def shuffle_in_place(items, random):
    for i in range(len(items) - 1, 0, -1):
        j = math.floor(random() * (i + 1))
        items[i], items[j] = items[j], items[i]


def _js_round(x):
    return math.floor(x + 0.5)


def class_split_sizes(n, validation, test):
    if n < 3:
        return 0, 0
    n_val = max(1, _js_round(n * validation)) if validation > 0 else 0
    n_test = max(1, _js_round(n * test)) if test > 0 else 0
    return (0, 0) if n - n_val - n_test < 1 else (n_val, n_test)


def stratified_split(labels, validation, test, seed):
    """The studio's stratified, seeded split: the same rows in the same order for the same seed."""
    if not (validation >= 0 and test >= 0 and validation + test < 1):
        raise ValueError(f"Validation ({validation}) and test ({test}) shares must be >= 0 and sum to less than 1.")
    by_class = {}
    for i, label in enumerate(labels):
        by_class.setdefault(label, []).append(i)
    random = mulberry32(seed)
    train, val, tst = [], [], []
    for cls in sorted(by_class):
        rows = by_class[cls]
        shuffle_in_place(rows, random)
        n_val, n_test = class_split_sizes(len(rows), validation, test)
        if n_val + n_test == 0:
            train.extend(rows)
            continue
        val.extend(rows[:n_val])
        tst.extend(rows[n_val:n_val + n_test])
        train.extend(rows[n_val + n_test:])
    for part in (train, val, tst):
        shuffle_in_place(part, random)
    return train, val, tst
