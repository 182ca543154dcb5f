#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "preview/PreviewResult.h"
#include "preview/SampleSpec.h"
#include "project/Project.h"

#include <QObject>
#include <QThreadPool>
#include <memory>

namespace cutover {

class PasswordProvider;
class PreviewEngine;

// Runs previews off the calling thread, one at a time per service: request() copies its inputs,
// cancels the request still running (PreviewEngine::cancel: an atomic flag plus interrupting
// its transform program), and starts a PreviewEngine on the service's own thread pool. Results
// come back as queued signals on the service's thread, tagged with the generation request()
// returned; results of a request that a newer one replaced are dropped, so they never arrive.
// cancel() stops the current request: its previewFailed arrives with Error::Code::Cancelled.
// The destructor cancels and waits for the worker, so no signal outlives the service.
class PreviewService : public QObject
{
    Q_OBJECT

public:
    explicit PreviewService(const PasswordProvider *passwords = nullptr, QObject *parent = nullptr);
    ~PreviewService() override;

    // Starts a preview of table's mapping; returns its generation.
    int request(const Project &project, const QString &table, const SampleSpec &spec);
    void cancel();
    int generation() const { return m_generation; }
    bool isBusy() const { return m_pool.activeThreadCount() > 0; }
    // Waits until no preview is running (for tests and shutdown).
    bool waitForIdle(int msecs = -1) { return m_pool.waitForDone(msecs); }

Q_SIGNALS:
    void previewReady(int generation, const cutover::PreviewResult &result);
    void previewFailed(int generation, const cutover::Error &error);

private:
    void deliver(int generation, const Result<PreviewResult> &result);

    const PasswordProvider *m_passwords;
    QThreadPool m_pool;
    std::shared_ptr<PreviewEngine> m_engine; // of the current request
    int m_generation = 0;
    int m_cancelledGeneration = 0;
};

} // namespace cutover
