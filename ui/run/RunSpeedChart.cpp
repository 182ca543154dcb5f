#include "run/RunSpeedChart.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace cutover {

namespace {

// Okabe and Ito's palette, told apart by most colour-blind readers (its yellow left out: too
// pale on white).
const QColor kColours[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                           QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
                           QColor(0x56, 0xB4, 0xE9), QColor(0xCC, 0x79, 0xA7)};
const Qt::PenStyle kDashes[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine, Qt::DashDotDotLine,
                                Qt::SolidLine};

} // namespace

RunSpeedChart::RunSpeedChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // shows the dash
    m_time = new QValueAxis(m_chart);
    m_time->setTitleText(tr("run time (s)"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_speed = new QValueAxis(m_chart);
    m_speed->setLabelFormat(QStringLiteral("%d"));
    m_speed->setTitleText(tr("rows/s"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_speed, Qt::AlignLeft);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    clear();
}

void RunSpeedChart::clear()
{
    m_chart->removeAllSeries();
    m_series.clear();
    m_window = {Sample{}}; // the run's start: nothing read
    m_total = nullptr;
    m_lastMs = 0;
    m_intervalMs = kFirstIntervalMs;
    m_top = 0;
    m_time->setRange(0, 10);
    m_speed->setRange(0, 100);
    m_total = seriesFor(QString());
}

QLineSeries *RunSpeedChart::series(const QString &table) const
{
    return table.isEmpty() ? m_total : m_series.value(table);
}

QLineSeries *RunSpeedChart::seriesFor(const QString &table)
{
    if (QLineSeries *existing = series(table))
        return existing;
    auto *line = new QLineSeries(m_chart);
    if (table.isEmpty()) {
        line->setName(tr("all tables"));
        line->setPen(QPen(QColor(0x20, 0x20, 0x20), 2.5));
    } else {
        const qsizetype n = m_series.size();
        line->setName(table);
        line->setPen(QPen(kColours[n % std::size(kColours)], 1.8,
                          kDashes[(n / std::size(kColours) + n) % std::size(kDashes)]));
        m_series.insert(table, line);
    }
    m_chart->addSeries(line);
    line->attachAxis(m_time);
    line->attachAxis(m_speed);
    return line;
}

void RunSpeedChart::addSample(const RunProgress &progress)
{
    Sample now{progress.elapsedMs, {}};
    for (const TableProgress &table : progress.tables)
        now.read.insert(table.table, table.read);
    m_window.append(now);
    while (m_window.size() > 2 && m_window.at(1).ms <= now.ms - kWindowMs)
        m_window.removeFirst();
    const bool last = progress.stage == QLatin1String("done");
    if (now.ms - m_lastMs < m_intervalMs && !(last && now.ms > m_lastMs))
        return;
    const Sample &first = m_window.first();
    const qint64 span = now.ms - first.ms;
    if (span <= 0)
        return;
    const double seconds = double(now.ms) / 1000.0;
    double total = 0;
    for (const TableProgress &table : progress.tables) {
        const qint64 read = table.read - first.read.value(table.table, 0);
        if (read <= 0 && !m_series.contains(table.table))
            continue;
        const double speed = double(read) * 1000.0 / double(span);
        total += speed;
        append(seriesFor(table.table), seconds, speed);
    }
    append(m_total, seconds, total);
    m_lastMs = now.ms;
    m_time->setRange(0, qMax(10.0, seconds));
    if (m_total->count() > kMaxPoints)
        thin();
}

void RunSpeedChart::append(QLineSeries *series, double seconds, double rowsPerSecond)
{
    if (series->count() == 0 && seconds > 0)
        series->append(0, 0);
    series->append(seconds, rowsPerSecond);
    if (rowsPerSecond > m_top) {
        m_top = rowsPerSecond;
        m_speed->setRange(0, m_top * 1.1);
        m_speed->applyNiceNumbers();
    }
}

void RunSpeedChart::thin()
{
    m_intervalMs *= 2;
    for (QAbstractSeries *series : m_chart->series()) {
        auto *lineSeries = static_cast<QLineSeries *>(series);
        QList<QPointF> points = lineSeries->points();
        QList<QPointF> kept;
        for (qsizetype i = 0; i < points.size(); i += 2)
            kept.append(points.at(i));
        if (!points.isEmpty() && kept.last() != points.last())
            kept.append(points.last());
        lineSeries->replace(kept);
    }
}

} // namespace cutover
