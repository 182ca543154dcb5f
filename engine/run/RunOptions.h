#pragma once

#include "run/ledger/RunMode.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// How to run a project, on top of its settings (`cutover-cli run` options, the run dialog).
struct RunOptions
{
    RunMode mode = RunMode::Run; // DryRun: everything but the commit; Incremental: from watermarks
    QString phase;               // run only this phase's tables, with its filter
    QStringList tables;          // run only these target tables (within the phase, if any)
    bool fresh = false;          // start over even when the last run was interrupted
    bool retryQuarantined = false; // load only the rows earlier runs quarantined
    // A connection URL whose schema creates target tables missing from the target (for a new,
    // empty target database); empty: missing tables are an error.
    QString schemaFrom;
    bool dropSecondaryIndexes = false; // drop them for the load, rebuild after
    bool deferForeignKeys = false;     // check foreign keys after the load
    bool backupSqliteTarget = true;    // SQLite backup API before the run, for rollback
    bool keyCrosswalk = true;          // keep uuid5's old-key to new-key pairs in the target
    int batchSize = 0;                 // rows per batch; 0: the project's
    int parallelTables = 0;            // tables loading at once; 0: the project's
    int connectionRetries = 4;         // attempts after a lost connection before stopping
    int retryBackoffMs = 1000;         // first wait; doubles with each attempt
    int queueDepth = 2;                // batches waiting between two stages
    // SQLite targets: batches share a transaction up to this many source rows, or until the
    // writer has no batch waiting (BatchWriter::Setup::commitRows); 0: a transaction per batch.
    // Each commit writes every page it changed into the log once, and with keys in random order
    // a larger transaction changes fewer pages per row: at 1,000,000 demo patients 25,000 rows
    // took 552 s (and 331 s of kernel CPU time), 100,000 rows 485 s (251 s), 250,000 rows 494 s.
    qint64 sqliteCommitRows = 100000;
    // This run's rollback triggers instead of the project's (`run --max-error-rate`,
    // `--max-quarantined`; -1: no limit): the largest share of quarantined rows, for every table
    // and for the whole run (the settings' maxErrorRate and maxRunErrorRate, the mappings' own
    // maxErrorRate), and the most quarantined rows in all (settings.maxQuarantined; the
    // mappings' own maxQuarantined do not apply).
    std::optional<double> maxErrorRate;
    std::optional<int> maxQuarantined;

    QJsonObject toJson() const;
};

} // namespace cutover
