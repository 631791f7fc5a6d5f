"""The ``server`` subcommands: prepare the team's PostgreSQL server, add users, share.

``python main.py server init --url postgresql://USER@HOST:PORT/DB`` prepares (or
upgrades) the server database and prints ``{"server": "ready", "schema": "00xx"}``;
``server add-user NAME --url URL [--lead]`` adds a user; ``server share CLIENT --with
USER --url URL`` shares a client; ``server check --url URL`` says whether this Relasi
can sync with the server. The URL carries no password: the server user's password is
read from standard input when it is not a terminal (one line; ``add-user`` reads the new
user's password on the next line), and asked for without echo otherwise. A password is
never taken from the command line, which other users of the computer can see.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys

from models.errors import ValidationError


def read_secret(prompt: str) -> str:
    """One password: a line of standard input, or asked on the terminal without echo."""
    if sys.stdin is not None and sys.stdin.isatty():
        secret = getpass.getpass(prompt)
    else:
        secret = (sys.stdin.readline() if sys.stdin is not None else "").rstrip("\r\n")
    if not secret:
        raise ValidationError("password", f"no password given ({prompt.strip().rstrip(':')})")
    return secret


def _url(args: argparse.Namespace) -> str:
    from models.server.connect import parse_url

    _, password = parse_url(args.url)
    if password is not None:
        raise ValidationError(
            "url",
            "the server address must not carry a password (others can see the command "
            "line): leave it out and give it on standard input",
        )
    return str(args.url)


def _who(url: str) -> str:
    from models.server.connect import address_of, parse_url

    return str(address_of(parse_url(url)[0]))


def cmd_init(args: argparse.Namespace) -> int:
    from models.server.schema import init_server

    url = _url(args)
    password = read_secret(f"Password of {_who(url)}: ")
    schema = init_server(url, password, require_tls=args.require_tls)
    print(json.dumps({"server": "ready", "schema": schema}))
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    from models.server.connect import engine_for
    from models.server.users import add_user, check_user_name

    url = _url(args)
    check_user_name(args.name)
    password = read_secret(f"Password of {_who(url)}: ")
    new_password = read_secret(f"Password for the new user {args.name}: ")
    engine = engine_for(url, password, require_tls=args.require_tls)
    try:
        created = add_user(engine, args.name, new_password, lead=args.lead)
    finally:
        engine.dispose()
    print(json.dumps({"user": args.name, "lead": args.lead, "created": created}))
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    from models.server.connect import engine_for
    from models.server.users import check_user_name, share

    url = _url(args)
    check_user_name(args.with_user)
    password = read_secret(f"Password of {_who(url)}: ")
    engine = engine_for(url, password, require_tls=args.require_tls)
    try:
        shared = share(engine, args.client, args.with_user)
    finally:
        engine.dispose()
    print(
        json.dumps(
            {
                "client": shared.client_id,
                "name": shared.client_name,
                "shared_with": shared.user,
                "added": shared.added,
            },
            ensure_ascii=False,
        )
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from models.migrations import HEAD
    from models.server.connect import engine_for, server_info
    from models.server.schema import check_schema

    url = _url(args)
    password = read_secret(f"Password of {_who(url)}: ")
    engine = engine_for(url, password, require_tls=args.require_tls)
    try:
        info = server_info(engine)
        check_schema(engine)
    finally:
        engine.dispose()
    print(
        json.dumps(
            {
                "schema": HEAD,
                "user": info.user,
                "lead": info.lead,
                "tls": info.tls,
                "postgresql": info.version,
            }
        )
    )
    return 0


COMMANDS = {"init": cmd_init, "add-user": cmd_add_user, "share": cmd_share, "check": cmd_check}


def cmd_server(args: argparse.Namespace) -> int:
    return COMMANDS[args.server_command](args)


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = sub.add_parser(
        "server",
        help="the team's PostgreSQL server: init, add-user, share, check "
        "(passwords on standard input)",
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)

    def common(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--url",
            required=True,
            metavar="URL",
            help="postgresql://USER@HOST:PORT/DATABASE (no password: it is read from stdin)",
        )
        parser.add_argument(
            "--require-tls",
            action="store_true",
            help="refuse a server that does not offer TLS (default: TLS when offered)",
        )

    common(actions.add_parser("init", help="prepare or upgrade the server database"))
    add_user = actions.add_parser(
        "add-user", help="add a user (stdin: your password, then the new user's)"
    )
    add_user.add_argument("name", metavar="NAME", help="the new user's name")
    add_user.add_argument("--lead", action="store_true", help="a lead sees every client")
    common(add_user)
    share = actions.add_parser("share", help="share a client with a user")
    share.add_argument("client", metavar="CLIENT", help="the client's exact name or id")
    share.add_argument("--with", dest="with_user", required=True, metavar="USER")
    common(share)
    common(actions.add_parser("check", help="check the connection and the schema version"))
