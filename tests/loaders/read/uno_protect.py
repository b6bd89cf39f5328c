"""Save a document with a password through LibreOffice's UNO bridge (run by the
system Python that has the ``uno`` module): ``python3 uno_protect.py SRC DST FILTER``.

Used by the tests to make password-protected .doc and .xls files (RC4, no
EncryptedPackage); LibreOffice's command line cannot set a password.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main() -> None:
    src, dst, filter_name = sys.argv[1:4]
    exe = shutil.which("soffice") or "soffice"
    pipe = f"dutygraph-test-{os.getpid()}"
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [
                exe,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                f"--accept=pipe,name={pipe};urp;",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(300):
                try:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except Exception:
                    time.sleep(0.1)
            else:
                raise SystemExit("LibreOffice did not start")
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (_prop("Hidden", True),)
            )
            doc.storeToURL(
                uno.systemPathToFileUrl(os.path.abspath(dst)),
                (_prop("FilterName", filter_name), _prop("Password", "secret")),
            )
            doc.close(True)
            with contextlib.suppress(Exception):
                desktop.terminate()
            proc.wait(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin outlives the soffice script that started it


if __name__ == "__main__":
    main()
