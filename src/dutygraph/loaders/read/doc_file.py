"""Word 97–2003 (.doc, and WPS Office's .wps), RTF and OpenDocument (.odt, .ods) documents: converted to
.docx (.xlsx for a spreadsheet) by LibreOffice (headless, with a private profile so parallel runs do not clash,
under a timeout), then read as those are.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Document
from dutygraph.loaders.read.docx_file import read_docx

log = logging.getLogger(__name__)

#: Seconds LibreOffice may take for one document (``DUTYGRAPH_SOFFICE_TIMEOUT`` overrides it).
CONVERT_TIMEOUT = 120.0


def convert_timeout() -> float:
    """The conversion time limit: ``DUTYGRAPH_SOFFICE_TIMEOUT`` when set, else :data:`CONVERT_TIMEOUT`."""
    try:
        return float(os.environ.get("DUTYGRAPH_SOFFICE_TIMEOUT", CONVERT_TIMEOUT))
    except ValueError:
        return CONVERT_TIMEOUT


#: The Debian package that provides soffice without a desktop.
DEBIAN_PACKAGE = "libreoffice-writer-nogui"


def soffice() -> str | None:
    """The LibreOffice executable on PATH (soffice or libreoffice), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, out_dir: Path) -> Path:
    """Convert a copy of ``path`` (named ``in`` + its suffix) with LibreOffice into ``out_dir``; return the new file.

    Args:
        path: the file to convert.
        target: LibreOffice's target filter spec ("docx", "xlsx", "pdf", …).
        out_dir: where the converted file is written.

    Returns:
        The converted file.

    Raises:
        UnreadableFileError: LibreOffice is not installed, timed out, or wrote nothing
            (a damaged or password-protected file).

    Example:
        >>> convert(Path("plan.doc"), "docx", Path("/tmp/out"))  # doctest: +SKIP
        PosixPath('/tmp/out/in.docx')
    """
    exe = soffice()
    if exe is None:
        raise UnreadableFileError(
            path,
            f"reading {path.suffix or 'this'} files needs LibreOffice; "
            f"install the Debian package {DEBIAN_PACKAGE} (soffice not found)",
        )
    ext = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="dutygraph-lo-") as profile:
        # LibreOffice works on a copy: no lock file beside the user's document, a plain name whatever the original's.
        src = out_dir / f"in{path.suffix.lower() or '.bin'}"
        shutil.copyfile(path, src)
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(out_dir),
            str(src),
        ]
        # Its own session, so that a timeout stops soffice.bin too, not only the script that started it.
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        limit = convert_timeout()
        try:
            stdout, stderr = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired as exc:
            _stop(proc)
            raise UnreadableFileError(path, f"LibreOffice did not convert it within {limit:g} s") from exc
    out = out_dir / f"in.{ext}"
    if not out.exists() or out.stat().st_size == 0:
        log.debug("soffice for %s: rc=%s stdout=%r stderr=%r", path, proc.returncode, stdout[-500:], stderr[-500:])
        raise UnreadableFileError(path, "LibreOffice could not open it (damaged or password-protected)")
    return out


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice's whole process group and reap the script."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()


def read_doc(path: Path, fmt: str = "doc") -> Document:
    """Read a .doc, .rtf or OpenDocument text (``fmt`` "odt") file: LibreOffice converts it to .docx,
    python-docx reads that.

    Raises:
        UnreadableFileError: LibreOffice is missing, times out, or cannot open the file.

    Example:
        >>> doc = read_doc(Path("plan.doc"))  # doctest: +SKIP
        >>> doc.format  # doctest: +SKIP
        'doc'
    """
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory(prefix="dutygraph-doc-") as tmp:
        converted = convert(path, "docx", Path(tmp))
        doc = read_docx(converted, fmt=fmt, sha256=digest)
    doc.path = path
    return doc


def read_ods(path: Path) -> Document:
    """Read an OpenDocument spreadsheet: LibreOffice converts it to .xlsx, openpyxl reads that.

    Raises:
        UnreadableFileError: LibreOffice is missing, times out, or cannot open the file.
    """
    from dutygraph.loaders.read.xlsx_file import read_xlsx

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory(prefix="dutygraph-ods-") as tmp:
        doc = read_xlsx(convert(path, "xlsx", Path(tmp)))
    doc.path, doc.format, doc.sha256, doc.encoding = path, "ods", digest, "ods"
    return doc
