#include "editor/ExpressionCheckRunner.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace cutover {

ExpressionCheckRunner::ExpressionCheckRunner(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &ExpressionCheckRunner::start);
}

ExpressionCheckRunner::~ExpressionCheckRunner()
{
    m_pool.waitForDone();
}

void ExpressionCheckRunner::request(const QStringList &sourceColumns, const QString &expression)
{
    m_columns = sourceColumns;
    m_expression = expression;
    ++m_generation; // whatever is running now is stale
    m_delay.start();
}

void ExpressionCheckRunner::start()
{
    if (!m_checker || m_checkerColumns != m_columns) {
        m_checker = std::make_shared<ExpressionChecker>(m_columns);
        m_checkerColumns = m_columns;
    }
    const quint64 generation = m_generation;
    const QString expression = m_expression;
    auto *watcher = new QFutureWatcher<ExpressionChecker::Outcome>(this);
    connect(watcher, &QFutureWatcher<ExpressionChecker::Outcome>::finished, this,
            [this, watcher, generation, expression] {
                watcher->deleteLater();
                --m_running;
                if (generation == m_generation)
                    Q_EMIT checked(expression, watcher->result());
            });
    ++m_running;
    const std::shared_ptr<ExpressionChecker> checker = m_checker;
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [checker, expression] { return checker->check(expression); }));
}

} // namespace cutover
