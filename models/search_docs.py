"""The search document of each searchable kind, and the triggers that keep it current.

A row's document is a title and a body (``search_fts``), built from the fields its
declaration marks as searched (:mod:`models.fields`). This module is the one live
definition: the importer's set-wise indexing uses it, and a test checks that the
triggers a database has at head are exactly the ones it describes. Migrations keep
frozen copies of what they create and never import this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.fields import searched

#: While the importer's transaction holds a row here, contact inserts skip their
#: per-row indexing; the importer indexes them set-wise before it commits.
NOT_DEFERRED = "NOT EXISTS (SELECT 1 FROM index_deferral)"


@dataclass(frozen=True)
class SearchDoc:
    table: str
    kind: str
    account: str  # the owning client's id, as an expression of the row {r}
    has_account_column: bool
    deferrable: bool = False

    @property
    def title_fields(self) -> tuple[str, ...]:
        return searched(self.kind, "title")

    @property
    def body_fields(self) -> tuple[str, ...]:
        return searched(self.kind, "body")

    def title(self, row: str) -> str:
        return " || ' ' || ".join(f"{row}.{f}" for f in self.title_fields)

    def body(self, row: str) -> str:
        return " || ' ' || ".join(f"{row}.{f}" for f in self.body_fields)

    def watched(self) -> str:
        """The columns whose change re-indexes the row."""
        cols = [*self.title_fields, *self.body_fields]
        if self.has_account_column:
            cols.append("account_id")
        return ", ".join(cols)

    def triggers(self) -> dict[str, str]:
        """Trigger name -> its CREATE TRIGGER statement."""
        t, acc = self.table, self.account.format(r="NEW")
        when = f" WHEN {NOT_DEFERRED}" if self.deferrable else ""
        on_update = f"AFTER UPDATE OF {self.watched()} ON {t}"
        return {
            f"{t}_fts_ai": f"""CREATE TRIGGER {t}_fts_ai AFTER INSERT ON {t}{when} BEGIN
            INSERT INTO search_docs(kind, ref_id, account_id)
                VALUES ('{self.kind}', NEW.id, {acc});
            INSERT INTO search_fts(rowid, title, body)
                VALUES ((SELECT docid FROM search_docs WHERE ref_id = NEW.id),
                        {self.title("NEW")}, {self.body("NEW")});
        END""",
            f"{t}_fts_au": f"""CREATE TRIGGER {t}_fts_au {on_update} BEGIN
            UPDATE search_docs SET account_id = {acc}
                WHERE ref_id = NEW.id;
            UPDATE search_fts SET title = {self.title("NEW")}, body = {self.body("NEW")}
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = NEW.id);
        END""",
            f"{t}_fts_ad": f"""CREATE TRIGGER {t}_fts_ad AFTER DELETE ON {t} BEGIN
            DELETE FROM search_fts
                WHERE rowid = (SELECT docid FROM search_docs WHERE ref_id = OLD.id);
            DELETE FROM search_docs WHERE ref_id = OLD.id;
        END""",
        }


DOCS: tuple[SearchDoc, ...] = (
    SearchDoc("interactions", "interaction", "{r}.account_id", has_account_column=True),
    SearchDoc("accounts", "account", "{r}.id", has_account_column=False),
    SearchDoc("contacts", "contact", "{r}.account_id", has_account_column=True, deferrable=True),
)
CONTACTS = DOCS[2]


def index_new_rows(doc: SearchDoc) -> tuple[str, str]:
    """What ``doc``'s insert trigger does per row, for every row after rowid ``:last``.

    In rowid order, so search_docs gives the rows the docids the trigger would have.
    """
    t, alias = doc.table, "x"
    return (
        f"""INSERT INTO search_docs(kind, ref_id, account_id)
        SELECT '{doc.kind}', id, {doc.account.format(r=t)} FROM {t}
        WHERE rowid > :last ORDER BY rowid""",
        f"""INSERT INTO search_fts(rowid, title, body)
        SELECT d.docid, {doc.title(alias)}, {doc.body(alias)}
        FROM {t} {alias} JOIN search_docs d ON d.ref_id = {alias}.id
        WHERE {alias}.rowid > :last ORDER BY {alias}.rowid""",
    )


def all_triggers() -> dict[str, str]:
    out: dict[str, str] = {}
    for doc in DOCS:
        out.update(doc.triggers())
    return out
