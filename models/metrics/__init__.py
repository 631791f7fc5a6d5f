"""Sales metrics: the KPI dashboard's figures, computed from the deals, their stage
history, the interactions, the quotas and the commission plan (no Qt, plain rows).

Modules by concern: :mod:`~models.metrics.period` (the date range, its bounds in local
time), :mod:`~models.metrics.money` (amounts in the export's units),
:mod:`~models.metrics.closes` (deals won and lost, from the stage history),
:mod:`~models.metrics.pipeline` (open deals, weighted), :mod:`~models.metrics.sql` (shared
SQL pieces), :mod:`~models.metrics.funnel` (stage-to-stage conversion),
:mod:`~models.metrics.activity`
(interactions per week, clients going cold), :mod:`~models.metrics.commission`
(earnings), :mod:`~models.metrics.targets` (quotas, plan and activity targets as read),
:mod:`~models.metrics.kpis` (all of it in one result), :mod:`~models.metrics.report` (as
JSON) and :mod:`~models.metrics.drill` (the deals or clients behind a figure).
"""
