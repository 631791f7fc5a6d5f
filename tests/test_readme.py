"""README and CI agree: CI runs the very test command README gives."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text, flags=re.S)


def test_readme_starts_with_the_two_commands() -> None:
    run_app, run_tests = readme_commands()[:2]
    assert "main.py" in run_app and "pytest" in run_tests


def test_ci_runs_the_readme_test_command() -> None:
    run_tests = readme_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert run_tests in ci
