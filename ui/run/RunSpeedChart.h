#pragma once

#include "run/RunProgress.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace cutover {

// The run monitor's rows per second over the run's time, a line per table and one for the whole
// run, from RunController's progress: a point every kFirstIntervalMs of run time, the rows read
// over the last kWindowMs (batches commit in steps: a shorter window saws), thinned to every
// other point, and the interval doubled, when a long run passes kMaxPoints. Lines differ by dash
// as well as colour.
class RunSpeedChart : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxPoints = 900;
    static constexpr int kFirstIntervalMs = 250;
    static constexpr int kWindowMs = 2000;

    explicit RunSpeedChart(QWidget *parent = nullptr);

    void clear();
    void addSample(const RunProgress &progress);

    QChartView *view() const { return m_view; }
    // The line of a table, or of the whole run for an empty name; null when none.
    QLineSeries *series(const QString &table) const;
    int intervalMs() const { return m_intervalMs; }

private:
    QLineSeries *seriesFor(const QString &table);
    void append(QLineSeries *series, double seconds, double rowsPerSecond);
    void thin();

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    QValueAxis *m_time = nullptr;
    QValueAxis *m_speed = nullptr;
    QLineSeries *m_total = nullptr;
    QHash<QString, QLineSeries *> m_series;
    struct Sample
    {
        qint64 ms = 0;
        QHash<QString, qint64> read;
    };
    QList<Sample> m_window; // the samples of the last kWindowMs, oldest first
    qint64 m_lastMs = 0;
    int m_intervalMs = kFirstIntervalMs;
    double m_top = 0;
};

} // namespace cutover
