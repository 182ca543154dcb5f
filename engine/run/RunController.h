#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "project/Project.h"
#include "run/RunOptions.h"
#include "run/RunProgress.h"
#include "run/ledger/RunRecord.h"

#include <QObject>
#include <QTimer>
#include <memory>

class QThread;

namespace cutover {

class PasswordProvider;
class RunControl;
class RunEngine;

// Runs a project off the calling thread for the window: start() runs a RunEngine on a worker
// thread; progress() arrives at most 10 times a second (a timer on the controller's thread
// samples the engine, so a fast run cannot flood the event loop), notices and the end arrive as
// queued signals. pause(), resume() and cancel() act at the next batch boundary. The destructor
// cancels and waits, so no signal outlives the controller.
class RunController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kProgressIntervalMs = 100;

    explicit RunController(const PasswordProvider *passwords = nullptr, QObject *parent = nullptr);
    ~RunController() override;

    // False (and nothing started) while a run is still going.
    bool start(const Project &project, const RunOptions &options);
    bool isRunning() const { return m_thread != nullptr; }
    bool isPaused() const;
    // Blocks until the run is over and its signals delivered (tests, shutdown).
    bool waitForFinished(int msecs = -1);

public Q_SLOTS:
    void pause();
    void resume();
    void cancel();

Q_SIGNALS:
    void progress(const cutover::RunProgress &progress);
    void notice(const QString &message);
    void finished(const cutover::RunRecord &run);
    void failed(const cutover::Error &error);

private:
    void sample();
    void done();

    const PasswordProvider *m_passwords;
    std::unique_ptr<RunControl> m_control;
    std::unique_ptr<RunEngine> m_engine;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<Result<RunRecord>> m_result;
    QTimer m_timer;
};

} // namespace cutover

Q_DECLARE_METATYPE(cutover::RunProgress)
Q_DECLARE_METATYPE(cutover::RunRecord)
