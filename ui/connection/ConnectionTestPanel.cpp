#include "connection/ConnectionTestPanel.h"

#include "connect/ChainedPasswordProvider.h"
#include "connect/SessionPasswordProvider.h"

#include <QFutureWatcher>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

ConnectionTestPanel::ConnectionTestPanel(QWidget *parent)
    : QWidget(parent)
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_cancel(new QPushButton(tr("Cancel test"), this))
    , m_busy(new QProgressBar(this))
    , m_result(new QLabel(this))
{
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Connect now, without saving, and count the tables"));
    m_cancel->setObjectName(QStringLiteral("cancelTestButton"));
    m_busy->setObjectName(QStringLiteral("testBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_test->sizeHint().height() / 2);
    m_result->setObjectName(QStringLiteral("testResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_test, 0, 0);
    layout->addWidget(m_busy, 0, 1);
    layout->addWidget(m_cancel, 0, 2);
    layout->addWidget(m_result, 1, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    connect(m_test, &QPushButton::clicked, this, &ConnectionTestPanel::testRequested);
    connect(m_cancel, &QPushButton::clicked, this, &ConnectionTestPanel::cancel);
    setRunning(false);
}

void ConnectionTestPanel::start(const ConnectionSpec &spec, const QString &typedPassword,
                                const PasswordProvider *known)
{
    const quint64 generation = ++m_generation;
    setRunning(true);
    showResult(tr("Connecting to %1…").arg(spec.displayName()), true);
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finish(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&ConnectionTestPanel::probe, spec, typedPassword, known));
}

ConnectionTestPanel::Outcome ConnectionTestPanel::probe(const ConnectionSpec &spec,
                                                        const QString &typedPassword,
                                                        const PasswordProvider *known)
{
    SessionPasswordProvider typed;
    ChainedPasswordProvider passwords;
    if (!typedPassword.isEmpty()) {
        typed.set(spec, typedPassword);
        passwords.append(&typed);
    }
    if (known)
        passwords.append(known);
    Outcome outcome;
    auto report = ConnectionProbe::run(spec, &passwords);
    outcome.ok = report.ok();
    if (report)
        outcome.report = *report;
    else
        outcome.error = report.error();
    return outcome;
}

void ConnectionTestPanel::finish(quint64 generation, const Outcome &outcome)
{
    if (generation != m_generation)
        return; // cancelled, or superseded by a newer test or an edit
    setRunning(false);
    if (outcome.ok) {
        showResult(outcome.report.summary(), true);
    } else {
        const Error &error = outcome.error;
        showResult(error.hint().isEmpty() ? error.message()
                                          : error.message() + QLatin1Char('\n') + error.hint(),
                   false);
    }
    Q_EMIT testFinished(outcome.ok);
}

void ConnectionTestPanel::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    setRunning(false);
    showResult(tr("Test cancelled."), true);
}

void ConnectionTestPanel::clear()
{
    ++m_generation;
    setRunning(false);
    m_result->clear();
}

void ConnectionTestPanel::showMessage(const QString &message, bool problem)
{
    clear();
    showResult(message, !problem);
}

void ConnectionTestPanel::setRunning(bool running)
{
    m_running = running;
    m_busy->setVisible(running);
    m_cancel->setVisible(running);
    m_test->setEnabled(!running);
}

void ConnectionTestPanel::showResult(const QString &text, bool ok)
{
    m_result->setText(text);
    QPalette palette = m_result->palette();
    palette.setColor(QPalette::WindowText,
                     ok ? QPalette().color(QPalette::WindowText) : QColor(0xb0, 0x1c, 0x1c));
    m_result->setPalette(palette);
}

QString ConnectionTestPanel::resultText() const
{
    return m_result->text();
}

} // namespace cutover
