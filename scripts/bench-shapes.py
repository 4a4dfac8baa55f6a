#!/usr/bin/env python3
"""Writes the benchmark matrix's export shapes from one generated file (sipas-surveys big):
  comments  a Vietnamese comment on 62% of rows (one in ten over several lines), every procedure name quoted
  labels    ratings as the words of the five-point scale ("Rất hài lòng" …) instead of digits
  cp1258    the comment-rich shape in Windows-1258 (Vietnamese tone marks as combining bytes)
  utf16tab  the comment-rich shape, tab-delimited, UTF-16 LE with a BOM
  nfd       the comment-rich shape with every text in NFD (decomposed) form
Usage: bench-shapes.py SOURCE.csv OUT_DIR"""
import csv, os, random, sys, unicodedata

src, out = sys.argv[1], sys.argv[2]
base = os.path.splitext(os.path.basename(src))[0]
rng = random.Random(7)
COMMENTS = [
    "Cán bộ hướng dẫn tận tình, thủ tục nhanh gọn", "Thời gian chờ đợi còn lâu, cần cải thiện",
    "Nên bố trí thêm ghế ngồi ở khu vực chờ", "Hồ sơ phải bổ sung nhiều lần, mong được hướng dẫn một lần cho rõ",
    "Rất hài lòng với thái độ phục vụ", "Phí, lệ phí được niêm yết công khai, đúng quy định",
    "Cổng dịch vụ công trực tuyến đôi khi bị lỗi, không nộp được hồ sơ", "Kết quả trả đúng hẹn",
]
LABELS = {"1": "Rất không hài lòng", "2": "Không hài lòng", "3": "Bình thường", "4": "Hài lòng", "5": "Rất hài lòng"}

def rows():
    with open(src, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        yield header
        for row in reader:
            yield row

def comment_rich(row, header):
    c = header.index("comment")
    if rng.random() < 0.62:
        text = rng.choice(COMMENTS)
        if rng.random() < 0.1:
            text += ".\n" + rng.choice(COMMENTS) + ", \"trích\" ý kiến"
        row[c] = text
    return row

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

def to_cp1258(text):
    # Windows-1258 has the base letters (â, ơ, ư, ă…) and five combining tone marks: a letter it lacks
    # is written as its base letter and the tone mark.
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            ch.encode("cp1258")
            out.append(ch)
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            marks = d[1:]
            out.append(unicodedata.normalize("NFC", d[0] + "".join(m for m in marks if m not in TONES)))
            out.append("".join(m for m in marks if m in TONES))
    return "".join(out)

def write(name, transform, encoding="utf-8", delimiter=",", quote_names=False, text=lambda s: s, bom=False):
    path = os.path.join(out, f"{base}-{name}.csv")
    if os.path.exists(path):
        return
    with open(path + ".tmp", "w", newline="", encoding=encoding) as f:
        if bom:
            f.write("\ufeff")
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        header = None
        for row in rows():
            if header is None:
                header = row
                names = header.index("procedure_name")
                w.writerow(row)
                continue
            row = [text(v) for v in transform(row, header)]
            if quote_names:
                # csv.writer quotes only when needed: write the name quoted by hand.
                cells = [("\"" + v.replace("\"", "\"\"") + "\"") if i == names else
                         (("\"" + v.replace("\"", "\"\"") + "\"") if (delimiter in v or "\"" in v or "\n" in v) else v)
                         for i, v in enumerate(row)]
                f.write(delimiter.join(cells) + "\n")
            else:
                w.writerow(row)
    os.rename(path + ".tmp", path)

first_rating = None
def labels(row, header):
    start = header.index("comment") + 1
    return row[:start] + [LABELS.get(v, v) for v in row[start:]]

write("comments", comment_rich, quote_names=True)
rng.seed(7); write("labels", labels)
rng.seed(7); write("cp1258", comment_rich, encoding="cp1258", quote_names=True, text=to_cp1258)
rng.seed(7); write("utf16tab", comment_rich, encoding="utf-16-le", delimiter="\t", quote_names=True, bom=True)
rng.seed(7); write("nfd", comment_rich, quote_names=True, text=lambda s: unicodedata.normalize("NFD", s))
