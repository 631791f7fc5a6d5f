"""One Relasi per database: a second start raises the first window instead of writing too.

The first process takes a ``QLockFile`` next to the database (``.<name>.lock``, the
path ``models.paths.lock_path`` gives, which ``restore`` also honours) and listens
on a ``QLocalServer`` whose name is a hash of the database's absolute path. A second
process fails to take the lock, connects to that server, sends ``activate`` and waits
for the first to answer; then it exits. A lock left by a crash is stale (its process
is gone) and taken over; so is the dead server's socket. No SQL here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from models.paths import lock_path

_MESSAGE = b"activate\n"
_ANSWER = b"ok\n"


def server_name(db_path: Path) -> str:
    """The local-socket name for a database: short, per user, per absolute path."""
    digest = hashlib.sha256(os.path.abspath(db_path).encode("utf-8")).hexdigest()[:24]
    return f"relasi-{os.getuid() if hasattr(os, 'getuid') else 0}-{digest}"


class SingleInstance(QObject):
    """The single-instance guard of one database.

    In the first process ``acquire()`` returns True and ``activation_requested`` fires
    each time another start asks for the window. In a later one ``acquire()`` returns
    False; call ``notify_running()`` and exit.
    """

    activation_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(os.path.abspath(db_path))
        self.lock_file = lock_path(self.db_path)
        self.name = server_name(self.db_path)
        self._lock = QLockFile(str(self.lock_file))
        # 0: never stale by age; a lock whose process is gone is still stale.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock and start listening; False if another live process holds it."""
        if not self._lock.tryLock(0):
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return False
            pid = int(self._lock.getLockInfo()[0])  # (pid, hostname, appname); 0 if unread
            if pid <= 0 or _alive(pid) or not self._lock.removeStaleLockFile():
                return False
            if not self._lock.tryLock(0):
                return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self.name)  # a dead first instance's socket
        if not server.listen(self.name):
            self._lock.unlock()
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def notify_running(self, timeout_ms: int = 5000) -> bool:
        """Ask the running instance to raise its window; True once it has answered."""
        socket = QLocalSocket(self)
        try:
            socket.connectToServer(self.name)
            if not socket.waitForConnected(timeout_ms):
                return False
            socket.write(_MESSAGE)
            if not socket.waitForBytesWritten(timeout_ms):
                return False
            answer = b""
            while not answer.endswith(b"\n"):
                if not socket.bytesAvailable() and not socket.waitForReadyRead(timeout_ms):
                    return False
                answer += bytes(socket.readAll().data())
            return answer == _ANSWER
        finally:
            socket.abort()
            socket.deleteLater()

    def release(self) -> None:
        """Stop listening and unlock (at exit; also done when the process dies)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (conn := self._server.nextPendingConnection()) is not None:
            conn.readyRead.connect(lambda c=conn: self._on_message(c))
            conn.disconnected.connect(conn.deleteLater)
            if conn.bytesAvailable():
                self._on_message(conn)

    def _on_message(self, conn: QLocalSocket) -> None:
        if not conn.canReadLine():
            return
        if bytes(conn.readLine().data()) == _MESSAGE:
            conn.write(_ANSWER)
            conn.flush()
            self.activation_requested.emit()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
