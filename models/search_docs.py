"""The search documents (search_fts per searchable kind: notes, clients, contacts, deals
and follow-ups; and the client filter's client_fts), and the triggers that keep them
current.

A row's document is a title and a body (``search_fts``), built from the fields its
declaration marks as searched (:mod:`models.fields`). This module is the one live
definition: the importer's set-wise indexing uses it, and a test checks that the
triggers a database has at head are exactly the ones it describes. Migrations keep
frozen copies of what they create and never import this module.
"""

from __future__ import annotations

# ruff: noqa: E501  (trigger text is compared with the database's, line for line)
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
    SearchDoc("deals", "deal", "{r}.account_id", has_account_column=True),
    SearchDoc("follow_ups", "followup", "{r}.account_id", has_account_column=True),
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


# -- the client filter's document (client_fts): a client's name, its live contacts'
# names and its tags, in a trigram index, so the list filters by any substring.

_CLIENT_DOC = """
    (SELECT a.name
        || ' ' || coalesce((SELECT group_concat(c.name, ' ') FROM contacts c
                            WHERE c.account_id = a.id AND c.deleted_at IS NULL), '')
        || ' ' || coalesce((SELECT group_concat(t.name, ' ') FROM account_tags x
                            JOIN tags t ON t.id = x.tag_id WHERE x.account_id = a.id), '')
     FROM accounts a WHERE a.id = {acc})"""
_OWN_ACCOUNT = "(SELECT account_id FROM client_docs WHERE docid = client_fts.rowid)"


def client_doc(acc: str) -> str:
    """The client filter text of the client whose id is the SQL expression ``acc``."""
    return _CLIENT_DOC.format(acc=acc)


def _refresh(acc: str) -> str:
    return f"""
    UPDATE client_fts SET body = {client_doc(acc)}
    WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = {acc});"""


def client_triggers() -> dict[str, str]:
    """Trigger name -> CREATE TRIGGER of the triggers that keep client_fts current."""
    return {
        "accounts_client_ai": f"""CREATE TRIGGER accounts_client_ai AFTER INSERT ON accounts BEGIN
        INSERT INTO client_docs(account_id) VALUES (NEW.id);
        INSERT INTO client_fts(rowid, body)
            VALUES ((SELECT docid FROM client_docs WHERE account_id = NEW.id),
                    {client_doc("NEW.id")});
    END""",
        "accounts_client_au": f"""CREATE TRIGGER accounts_client_au AFTER UPDATE OF name ON accounts BEGIN
        {_refresh("NEW.id")}
    END""",
        "accounts_client_ad": """CREATE TRIGGER accounts_client_ad AFTER DELETE ON accounts BEGIN
        DELETE FROM client_fts
            WHERE rowid = (SELECT docid FROM client_docs WHERE account_id = OLD.id);
        DELETE FROM client_docs WHERE account_id = OLD.id;
    END""",
        "contacts_client_ai": f"""CREATE TRIGGER contacts_client_ai AFTER INSERT ON contacts
        WHEN NEW.account_id IS NOT NULL AND {NOT_DEFERRED} BEGIN
        {_refresh("NEW.account_id")}
    END""",
        "contacts_client_au": f"""CREATE TRIGGER contacts_client_au AFTER UPDATE OF name, account_id, deleted_at
        ON contacts BEGIN
        {_refresh("NEW.account_id")}
        {_refresh("OLD.account_id")}
    END""",
        "contacts_client_ad": f"""CREATE TRIGGER contacts_client_ad AFTER DELETE ON contacts BEGIN
        {_refresh("OLD.account_id")}
    END""",
        "account_tags_client_ai": f"""CREATE TRIGGER account_tags_client_ai AFTER INSERT ON account_tags BEGIN
        {_refresh("NEW.account_id")}
    END""",
        "account_tags_client_ad": f"""CREATE TRIGGER account_tags_client_ad AFTER DELETE ON account_tags BEGIN
        {_refresh("OLD.account_id")}
    END""",
        "tags_client_au": f"""CREATE TRIGGER tags_client_au AFTER UPDATE OF name ON tags BEGIN
        UPDATE client_fts
        SET body = {client_doc(_OWN_ACCOUNT)}
        WHERE rowid IN (SELECT d.docid FROM client_docs d
                        JOIN account_tags x ON x.account_id = d.account_id
                        WHERE x.tag_id = NEW.id);
    END""",
    }


#: The clients of every contact inserted after rowid ``:last``: their filter text again.
REFRESH_CLIENTS_OF_NEW_CONTACTS = f"""UPDATE client_fts SET body = {client_doc(_OWN_ACCOUNT)}
        WHERE rowid IN (SELECT d.docid FROM client_docs d WHERE d.account_id IN
                        (SELECT account_id FROM contacts
                         WHERE rowid > :last AND account_id IS NOT NULL))"""


def all_triggers() -> dict[str, str]:
    """Every trigger that keeps a search document current (search_fts and client_fts)."""
    out: dict[str, str] = {}
    for doc in DOCS:
        out.update(doc.triggers())
    out.update(client_triggers())
    return out
