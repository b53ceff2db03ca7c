"""Legacy Word (``.doc``, Word 97-2003) and RTF files: converted to DOCX by
LibreOffice (``soffice --headless --convert-to docx``, Debian's
``libreoffice-writer-nogui``, which ``make`` installs), then read by
``ingest.readers.docx``, tracked changes included. Without LibreOffice, or for an
OLE file that is not a Word document, the file is refused with the reason."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from itukg.ingest.models import Document
from itukg.ingest.readers import docx
from itukg.ontology.errors import UnreadableDocument, UnsupportedFormat

TIMEOUT = 180  # seconds for one conversion
_OLE = b"\xd0\xcf\x11\xe0"


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _check(path: Path, data: bytes) -> str:
    """The suffix to convert from, or the reason the file is refused."""
    if not data.startswith(_OLE):
        return ".rtf"
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise UnreadableDocument(str(path), "encrypted Office file (password needed)")
    if _utf16("WordDocument") not in data:
        what = "an Excel workbook" if _utf16("Workbook") in data else "an OLE file"
        raise UnsupportedFormat(
            str(path), f"unsupported format: {what} is not a Word document"
        )
    return ".doc"


def _soffice(path: Path) -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise UnreadableDocument(
            str(path),
            "legacy Word files need LibreOffice to convert them (soffice is not "
            "installed; `make run` installs it)",
        )
    return found


def _convert(path: Path, data: bytes, suffix: str, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="itukg-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"document{suffix}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise UnreadableDocument(
                str(path), f"LibreOffice did not convert it within {TIMEOUT} s"
            ) from None
        target = folder / "out" / "document.docx"
        if not target.is_file():
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UnreadableDocument(
                str(path),
                "LibreOffice could not convert it" + (f" ({said[-1]})" if said else ""),
            )
        return target.read_bytes()


def read(path: Path, data: bytes) -> Document:
    suffix = _check(path, data)
    converted = _convert(path, data, suffix, _soffice(path))
    return replace(docx.read(path, converted), fmt=suffix.lstrip("."))
