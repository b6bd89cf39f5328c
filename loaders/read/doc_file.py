"""Word 97–2003 (.doc) and RTF documents: converted to .docx by LibreOffice
(headless, with a private profile so parallel runs do not clash, under a timeout),
then read as .docx.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from dutygraph.errors import UnreadableFileError
from dutygraph.loaders.read.blocks import Document
from dutygraph.loaders.read.docx_file import read_docx

log = logging.getLogger(__name__)

#: Seconds LibreOffice may take for one document.
CONVERT_TIMEOUT = float(os.environ.get("DUTYGRAPH_SOFFICE_TIMEOUT", "120"))
#: The Debian package that provides soffice without a desktop.
DEBIAN_PACKAGE = "libreoffice-writer-nogui"


def soffice() -> str | None:
    """The LibreOffice executable on PATH (soffice or libreoffice), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, out_dir: Path) -> Path:
    """Convert ``path`` with LibreOffice into ``out_dir`` and return the new file.

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
        PosixPath('/tmp/out/plan.docx')
    """
    exe = soffice()
    if exe is None:
        raise UnreadableFileError(
            path, f"reading {path.suffix or 'this'} files needs LibreOffice; install the Debian package {DEBIAN_PACKAGE} (soffice not found)"
        )
    ext = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="dutygraph-lo-") as profile:
        # A document named like its directory's other files must not overwrite them: copy it in alone.
        src = out_dir / f"in{path.suffix.lower() or '.bin'}"
        shutil.copyfile(path, src)
        cmd = [
            exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--norestore", "--nolockcheck",
            "--convert-to", target, "--outdir", str(out_dir), str(src),
        ]
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableFileError(path, f"LibreOffice did not convert it within {CONVERT_TIMEOUT:g} s") from exc
    out = out_dir / f"in.{ext}"
    if not out.exists() or out.stat().st_size == 0:
        log.debug("soffice for %s: rc=%s stdout=%r stderr=%r", path, proc.returncode, proc.stdout[-500:], proc.stderr[-500:])
        raise UnreadableFileError(path, "LibreOffice could not open it (damaged or password-protected)")
    return out


def read_doc(path: Path) -> Document:
    """Read a .doc (or .rtf) file: LibreOffice converts it to .docx, python-docx reads that.

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
        doc = read_docx(converted, fmt="doc", sha256=digest)
    doc.path = path
    return doc
