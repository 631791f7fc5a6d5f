"""CI check: every translatable string in ui/ has an Indonesian translation,
and the committed .qm is what lrelease makes of the committed .ts.

Run as ``python -m ui.i18n_check``; exits 1 with the missing strings listed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "relasi_id.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    """ui/, the field declarations whose labels and messages the forms show, and the
    account health reasons (models/queries/health.py) the window and reports show."""
    files = [
        *(ROOT / "ui").rglob("*.py"),
        ROOT / "models" / "fields.py",
        ROOT / "models" / "queries" / "health.py",
    ]
    return sorted(str(p.relative_to(ROOT)) for p in files)


def update_ts(target: Path) -> None:
    """Refresh ``target`` from the sources (what a developer runs to add new strings)."""
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-ts",
            str(target),
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def unfinished(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = getattr(context.find("name"), "text", "") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            if (
                tr is None
                or tr.get("type") in {"unfinished", "vanished", "obsolete"}
                or not ((tr.text or "").strip() or tr.find("numerusform") is not None)
            ):
                missing.append(f"{name}: {message.findtext('source', '')!r}")
    return missing


def release(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "relasi_id.ts"
        shutil.copyfile(TS, fresh)
        update_ts(fresh)
        missing = unfinished(fresh)
        qm = Path(tmp) / "relasi_id.qm"
        release(TS, qm)
        stale_qm = not QM.exists() or QM.read_bytes() != qm.read_bytes()
    if missing:
        print(f"{len(missing)} strings without an Indonesian translation:")
        print("\n".join(f"  {m}" for m in missing))
    if stale_qm:
        print(
            f"{QM.relative_to(ROOT)} is not lrelease's output of {TS.name}; run "
            "pyside6-lrelease resources/translations/relasi_id.ts"
        )
    if missing or stale_qm:
        return 1
    print(f"translations complete: {TS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
