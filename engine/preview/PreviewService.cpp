#include "preview/PreviewService.h"

#include "preview/PreviewEngine.h"

#include <QMetaObject>

namespace cutover {

PreviewService::PreviewService(const PasswordProvider *passwords, QObject *parent)
    : QObject(parent)
    , m_passwords(passwords)
{
    qRegisterMetaType<cutover::PreviewResult>("cutover::PreviewResult");
    qRegisterMetaType<cutover::Error>("cutover::Error");
    // Two threads: a cancelled preview may still be unwinding while the next one starts.
    m_pool.setMaxThreadCount(2);
}

PreviewService::~PreviewService()
{
    if (m_engine)
        m_engine->cancel();
    m_pool.waitForDone();
}

int PreviewService::request(const Project &project, const QString &table, const SampleSpec &spec)
{
    if (m_engine)
        m_engine->cancel();
    const int generation = ++m_generation;
    auto engine = std::make_shared<PreviewEngine>(m_passwords);
    m_engine = engine;
    m_pool.start([this, engine, project, table, spec, generation] {
        Result<PreviewResult> result = engine->run(project, table, spec);
        QMetaObject::invokeMethod(
            this, [this, generation, result] { deliver(generation, result); },
            Qt::QueuedConnection);
    });
    return generation;
}

void PreviewService::cancel()
{
    m_cancelledGeneration = m_generation;
    if (m_engine)
        m_engine->cancel();
}

void PreviewService::deliver(int generation, const Result<PreviewResult> &result)
{
    if (generation != m_generation)
        return; // a newer request replaced this one
    m_engine.reset();
    if (generation == m_cancelledGeneration) {
        Q_EMIT previewFailed(
            generation, Error(Error::Code::Cancelled, QStringLiteral("the preview was cancelled")));
        return;
    }
    if (result)
        Q_EMIT previewReady(generation, result.value());
    else
        Q_EMIT previewFailed(generation, result.error());
}

} // namespace cutover
