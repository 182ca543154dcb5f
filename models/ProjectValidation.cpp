#include "ProjectValidation.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

ProjectValidation::ProjectValidation(ProjectDocument &document, const PasswordProvider *passwords,
                                     QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_passwords(passwords)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, &ProjectValidation::start);
    connect(&document, &ProjectDocument::projectReplaced, this, [this] {
        m_haveSchemas = false;
        if (m_document.hasProject())
            refresh();
        else
            cancel();
    });
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        schedule(part == ProjectDocument::Part::Connections);
    });
    if (document.hasProject())
        refresh();
}

void ProjectValidation::refresh()
{
    schedule(true);
    m_debounce.stop();
    start();
}

void ProjectValidation::cancel()
{
    m_debounce.stop();
    ++m_generation;
    m_readSchemas = false;
    Q_EMIT cancelled();
}

void ProjectValidation::schedule(bool readSchemas)
{
    if (!m_debounce.isActive())
        m_clock.start();
    m_readSchemas = m_readSchemas || readSchemas || !m_haveSchemas;
    m_debounce.start();
}

void ProjectValidation::start()
{
    const quint64 generation = ++m_generation;
    const bool readSchemas = m_readSchemas;
    m_readSchemas = false;
    ++m_running;
    Q_EMIT started(readSchemas);
    auto *watcher = new QFutureWatcher<ProjectCheck::Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_running;
        finish(generation, watcher->result());
    });
    const Project project = m_document.project();
    if (readSchemas)
        watcher->setFuture(QtConcurrent::run(&ProjectCheck::check, project, m_passwords));
    else
        watcher->setFuture(QtConcurrent::run(&ProjectCheck::revalidate, m_outcome, project));
}

void ProjectValidation::finish(quint64 generation, const ProjectCheck::Outcome &outcome)
{
    if (generation != m_generation)
        return; // a newer check was asked for; this one is stale
    m_outcome = outcome;
    m_outcome.filePath = m_document.filePath();
    m_haveSchemas = true;
    Q_EMIT finished(m_outcome, m_clock.elapsed());
}

} // namespace cutover
