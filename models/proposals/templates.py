"""Proposal templates: the English and Indonesian ones Relasi ships
(``resources/proposals/en.md``, ``id.md``) and the user's own Markdown files in
``<data folder>/proposal-templates/`` (copy a shipped one there and edit it).

A template is read as UTF-8 text of at most ``MAX_TEMPLATE_CHARS`` characters; its
language (for dates and amounts in words) is Indonesian when its name ends in
``id.md`` or ``-id.md`` ("penawaran-id.md"), else English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from models.paths import data_dir
from models.proposals.fields import MAX_TEMPLATE_CHARS, TemplateError

SHIPPED = Path(__file__).resolve().parent.parent.parent / "resources" / "proposals"
USER_FOLDER = "proposal-templates"
SUFFIXES = (".md", ".markdown", ".txt")


@dataclass(frozen=True, slots=True)
class TemplateRef:
    """One template to offer: ``key`` is 'en', 'id' or a file's path."""

    key: str
    path: Path
    lang: str
    shipped: bool


def language_of(path: Path) -> str:
    stem = path.stem.lower()
    return "id" if stem == "id" or stem.endswith(("-id", "_id", ".id")) else "en"


def user_folder() -> Path:
    return data_dir() / USER_FOLDER


def available(folder: Path | None = None) -> list[TemplateRef]:
    """The shipped templates (English, Indonesian), then the user's, by name."""
    refs = [TemplateRef(lang, SHIPPED / f"{lang}.md", lang, True) for lang in ("en", "id")]
    folder = user_folder() if folder is None else folder
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    except OSError:
        files = []
    refs += [TemplateRef(str(p), p, language_of(p), False) for p in files if p.is_file()]
    return refs


def resolve(key: str) -> TemplateRef:
    """'en', 'id' or a file's path, as a TemplateRef (the file is not read yet)."""
    if key in ("en", "id"):
        return TemplateRef(key, SHIPPED / f"{key}.md", key, True)
    path = Path(key).expanduser()
    return TemplateRef(str(path), path, language_of(path), False)


def read(ref: TemplateRef) -> str:
    """The template's text; TemplateError (reason ``not-text``/``too-large``) for a file
    that is missing, unreadable, not UTF-8 text or too large."""
    try:
        with ref.path.open("rb") as f:
            raw = f.read(MAX_TEMPLATE_CHARS * 4 + 1)
    except OSError as exc:
        raise TemplateError(
            f"cannot read the template {ref.path}: {exc.strerror or exc}", reason="not-text"
        ) from None
    if len(raw) > MAX_TEMPLATE_CHARS * 4:
        raise TemplateError(
            f"the template {ref.path} is too large for a proposal", reason="too-large"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError(
            f"the template {ref.path} is not UTF-8 text", reason="not-text"
        ) from None
    if "\x00" in text:
        raise TemplateError(f"the template {ref.path} is not text", reason="not-text")
    if len(text) > MAX_TEMPLATE_CHARS:
        raise TemplateError(
            f"the template {ref.path} is too large for a proposal", reason="too-large"
        )
    return text.replace("\r\n", "\n")
