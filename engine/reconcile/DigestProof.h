#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "reconcile/ValueComparer.h"
#include "run/ledger/TableDigests.h"
#include "schema/TableInfo.h"
#include "transform/RowDigest.h"

#include <QSet>
#include <atomic>

namespace cutover {

class ColumnProfiler;
class PasswordProvider;
class ScanProfiler;

// Proves that a SQLite target table holds exactly the rows a run wrote into it, from a source
// that still holds exactly the rows the run read, without running the mapping again: the run
// digested both (RowDigest, TableDigests); the source and the target are scanned once each, at
// the same time on two threads, and hashed the same way. Equal digests under the run's mapping
// version mean the expected rows are the rows the run loaded, and the target holds them, but for
// a chance of about 2^-64. Any difference only costs time: the caller then merges every row.
// The target's scan also profiles the compared columns (ScanProfiler); the source's keeps the
// source rows of smallest sample priority (SamplePriority), which the caller sends through the
// mapping for the seeded sample.
class DigestProof
{
public:
    struct Setup
    {
        const Project *project = nullptr;
        const TableMapping *mapping = nullptr;
        TableInfo target;
        ConnectionSpec targetSpec;
        const PasswordProvider *passwords = nullptr;
        QString runId; // the run that digested the table
        TableDigests digests;
        QList<ValueComparer> comparers;
        QList<int> keyColumns; // indexes into comparers
        int sampleCandidates = 20;
        QSet<QString> excludedKeys; // source keys never sampled: rows the run quarantined
        quint64 seed = 1;
        const std::atomic<bool> *cancelled = nullptr;
    };
    struct Outcome
    {
        bool proven = false;
        QString reason;        // when not proven: why
        qint64 sourceRows = 0; // rows the run's read returns today
        qint64 loadedRows = 0; // rows the run wrote
        qint64 targetRows = 0;
        RowBatch candidates;   // source rows of smallest sample priority, smallest first
        QStringList sourceKey; // the source's key columns
    };

    explicit DigestProof(Setup setup);

    // Fills targetProfile only when the table is proven.
    Result<Outcome> run(ColumnProfiler &targetProfile);

private:
    struct SourceScan;
    struct TargetScan;
    QString unprovable() const;
    Result<void> scanSource(SourceScan &scan);
    Result<void> scanSqliteSource(SourceScan &scan, const ConnectionSpec &spec);
    Result<void> scanOtherSource(SourceScan &scan);
    Result<void> scanTarget(TargetScan &scan);
    bool stopped() const;
    static bool overBudget(const ScanProfiler &profiler);

    Setup m_setup;
    QStringList m_sourceKey;
    std::atomic<bool> m_abandoned = false;
};

} // namespace cutover
