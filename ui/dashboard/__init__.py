"""The KPI dashboard (View ▸ Dashboard, objectName ``dashboard``): the figures of
models.metrics for a period, charts (Qt Charts), the earnings view, and a list of the
deals or clients behind every figure.

Modules: ``action`` (the menu action; imports no chart code, so the main window starts
without Qt Charts), ``window`` (the dashboard), ``tiles`` (the clickable figures),
``charts`` (trend, funnel, activity), ``period_bar`` (the period chooser), ``drill``
(the list behind a figure), ``texts`` (how figures read, "-" when there is none).
"""
