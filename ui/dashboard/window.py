"""The KPI dashboard window (objectName ``dashboard``): the period chooser, the figures
as clickable tiles, the earnings view, the charts, and the definitions.

It reads everything through models.metrics.kpis.compute (one read transaction) and
listens to the window's change hub: a deal won anywhere in the window, a quota or a
plan changed in Settings, and the figures follow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.metrics import drill
from models.metrics.kpis import Kpis, compute
from models.metrics.period import Period
from models.store import Changes, Store
from ui.dashboard import texts
from ui.dashboard.charts import ActivityChart, FunnelChart, TrendChart
from ui.dashboard.drill import DrillDialog
from ui.dashboard.period_bar import PeriodBar
from ui.dashboard.tiles import Tile
from ui.labels import kind_label, stage_label

#: Changes that move a figure.
WATCHED = ("deal", "account", "interaction", "quota", "commission_plan", "activity_target")

#: The tiles, row by row: (name, drill key).
TILES: tuple[tuple[tuple[str, str], ...], ...] = (
    (("won", "won"), ("lost", "lost"), ("win_rate", "closed"), ("won_amount", "won"),
     ("attainment", "won")),
    (("forecast", "closing"), ("open", "open"), ("weighted", "open"), ("deal_size", "won"),
     ("cycle", "won")),
    (("velocity", "open"), ("lead_to_won", "funnel:won"), ("meeting", "activity:meeting"),
     ("call", "activity:call"), ("email", "activity:email")),
    (("cold_A", "cold:A"), ("cold_B", "cold:B"), ("cold_C", "cold:C")),
)  # fmt: skip


class DashboardWindow(QWidget):
    def __init__(
        self,
        store: Store,
        today: date,
        *,
        open_client: Callable[[str], None],
        open_targets: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("dashboard")
        self.store = store
        self.open_client = open_client
        self.kpis: Kpis | None = None
        self.drills: list[DrillDialog] = []
        self.period_bar = PeriodBar(today, self)
        self.period_bar.changed.connect(lambda _p: self.refresh())
        self.targets_button = QPushButton(self)
        self.targets_button.setObjectName("dashboardTargets")
        self.targets_button.setEnabled(open_targets is not None)
        if open_targets is not None:
            self.targets_button.clicked.connect(open_targets)
        top = QHBoxLayout()
        top.addWidget(self.period_bar, 1)
        top.addWidget(self.targets_button)
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for row, specs in enumerate(TILES):
            for column, (name, key) in enumerate(specs):
                tile = Tile(key, self)
                tile.setObjectName(f"tile_{name}")
                tile.drill.connect(lambda k, n=name: self.show_drill(k, None, n))
                self.tiles[name] = tile
                grid.addWidget(tile, row, column)
        self.earnings = QGroupBox(self)
        self.earnings.setObjectName("dashboardEarnings")
        self.earnings_text = QLabel(self.earnings)
        self.earnings_text.setObjectName("dashboardEarningsText")
        self.earnings_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(self.earnings)
        box.addWidget(self.earnings_text)
        grid.addWidget(self.earnings, 3, 3, 1, 2)
        self.trend = TrendChart(self)
        self.funnel = FunnelChart(self)
        self.activity = ActivityChart(self)
        self.conversion = QLabel(self)
        self.conversion.setObjectName("dashboardConversion")
        self.conversion.setWordWrap(True)
        for chart in (self.trend, self.funnel, self.activity):
            chart.drill.connect(lambda k, p, c=chart: self.show_drill(k, p, c.objectName()))
        charts = QHBoxLayout()
        charts.addWidget(self.trend, 4)
        funnel_column = QVBoxLayout()
        funnel_column.addWidget(self.funnel, 1)
        funnel_column.addWidget(self.conversion)
        charts.addLayout(funnel_column, 3)
        charts.addWidget(self.activity, 4)
        self.definitions = QLabel(self)
        self.definitions.setObjectName("dashboardDefinitions")
        self.definitions.setWordWrap(True)
        self.definitions.setProperty("role", "muted")
        inner = QWidget(self)
        page = QVBoxLayout(inner)
        page.addLayout(top)
        page.addLayout(grid)
        page.addLayout(charts, 1)
        page.addWidget(self.definitions)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(50)  # a burst of changes refreshes once
        self._pending.timeout.connect(self.refresh)
        self.resize(1440, 960)
        self.retranslate()
        self.refresh()

    # -- updates --------------------------------------------------------------------------
    def apply_changes(self, changes: Changes) -> None:
        if any(changes.of(kind) for kind in WATCHED):
            self._pending.start()

    def period(self) -> Period:
        return self.period_bar.period()

    def refresh(self) -> None:
        self.kpis = compute(self.store, self.period())
        self._show(self.kpis)

    def _show(self, k: Kpis) -> None:
        t = self.tiles
        won_amount = texts.money(k.closes.won_minor)
        t["won"].show_figure(texts.count(k.closes.won), won_amount)
        t["lost"].show_figure(texts.count(k.closes.lost))
        t["win_rate"].show_figure(
            texts.percent(k.win_rate),
            self.tr("{0} won of {1} closed").format(k.closes.won, k.closes.closed),
        )
        t["won_amount"].show_figure(won_amount)
        t["attainment"].show_figure(
            texts.ratio_by_currency(k.quota_attainment),
            self.tr("Quota {0}").format(texts.money(k.quota_minor)) if k.quota_minor else
            self.tr("No quota for the period"),
        )  # fmt: skip
        t["forecast"].show_figure(texts.money(k.forecast_minor), self.tr("won + weighted open"))
        t["open"].show_figure(
            texts.money(k.pipeline.open_minor), self.tr("{0} open deals").format(k.pipeline.deals)
        )
        t["weighted"].show_figure(texts.money(k.pipeline.weighted_minor))
        t["deal_size"].show_figure(texts.money(k.average_deal_minor))
        t["cycle"].show_figure(texts.days(k.average_cycle_days))
        t["velocity"].show_figure(texts.money(k.velocity_minor_per_day), self.tr("per day"))
        t["lead_to_won"].show_figure(
            texts.percent(k.funnel.lead_to_won),
            self.tr("{0} of {1} deals created").format(
                k.funnel.reached["won"], k.funnel.reached["lead"]
            ),
        )
        for kind in ("meeting", "call", "email"):
            target = k.activity_targets.get(kind)
            per_week = f"{k.activity.per_week(kind):.1f}"
            t[kind].show_figure(
                per_week,
                self.tr("target {0} a week").format(target) if target else self.tr("no target"),
            )
        for tier in ("A", "B", "C"):
            t[f"cold_{tier}"].show_figure(texts.count(k.cold_by_tier.get(tier, 0)))
        self._show_earnings(k)
        steps = [
            self.tr("{0} → {1}: {2}").format(
                stage_label(s.stage), stage_label(s.next_stage), texts.percent(s.rate)
            )
            + (self.tr(" ({0} skipped)").format(s.skipped_next) if s.skipped_next else "")
            for s in k.funnel.steps
        ]
        self.conversion.setText(" · ".join(steps))
        for chart in (self.trend, self.funnel, self.activity):
            chart.show_kpis(k)

    def _show_earnings(self, k: Kpis) -> None:
        e = k.earnings
        if e is None:
            self.earnings_text.setText(self.tr("No commission plan yet: set one in Sales targets."))
            return
        money = {e.currency: 0}
        rows = (
            (self.tr("Base"), e.base_minor),
            (self.tr("Commission earned"), e.commission_minor),
            (self.tr("Total"), e.total_minor),
            (self.tr("If the open pipeline closes as weighted: +"), e.pipeline_adds_minor),
        )
        self.earnings_text.setText(
            "\n".join(
                f"{label} {texts.money({**money, e.currency: value})}"
                if label.endswith("+")
                else f"{label}: {texts.money({**money, e.currency: value})}"
                for label, value in rows
            )
        )

    # -- click-through ----------------------------------------------------------------------
    def show_drill(self, key: str, period: Period | None, name: str) -> DrillDialog:
        """The deals or clients behind ``key`` (in ``period``, else the dashboard's)."""
        span = period or self.period()
        store = self.store
        deals = not key.startswith(("cold:", "activity:"))

        def read(offset: int, limit: int) -> list[object]:
            if deals:
                return list(drill.deals(store, key, span, offset=offset, limit=limit))
            return list(drill.clients(store, key, span, offset=offset, limit=limit))

        title = self._drill_title(key, span)
        dialog = DrillDialog(title, read, deals, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.client_chosen.connect(self.open_client)
        dialog.destroyed.connect(
            lambda *_: self.drills.remove(dialog) if dialog in self.drills else None
        )
        self.drills.append(dialog)
        dialog.show()
        return dialog

    def _drill_title(self, key: str, span: Period) -> str:
        kind, _, value = key.partition(":")
        names = {
            "won": self.tr("Deals won"),
            "lost": self.tr("Deals lost"),
            "closed": self.tr("Deals won and lost"),
            "open": self.tr("Open deals"),
            "closing": self.tr("Open deals expected to close"),
        }
        if kind == "funnel":
            what = self.tr("Deals created that reached {0}").format(stage_label(value))
        elif kind == "cold":
            what = self.tr("Tier {0} clients going cold").format(value)
        elif kind == "activity":
            what = self.tr("Clients by {0}").format(kind_label(value))
        else:
            what = names.get(key, key)
        return f"{what} — {span.start.isoformat()} … {span.end.isoformat()}"

    # -- language and theme -----------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dashboard — Relasi"))
        self.targets_button.setText(self.tr("Sales &targets…"))
        self.period_bar.retranslate()
        captions = {
            "won": (self.tr("Won"), self.tr("Deals whose latest close in the period is a win")),
            "lost": (self.tr("Lost"), self.tr("Deals whose latest close in the period is a loss")),
            "win_rate": (self.tr("Win rate"), self.tr("won / (won + lost)")),
            "won_amount": (self.tr("Won amount"), self.tr("Per currency, never added up")),
            "attainment": (self.tr("Quota attainment"), self.tr("won amount / quota")),
            "forecast": (
                self.tr("Forecast"),
                self.tr("Won + weighted open deals expected to close in the period"),
            ),
            "open": (self.tr("Open pipeline"), self.tr("All open deals now")),
            "weighted": (
                self.tr("Weighted pipeline"),
                self.tr("Each open deal's amount x its probability"),
            ),
            "deal_size": (self.tr("Average deal size"), self.tr("won amount / deals won")),
            "cycle": (self.tr("Average sales cycle"), self.tr("Days from created to won")),
            "velocity": (self.tr("Pipeline velocity"), self.velocity_definition()),
            "lead_to_won": (
                self.tr("Lead to won"),
                self.tr("Deals created in the period that are won"),
            ),
            "meeting": (self.tr("Meetings a week"), ""),
            "call": (self.tr("Calls a week"), ""),
            "email": (self.tr("E-mails a week"), ""),
            "cold_A": (self.tr("Going cold: tier A"), self.tr("Not contacted within cadence")),
            "cold_B": (self.tr("Going cold: tier B"), self.tr("Not contacted within cadence")),
            "cold_C": (self.tr("Going cold: tier C"), self.tr("Not contacted within cadence")),
        }
        for name, (caption, tip) in captions.items():
            self.tiles[name].set_caption(caption, tip)
        self.earnings.setTitle(self.tr("Earnings in the period"))
        self.definitions.setText(
            self.tr(
                "Pipeline velocity = {0}. Won and lost count each deal once, by its latest "
                "close. The funnel counts a deal that skipped a stage as having passed it. "
                "Amounts in different currencies are never added together."
            ).format(self.velocity_definition())
        )

    def velocity_definition(self) -> str:
        return self.tr("open deals × win rate × average deal size ÷ average sales cycle (days)")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.kpis is not None:
                self._show(self.kpis)
        super().changeEvent(event)
