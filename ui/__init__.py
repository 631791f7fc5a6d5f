"""Relasi's Qt user interface: the main window, its panes, item models and dialogs.

Nothing here builds SQL or holds a Session: it calls models.queries.clients and
models.services and shows the plain rows they return.
"""
