#pragma once

namespace cutover {

struct ProjectSettings
{
    // Rows a run stage hands on at once, and on PostgreSQL and MySQL rows a transaction. The
    // rows in flight (about eight batches a loading table) are most of a run's memory; SQLite
    // targets group batches into larger transactions (RunOptions::sqliteCommitRows).
    int batchSize = 1000;
    int parallelTables = 2;
    double maxErrorRate = 0.05;  // stop when this share of a table's rows is quarantined
    int maxQuarantined = -1;     // stop after this many quarantined rows in all; -1 for no limit
    double maxRunErrorRate = -1; // stop when this share of all rows read is; -1 for no limit
    int sampleRows = 500;        // default preview sample

    bool operator==(const ProjectSettings &) const = default;
};

} // namespace cutover
