"""The dashboard's charts (Qt Charts): won per month against the quota, the stage
funnel, and activity per week against the targets. Colours come from ui.colours and
the palette, so they read on light and dark windows alike. Clicking a bar asks for the
deals or clients behind it (``drill(key, period or None)``).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QEvent, QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from models.metrics.funnel import FUNNEL
from models.metrics.kpis import Kpis
from models.metrics.money import as_float
from models.metrics.period import Period
from models.metrics.targets import ACTIVITY_KINDS
from ui import colours
from ui.dashboard import texts
from ui.labels import kind_label, stage_label


def chart_currency(k: Kpis) -> str:
    """The one currency the trend shows: the quota's, else the plan's, else the most won."""
    for point in reversed(k.trend):
        if point.quota_minor:
            return sorted(point.quota_minor)[0]
    if k.plan is not None:
        return k.plan.currency
    counts = k.closes.won_count or k.pipeline.open_count
    return max(sorted(counts), key=lambda c: counts[c]) if counts else "IDR"


class ChartView(QChartView):
    """A chart in the palette's colours; subclasses fill it in ``show_kpis``."""

    drill = Signal(str, object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.chart_ = QChart()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self.chart_)
        self.periods: list[Period] = []
        self.shown: Kpis | None = None

    def show_kpis(self, k: Kpis) -> None:
        self.shown = k
        self.fill(k)

    def fill(self, k: Kpis) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        """Light or dark: the chart is drawn again in the new palette's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.shown is not None:
            self.fill(self.shown)

    def reset(self, title: str) -> None:
        """A fresh chart (the view deletes the old one with its series and axes)."""
        self.chart_ = QChart()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_.setTitle(title)
        self.setChart(self.chart_)
        self.setAccessibleName(title)

    def paint_in_palette(self) -> None:
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        base = pal.color(QPalette.ColorRole.Base)
        grid = colours.muted(pal)
        grid.setAlpha(90)
        self.chart_.setBackgroundBrush(QBrush(base))
        self.chart_.setTitleBrush(QBrush(text))
        self.chart_.legend().setLabelColor(text)
        self.setBackgroundBrush(QBrush(pal.color(QPalette.ColorRole.Window)))
        for axis in self.chart_.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(QBrush(text))
            axis.setGridLineColor(grid)
            axis.setLinePenColor(grid)

    def _value_axis(self, top: float, title: str = "") -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, top * 1.15 if top > 0 else 1)
        axis.setLabelFormat("%.0f")
        axis.applyNiceNumbers()
        if title:
            axis.setTitleText(title)
        return axis


class TrendChart(ChartView):
    """Won per month (bars) and the quota (line), in one currency."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashboardTrend", parent)

    def fill(self, k: Kpis) -> None:
        cur = chart_currency(k)
        self.reset(
            QCoreApplication.translate("dashboard", "Won per month vs quota ({0})").format(cur)
        )
        highest = max(
            [
                as_float(v, cur)
                for p in k.trend
                for v in (*p.won_minor.values(), *p.quota_minor.values())
            ]
            or [0.0]
        )
        scale, unit = (
            (1e6, QCoreApplication.translate("dashboard", "millions"))
            if highest >= 1e6
            else (1.0, "")
        )
        self.periods = [p.month for p in k.trend]
        won = QBarSet(QCoreApplication.translate("dashboard", "Won"))
        won.setColor(colours.success(self.palette()))
        quota = QLineSeries()
        quota.setName(QCoreApplication.translate("dashboard", "Quota"))
        pen = QPen(colours.info(self.palette()), 2)
        quota.setPen(pen)
        top = 0.0
        for i, point in enumerate(k.trend):
            value = as_float(point.won_minor.get(cur, 0), cur) / scale
            won.append(value)
            target = as_float(point.quota_minor.get(cur, 0), cur) / scale
            quota.append(i, target)
            top = max(top, value, target)
        bars = QBarSeries()
        bars.append(won)
        bars.clicked.connect(lambda index, _set: self.drill.emit("won", self.periods[index]))
        self.chart_.addSeries(bars)
        has_quota = any(p.quota_minor.get(cur) for p in k.trend)
        if has_quota:
            self.chart_.addSeries(quota)
        months = QBarCategoryAxis()
        months.append([texts.month(p.start) for p in self.periods])
        values = self._value_axis(top, f"{cur} {unit}".strip())
        self.chart_.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in self.chart_.series():
            series.attachAxis(months)
            series.attachAxis(values)
        self.paint_in_palette()


class FunnelChart(ChartView):
    """Deals created in the period that reached each stage (skips counted as passed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashboardFunnel", parent)

    def fill(self, k: Kpis) -> None:
        self.reset(
            QCoreApplication.translate("dashboard", "Stage funnel (deals created in the period)")
        )
        reached = QBarSet(QCoreApplication.translate("dashboard", "Deals"))
        reached.setColor(colours.info(self.palette()))
        stages = list(reversed(FUNNEL))  # lead on top
        for stage in stages:
            reached.append(k.funnel.reached[stage])
        series = QHorizontalBarSeries()
        series.append(reached)
        series.setLabelsVisible(True)
        series.clicked.connect(lambda index, _set: self.drill.emit(f"funnel:{stages[index]}", None))
        self.chart_.addSeries(series)
        self.chart_.legend().hide()
        axis = QBarCategoryAxis()
        axis.append([stage_label(s) for s in stages])
        values = self._value_axis(max(k.funnel.reached.values(), default=0))
        self.chart_.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        self.chart_.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        series.attachAxis(values)
        self.paint_in_palette()
        for label_set in series.barSets():
            label_set.setLabelColor(self.palette().color(QPalette.ColorRole.WindowText))


class ActivityChart(ChartView):
    """Meetings, calls and e-mails per week (bars), each kind's weekly target (lines)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("dashboardActivity", parent)

    def fill(self, k: Kpis) -> None:
        self.reset(QCoreApplication.translate("dashboard", "Activity per week vs target"))
        bars = QBarSeries()
        weeks = len(next(iter(k.activity.weekly.values())))
        top = 0.0
        lines: list[QLineSeries] = []
        for kind in ACTIVITY_KINDS:
            bar_set = QBarSet(kind_label(kind))
            bar_set.setColor(colours.kind(kind, self.palette()))
            for value in k.activity.weekly[kind]:
                bar_set.append(value)
                top = max(top, value)
            bars.append(bar_set)
            target = k.activity_targets.get(kind)
            if target:
                line = QLineSeries()
                line.setName(
                    QCoreApplication.translate("dashboard", "{0} target").format(kind_label(kind))
                )
                colour = QColor(colours.kind(kind, self.palette()))
                line.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
                line.append(-0.5, target)
                line.append(weeks - 0.5, target)
                lines.append(line)
                top = max(top, float(target))
        kinds = list(ACTIVITY_KINDS)
        bars.clicked.connect(
            lambda _index, bar_set: self.drill.emit(
                f"activity:{kinds[bars.barSets().index(bar_set)]}", None
            )
        )
        self.chart_.addSeries(bars)
        for line in lines:
            self.chart_.addSeries(line)
        axis = QBarCategoryAxis()
        axis.append([str(i + 1) for i in range(weeks)])
        axis.setTitleText(QCoreApplication.translate("dashboard", "Week of the period"))
        values = self._value_axis(top)
        self.chart_.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        for series in self.chart_.series():
            series.attachAxis(axis)
            series.attachAxis(values)
        self.paint_in_palette()
