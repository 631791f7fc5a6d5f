"""Getting data in and out of Relasi: CSV from other CRMs, vCard, iCalendar, e-mail files.

No Qt here. The import wizard (and ``main.py import``) calls, in order:

- :func:`models.transfer.importer.plan_import` — read the file, map its columns, match
  every row against what is already in the database; nothing is written;
- the caller may change each row's decision (merge, skip, create);
- :func:`models.transfer.importer.apply_import` — write the plan in one transaction,
  recorded as an import batch;
- :func:`models.transfer.undo.undo_import` — revert a batch as a whole.

Exports live in :mod:`models.transfer.exporter`.
"""
