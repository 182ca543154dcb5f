#pragma once

#include "run/ledger/RunMode.h"
#include "run/ledger/RunStatus.h"
#include "run/ledger/RunTableRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// One run in the ledger (cutover_runs), with its tables when read back as history.
struct RunRecord
{
    QString runId; // a UUID, given by RunLedger::startRun
    QString project;
    QString phase;          // empty for all tables
    QString mappingVersion; // a hash of the project's mappings
    RunMode mode = RunMode::Run;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running
    RunStatus status = RunStatus::Running;
    QString message;
    QJsonObject options;
    QList<RunTableRecord> tables;

    // Whether rows it wrote may be in the target: a dry run wrote none, a rolled-back run's are
    // gone.
    bool leftRows() const { return mode != RunMode::DryRun && status != RunStatus::RolledBack; }
    // A --retry-quarantined run: it read only the rows earlier runs quarantined.
    bool isRetry() const { return options.value(QLatin1String("retryQuarantined")).toBool(); }
    // Seconds from its start to its end, -1 while it has none. A rollback finishes the run again;
    // a rolled-back run's time is its load's (its tables keep the time the load ended).
    double seconds() const;
    // The record of one of its tables, or null: a table the run never reached has none.
    const RunTableRecord *table(const QString &name) const;
    // The tables it created, as the options it kept from the moment it prepared the target list
    // them (a table it created but never reached has no table record).
    QStringList createdTables() const;
    bool created(const QString &table) const;
    // The tables it loaded or created.
    QStringList touchedTables() const;
};

} // namespace cutover
