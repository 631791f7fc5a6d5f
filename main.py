"""Relasi's entry point: arguments, logging, then a subcommand or the window.

``python main.py [--db PATH] [--demo] [--quit-after-paint]`` opens the window;
``python main.py [--db PATH] SUBCOMMAND`` runs a command and never opens one.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

STARTED = time.monotonic()


def process_age_ms() -> float:
    """Milliseconds since this process started (from /proc where there is one)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])
        ticks = os.sysconf("SC_CLK_TCK")
        return (time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / ticks) * 1000
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - STARTED) * 1000


class _VersionAction(argparse.Action):
    """``--version``: the installed version, read from the package metadata only when
    asked (importlib.metadata scans every installed package)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from models.version import app_version

        print(f"relasi {app_version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, cheaply: subcommand modules import their heavy parts
    only when they run (the window starts through this parser too)."""
    from models.cli.main import add_subcommands

    parser = argparse.ArgumentParser(
        prog="relasi", description="Relasi: an offline client-relationship organizer."
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--db", metavar="PATH", help="database file (default: per-user data folder)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="fill an empty database with demo data first"
    )
    parser.add_argument(
        "--quit-after-paint",
        action="store_true",
        help="exit once the window has painted filled and been checked, printing "
        "'painted-ms N' (its frame's first paint), 'filled-ms N', their CPU times "
        "('painted-cpu-ms', 'filled-cpu-ms') and 'ready-ms N' (the menus wired)",
    )
    parser.add_argument("--lang", metavar="CODE", help="interface language (en, id)")
    parser.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=int,
        help="read the database's passphrase (one line) from file descriptor N "
        "(0: standard input), for a database protected by a passphrase",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    add_subcommands(sub)
    # Added here, not in models.cli.main, which stays free of Qt: it opens a dialog.
    sub.add_parser("capture", help="open only the quick-capture dialog (for an OS shortcut)")
    # Needs Qt too (the PDF writer), but opens no window: ui/reports/command.py.
    report = sub.add_parser(
        "report", help="write a client's account review (or --brief meeting brief) as PDF"
    )
    report.add_argument("client", metavar="CLIENT", help="the client's name or id")
    report.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    report.add_argument(
        "--brief", action="store_true", help="a one-page meeting brief instead of the review"
    )
    # Needs Qt too (Markdown and the PDF writer), but opens no window: ui/proposals/command.py.
    proposal = sub.add_parser(
        "proposal", help="write a deal's proposal as PDF from a template (en, id or a file)"
    )
    proposal.add_argument("deal", metavar="DEAL", help="the deal's title (or part of it) or id")
    proposal.add_argument("--to", metavar="OUT.pdf", required=True, help="the PDF file to write")
    proposal.add_argument(
        "--template",
        metavar="en|id|PATH",
        default="en",
        help="the shipped English or Indonesian template, or a Markdown file (default: en)",
    )
    proposal.add_argument("--client", metavar="CLIENT", help="look for DEAL among this client's")
    proposal.add_argument(
        "--valid-until", metavar="YYYY-MM-DD", help="the offer's last day (default: in 30 days)"
    )
    proposal.add_argument(
        "--attach", action="store_true", help="also attach the PDF to the deal as a document"
    )
    return parser


def configure_logging(verbose: bool) -> None:
    """Log through the scrubbing handler (no e-mail, phone or quoted text above DEBUG).
    The window calls it right after its first paint: nothing logs before that, and the
    logging package's import does not delay the paint."""
    import logging

    from models.logscrub import scrubbed_handler

    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[scrubbed_handler()],
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if os.name == "posix":
        os.umask(0o077)  # files Relasi (and SQLite) creates: 0600, folders 0700
    if not args.command:
        from ui.app import run_gui

        return run_gui(args, process_age_ms, lambda: configure_logging(args.verbose))
    configure_logging(args.verbose)
    if args.command == "capture":
        from ui.capture_app import run_capture

        return run_capture(args)
    if args.command == "report":
        from models.cli.main import run
        from ui.reports.command import cmd_report

        return run(args, cmd_report)
    if args.command == "proposal":
        from models.cli.main import run
        from ui.proposals.command import cmd_proposal

        return run(args, cmd_proposal)
    from models.cli.main import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
