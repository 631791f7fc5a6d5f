"""Relasi's data layer: entities, the encrypted store, queries and services.

Nothing in this package imports Qt; it is usable from a script, a test or a
future sync service without a display.
"""
