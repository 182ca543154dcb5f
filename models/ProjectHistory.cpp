#include "ProjectHistory.h"

#include "report/ReportStore.h"
#include "run/ledger/RunHistory.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

ProjectHistory::ProjectHistory(ProjectDocument &document, const PasswordProvider *passwords,
                               QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_passwords(passwords)
{
    connect(&document, &ProjectDocument::projectReplaced, this, &ProjectHistory::refresh);
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Connections)
            refresh();
    });
}

void ProjectHistory::refresh()
{
    const quint64 generation = ++m_generation;
    if (!m_document.hasProject() || m_document.project().targetConnection.isEmpty()) {
        m_snapshot = {};
        Q_EMIT updated();
        return;
    }
    auto *watcher = new QFutureWatcher<Snapshot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // stale
        m_snapshot = watcher->result();
        Q_EMIT updated();
    });
    watcher->setFuture(QtConcurrent::run(&ProjectHistory::read, m_document.project(), m_passwords));
}

ProjectHistory::Snapshot ProjectHistory::read(const Project &project,
                                              const PasswordProvider *passwords)
{
    Snapshot snapshot;
    auto spec = RunHistory::targetSpec(project);
    if (!spec) {
        snapshot.error = spec.error().message();
        return snapshot;
    }
    // a target file not made yet has no history, and reading it must not make it
    if (!spec->isServer() && !QFileInfo::exists(spec->path()))
        return snapshot;
    RunHistory history(project, passwords);
    auto hasLedger = history.hasLedger();
    if (!hasLedger) {
        snapshot.error = hasLedger.error().message();
        return snapshot;
    }
    if (!*hasLedger)
        return snapshot; // nothing has run yet
    if (auto runs = history.runs(); runs)
        snapshot.runs = std::move(*runs);
    else
        snapshot.error = runs.error().message();
    ReportStore store(history.session());
    if (auto reports = store.list(project.name); reports)
        snapshot.reports = std::move(*reports);
    else if (snapshot.error.isEmpty())
        snapshot.error = reports.error().message();
    return snapshot;
}

} // namespace cutover
