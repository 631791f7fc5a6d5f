"""The file being imported, as the wizard's pages see it: read, mapped, planned,
and (after the worker ran) its result and the rows that were not imported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor, QGuiApplication

from models.errors import RelasiError
from models.store import Store
from models.transfer import sniff
from models.transfer.guess import detect_mapping
from models.transfer.importer import plan_source
from models.transfer.plan import ImportPlan, ImportResult
from models.transfer.presets import Mapping, is_known_header
from models.transfer.source_types import RowError
from models.transfer.sources import CSV_SUFFIXES, load_source
from ui.import_preview import ErrorModel, MappingModel, PreviewModel


def encoding_name(encoding: str) -> str:
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": QGuiApplication.translate("import", "UTF-8 with BOM"),
        "utf-16": "UTF-16",
        "utf-32": "UTF-32",
        "cp1252": "Windows-1252",
        "ascii": "ASCII",
    }.get(encoding, encoding.upper())


def delimiter_name(delimiter: str) -> str:
    return {
        ",": QGuiApplication.translate("import", "comma"),
        ";": QGuiApplication.translate("import", "semicolon"),
        "\t": QGuiApplication.translate("import", "tab"),
        "|": QGuiApplication.translate("import", "vertical bar"),
    }.get(delimiter, repr(delimiter))


class ImportSession(QObject):
    """One import from file to result; the item models the pages show are its own."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.path: Path | None = None
        self.table: sniff.CsvTable | None = None
        self.detected_mapping: Mapping | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.mapping_model = MappingModel(self)
        self.preview_model = PreviewModel(store, self)
        self.error_model = ErrorModel(self)

    # -- reading and planning ---------------------------------------------------------
    def load(self, path: Path) -> str:
        """Read ``path`` (and plan it unless it is a CSV); the refusal's message, or ""."""
        self.path, self.table, self.plan, self.detected_mapping = path, None, None, None
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            if path.suffix.casefold() in CSV_SUFFIXES:
                self.table = sniff.read_csv(path, known_header=is_known_header)
                self.detected_mapping = detect_mapping(self.table.header, self.table.rows)
                samples = self.table.rows[0][1] if self.table.rows else []
                self.mapping_model.load(self.table.header, samples, self.detected_mapping)
            else:
                self.plan = plan_source(self.store, load_source(path))
        except RelasiError as exc:
            return exc.message
        except OSError as exc:
            return self.tr("Cannot read {0}: {1}").format(path.name, exc.strerror or str(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
        return ""

    def plan_csv(self) -> str:
        """Plan the CSV with the mapping on the columns page; a problem's message, or ""."""
        assert self.path is not None
        mapping = self.mapping_model.mapping()
        known = self.detected_mapping
        if known is not None and known.kind == mapping.kind and known.columns == mapping.columns:
            mapping = known  # unchanged: keep the preset's name for the summary
        try:
            self.plan = plan_source(self.store, load_source(self.path, mapping))
        except RelasiError as exc:
            return exc.message
        except OSError as exc:
            return self.tr("Cannot read {0}: {1}").format(self.path.name, exc.strerror or "")
        return ""

    def source_name(self) -> str:
        return self.path.name if self.path else ""

    def detected_text(self) -> str:
        """What was detected about the file, in one line."""
        parts: list[str] = []
        if self.table is not None:
            parts.append(self.tr("Encoding: {0}").format(encoding_name(self.table.encoding)))
            parts.append(self.tr("Delimiter: {0}").format(delimiter_name(self.table.delimiter)))
            parts.append(
                self.tr("Header on line {0} ({1} columns)").format(
                    self.table.header_line, len(self.table.header)
                )
            )
            mapping = self.plan.mapping if self.plan is not None else self.detected_mapping
            if mapping is None:
                parts.append(self.tr("No known export recognised: map the columns by hand"))
            elif mapping.name == "manual":
                parts.append(self.tr("Mapping: your own"))
            else:
                parts.append(self.tr("Recognised: {0}").format(mapping.label))
        elif self.plan is not None:
            fmt = {
                "vcard": self.tr("vCard contacts"),
                "ics": self.tr("iCalendar invitations"),
                "eml": self.tr("E-mail message"),
                "msg": self.tr("Outlook message"),
            }.get(self.plan.source.format, self.plan.source.format)
            parts.append(self.tr("Format: {0}").format(fmt))
            if self.plan.source.encoding:
                parts.append(
                    self.tr("Encoding: {0}").format(encoding_name(self.plan.source.encoding))
                )
        return " · ".join(parts)

    # -- report -------------------------------------------------------------------------
    def report_errors(self) -> list[RowError]:
        """The rows not imported (row, column, why), then problems met while writing."""
        plan, result = self.plan, self.outcome
        errors = list(plan.errors) if plan is not None else []
        if result is not None:
            errors += [RowError(0, "", text) for text in result.errors[len(errors) :]]
        return errors

    def report_text(self) -> str:
        result = self.outcome
        lines = [self.tr("Import of {0}").format(self.source_name())]
        if result is not None:
            lines.append(
                self.tr("Created {0}, updated {1}, skipped {2}.").format(
                    result.created, result.updated, result.skipped + result.unchanged
                )
            )
        errors = self.report_errors()
        if errors:
            lines.append("")
            lines.append(self.tr("Not imported:"))
            lines += [str(e) for e in errors]
        return "\n".join(lines) + "\n"
