#pragma once

#include "transform/ExpressionChecker.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <memory>

namespace cutover {

// Checks the expression being typed off the GUI thread: a request waits kDelayMs for the typing
// to pause, then compiles it with ExpressionChecker (as a run would) on a one-thread pool, so
// the checker's compile context is never used twice at once. A newer request replaces an older
// one; results of an older one are dropped by a generation counter.
class ExpressionCheckRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 150;

    explicit ExpressionCheckRunner(QObject *parent = nullptr);
    ~ExpressionCheckRunner() override;

    void request(const QStringList &sourceColumns, const QString &expression);
    // A request waiting or running.
    bool isBusy() const { return m_delay.isActive() || m_running > 0; }

Q_SIGNALS:
    void checked(const QString &expression, const cutover::ExpressionChecker::Outcome &outcome);

private:
    void start();

    QTimer m_delay;
    QThreadPool m_pool;
    QStringList m_columns;
    QString m_expression;
    std::shared_ptr<ExpressionChecker> m_checker; // for m_checkerColumns
    QStringList m_checkerColumns;
    quint64 m_generation = 0;
    int m_running = 0;
};

} // namespace cutover
