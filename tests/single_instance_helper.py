"""A process holding (or asking) the single instance of a database, for the tests.

``python tests/single_instance_helper.py DB``: if it gets the lock it prints
``primary`` and waits (at most 30 s) for an activation, prints ``activated`` and
exits 0; otherwise it signals the first process, prints ``notified`` and exits 0
(1 if the first never answered).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402

from ui.single_instance import SingleInstance  # noqa: E402


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    instance = SingleInstance(Path(sys.argv[1]))
    if not instance.acquire():
        ok = instance.notify_running()
        print("notified" if ok else "no answer", flush=True)
        return 0 if ok else 1

    def activated() -> None:
        print("activated", flush=True)
        app.quit()

    instance.activation_requested.connect(activated)
    QTimer.singleShot(30_000, lambda: app.exit(3))
    print("primary", flush=True)
    code = app.exec()
    instance.release()
    return code


if __name__ == "__main__":
    sys.exit(main())
