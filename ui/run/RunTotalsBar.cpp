#include "run/RunTotalsBar.h"

#include "RunProgressModel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

#include <algorithm>

namespace cutover {

namespace {

QLabel *fact(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setMargin(3);
    return label;
}

} // namespace

RunTotalsBar::RunTotalsBar(QWidget *parent)
    : QWidget(parent)
{
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_elapsed = fact(this);
    m_timeLeft = fact(this);
    m_speed = fact(this);
    m_written = fact(this);
    m_quarantined = fact(this);
    m_errorRate = fact(this);
    auto *facts = new QHBoxLayout;
    facts->setSpacing(12);
    for (QLabel *label : {m_elapsed, m_timeLeft, m_speed, m_written, m_quarantined, m_errorRate})
        facts->addWidget(label);
    facts->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_bar);
    layout->addLayout(facts);
    clear();
}

void RunTotalsBar::clear()
{
    m_bar->setValue(0);
    m_bar->setFormat(tr("No run yet"));
    for (QLabel *label : {m_elapsed, m_timeLeft, m_speed, m_written, m_quarantined, m_errorRate}) {
        label->clear();
        label->setStyleSheet({});
    }
    m_quarantinedLevel = m_errorRateLevel = RunAlarms::Level::NoLimit;
}

qint64 RunTotalsBar::secondsLeft(const RunProgress &progress)
{
    const qint64 expected = progress.expected();
    const qint64 read = progress.read();
    if (expected < 0 || read <= 0 || progress.elapsedMs <= 0)
        return -1;
    const double perSecond = double(read) * 1000.0 / double(progress.elapsedMs);
    return qint64(double(std::max<qint64>(0, expected - read)) / perSecond + 0.5);
}

void RunTotalsBar::setProgress(const RunProgress &progress, const RunAlarms &alarms)
{
    const QLocale locale;
    const qint64 expected = progress.expected();
    const qint64 read = progress.read();
    if (expected > 0) {
        const int permille = int(std::clamp<qint64>(read * 1000 / expected, 0, 1000));
        m_bar->setValue(permille);
        m_bar->setFormat(tr("%1 of %2 rows read (%3%)")
                             .arg(locale.toString(read), locale.toString(expected))
                             .arg(locale.toString(permille / 10.0, 'f', 1)));
    } else {
        m_bar->setValue(expected == 0 ? 1000 : 0); // empty while tables are counted
        m_bar->setFormat(tr("%1 rows read").arg(locale.toString(read)));
    }
    const QString paused = progress.paused ? tr(" (paused)") : QString();
    m_elapsed->setText(
        tr("Run time %1%2").arg(RunProgressModel::durationText(progress.elapsedMs / 1000), paused));
    const bool loading = progress.stage == QLatin1String("loading");
    const qint64 left = secondsLeft(progress);
    m_timeLeft->setVisible(loading);
    m_timeLeft->setText(left < 0 ? tr("Time left: counting")
                                 : tr("Time left %1").arg(RunProgressModel::durationText(left)));
    const double perSecond =
        progress.elapsedMs > 0 ? double(read) * 1000.0 / double(progress.elapsedMs) : 0;
    m_speed->setText(tr("%1 rows/s").arg(locale.toString(qRound64(perSecond))));
    m_written->setText(tr("%1 written").arg(locale.toString(progress.written())));
    const RunAlarms::Gauge quarantined = alarms.quarantined(progress);
    const RunAlarms::Gauge rate = alarms.errorRate(progress);
    showGauge(m_quarantined, quarantined);
    showGauge(m_errorRate, rate);
    m_quarantinedLevel = quarantined.level;
    m_errorRateLevel = rate.level;
}

void RunTotalsBar::showGauge(QLabel *label, const RunAlarms::Gauge &gauge)
{
    QString sign;
    QString style;
    switch (gauge.level) {
    case RunAlarms::Level::Warning:
        sign = QStringLiteral("▲ ");
        style = QStringLiteral("background:#FFE3A3; color:#4A3300; border-radius:3px;");
        break;
    case RunAlarms::Level::Critical:
        sign = QStringLiteral("■ ");
        style = QStringLiteral("background:#F7B4AE; color:#4D0A05; border-radius:3px;");
        break;
    default:
        break;
    }
    label->setText(sign + gauge.text);
    label->setStyleSheet(style);
    label->setToolTip(RunAlarms::levelName(gauge.level));
}

} // namespace cutover
