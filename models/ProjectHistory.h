#pragma once

#include "ProjectDocument.h"
#include "report/StoredReport.h"
#include "run/ledger/RunRecord.h"

#include <QObject>

namespace cutover {

class PasswordProvider;

// The project's runs and reconciliation reports as its target database keeps them (the run
// ledger and cutover_reports), read off the GUI thread when a project opens, its connections
// change, or refresh() asks. A newer read makes an older one stale; its result is dropped.
class ProjectHistory : public QObject
{
    Q_OBJECT

public:
    struct Snapshot
    {
        QList<RunRecord> runs;       // newest first
        QList<StoredReport> reports; // newest first
        QString error;               // why the target could not be read, empty when it could
    };

    ProjectHistory(ProjectDocument &document, const PasswordProvider *passwords,
                   QObject *parent = nullptr);

    const Snapshot &snapshot() const { return m_snapshot; }
    void refresh();

    // Reads them now, on the calling thread (the worker's job).
    static Snapshot read(const Project &project, const PasswordProvider *passwords);

Q_SIGNALS:
    void updated();

private:
    ProjectDocument &m_document;
    const PasswordProvider *m_passwords;
    Snapshot m_snapshot;
    quint64 m_generation = 0;
};

} // namespace cutover
