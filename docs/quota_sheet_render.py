"""Render the exported quota sheet as it prints, from the sample company.

    python docs/quota_sheet_render.py    # writes docs/quota-sheet.png

Builds the sample company (with its published 2017 plan) in a temporary workspace,
exports the 2017 plan as `salesdesk export quotas` does, has LibreOffice headless print
the workbook to PDF with the sheet's own print set-up (A4 landscape, fit to width), and
turns the first team sheet's page into a PNG with pdftoppm. The page's empty lower part
is trimmed so that the table reads well in the README. Needs soffice
(libreoffice-calc-nogui) and pdftoppm/pdftotext (poppler-utils).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
OUT = DOCS / "quota-sheet.png"
DPI = 150
MARGIN = 24
"""Pixels of white kept around the trimmed page's content."""


def main() -> None:
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext") if not shutil.which(tool)]
    if missing:
        raise SystemExit(f"needs {', '.join(missing)}: apt install libreoffice-calc-nogui "
                         "poppler-utils")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        sheet, team = export_sample(work)
        pdf = to_pdf(sheet, work)
        page = page_of(pdf, f"{team}: Quota plan")
        png = to_png(pdf, page, work)
        trim(png, OUT)
    print(f"wrote {OUT} (page {page} of the PDF: the {team} sheet)")


def export_sample(folder: Path) -> tuple[Path, str]:
    """The sample's 2017 plan as a quota workbook, and the name of its first team sheet."""
    from salesdesk.services.demo import create_sample_company
    from salesdesk.services.quota_sheets import export_quotas
    from salesdesk.storage.quota_sheets import WORKBOOKS
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(folder / "sample.sqlite", create=True)
    try:
        create_sample_company(ws.uow, sample_tables())
        # closed won to the end of 2017, whatever today is
        result = export_quotas(ws.uow, WORKBOOKS, 2017, folder / "quotas-2017.xlsx",
                               period="2017")
    finally:
        ws.close()
    from openpyxl import load_workbook

    return result.path, load_workbook(result.path, read_only=True).sheetnames[1]


def to_pdf(sheet: Path, folder: Path) -> Path:
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(sheet)],
                   check=True, capture_output=True, timeout=180)
    return sheet.with_suffix(".pdf")


def page_of(pdf: Path, text: str) -> int:
    """The first page of `pdf` whose text holds `text`."""
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                           capture_output=True, text=True, timeout=60).stdout.split("\f")
    for number, content in enumerate(pages, 1):
        if text in content:
            return number
    raise SystemExit(f"no page of {pdf.name} shows '{text}'")


def to_png(pdf: Path, page: int, folder: Path) -> Path:
    stem = folder / "page"
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True, timeout=60)
    return stem.with_suffix(".png")


def trim(source: Path, target: Path) -> None:
    """Cut the page down to its content plus MARGIN, keeping the footer's page number
    out: the table is what the README shows."""
    from PySide6.QtGui import QImage

    image = QImage(str(source)).convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    data = bytes(image.constBits())  # type: ignore[call-overload]
    inked = [any(b < 250 for b in data[y * stride:y * stride + width]) for y in range(height)]
    rows = [y for y, ink in enumerate(inked) if ink]
    # the table ends at the first gap taller than a tenth of the page (the footer follows)
    bottom = rows[0]
    for y in rows[1:]:
        if y - bottom > height // 10:
            break
        bottom = y
    columns = [x for x in range(width)
               if any(data[y * stride + x] < 250 for y in range(rows[0], bottom + 1, 2))]
    left, right = max(columns[0] - MARGIN, 0), min(columns[-1] + MARGIN, width - 1)
    top, bottom = max(rows[0] - MARGIN, 0), min(bottom + MARGIN, height - 1)
    page = QImage(str(source)).copy(left, top, right - left + 1, bottom - top + 1)
    if not page.save(str(target)):
        raise SystemExit(f"could not write {target}")


if __name__ == "__main__":
    main()
