"""The ``sync`` subcommand: ``python main.py [--db PATH] sync [--url URL] [--user USER]``.

Syncs with the team server and prints ``{"pushed": n, "pulled": n, "conflicts": n}``.
The first time (no password for this server and user in the keyring) the password is
read from standard input (asked without echo on a terminal) and kept in the keyring
only after the server accepted it; never from an argument, which others can see.
"""

from __future__ import annotations

import argparse
import json

from models.cli.server import read_secret


def cmd_sync(args: argparse.Namespace) -> int:
    from models import sync
    from models.cli.opening import open_from_args
    from models.sync import credentials
    from models.sync.api import user_of

    with open_from_args(args) as store:
        saved = sync.status(store)
        url = args.url or saved.url
        if not url:
            raise sync.SyncError("no team server is set: give --url postgresql://USER@HOST/DB")
        user = user_of(url, args.user or (saved.user if url == saved.url else None))
        if args.user:
            from models.server.connect import parse_url

            url = parse_url(url)[0].set(username=user).render_as_string(hide_password=False)
        password = credentials.load_password(url, user)
        asked = password is None
        if password is None:
            password = read_secret(f"Password of {user} on the team server: ")
        tls = True if args.require_tls else None
        report = sync.sync(store, url, password, require_tls=tls)
        if asked:
            credentials.save_password(url, user, password)
    print(
        json.dumps(
            {"pushed": report.pushed, "pulled": report.pulled, "conflicts": report.conflicts}
        )
    )
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "sync", help="sync with the team server (password on standard input the first time)"
    )
    parser.add_argument("--url", metavar="URL", help="postgresql://USER@HOST:PORT/DATABASE")
    parser.add_argument("--user", metavar="USER", help="the server user (default: the URL's)")
    parser.add_argument(
        "--require-tls", action="store_true", help="refuse a server that does not offer TLS"
    )
