#pragma once

#include "connect/ConnectionProbe.h"
#include "core/Error.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cutover {

class PasswordProvider;

// "Test connection": runs ConnectionProbe on a worker thread with a busy indicator and a Cancel
// button, then shows the server's version, the table count and the time it took, or the error
// in words. A cancelled test, or one a newer test or an edit made stale, is dropped when it
// ends (generation counter); the worker itself ends on its own, bounded by the drivers'
// connect timeouts.
class ConnectionTestPanel : public QWidget
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        ConnectionProbe::Report report;
        Error error;
    };

    explicit ConnectionTestPanel(QWidget *parent = nullptr);

    // Tests spec. A typed password is tried first, then known (may be null: it must outlive the
    // application's thread pool, as the window's password chain does).
    void start(const ConnectionSpec &spec, const QString &typedPassword,
               const PasswordProvider *known);
    void cancel();
    // Forgets the last result (the fields changed) and drops a test still running.
    void clear();
    // Shows a message without testing (fields to fix first, or what accepting will do).
    void showMessage(const QString &message, bool problem);

    bool isRunning() const { return m_running; }
    QString resultText() const;
    QPushButton *testButton() const { return m_test; }
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    // The user pressed "Test connection"; the dialog answers with start().
    void testRequested();
    // The latest test ended and its result is shown.
    void testFinished(bool ok);

private:
    static Outcome probe(const ConnectionSpec &spec, const QString &typedPassword,
                         const PasswordProvider *known);
    void finish(quint64 generation, const Outcome &outcome);
    void setRunning(bool running);
    void showResult(const QString &text, bool ok);

    QPushButton *m_test = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_result = nullptr;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace cutover
