#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace cutover {

// How one column is compared, where the defaults from its type are not what the project wants
// (project file: "reconcile": {"columns": {"table.column": {...}}}).
struct ColumnCompareOverride
{
    std::optional<double> tolerance;          // numbers: largest absolute difference still equal
    std::optional<int> precision;             // timestamps and times: fractional digits compared
    std::optional<bool> ignoreCase;           // text
    std::optional<bool> ignoreTrailingSpaces; // text

    bool operator==(const ColumnCompareOverride &) const = default;
};

// What a reconciliation may find before a table stops passing. Counts above a fail threshold
// fail the table; the review thresholds make it "needs review".
struct ReconcileThresholds
{
    qint64 maxMissing = 0;
    qint64 maxExtra = 0;
    qint64 maxModified = 0;
    qint64 maxDuplicates = 0; // target rows sharing a target key or a unique value
    qint64 maxOrphans = 0;    // target rows whose foreign key finds no parent
    qint64 maxInvalid = 0;    // target rows breaking a blocking rule (review)
    // Review when more than this share of the selected source rows is quarantined; negative:
    // the project's settings.maxErrorRate.
    double maxQuarantinedRate = -1;

    bool operator==(const ReconcileThresholds &) const = default;
};

// The project's "reconcile" section.
struct ReconcileSettings
{
    int sampleRows = 20; // rows compared field by field and listed in the report
    quint64 seed = 1;    // picks the sample: the same seed gives the same rows
    ReconcileThresholds thresholds;
    QMap<QString, ColumnCompareOverride> columns; // "table.column" -> override
    // Key columns per target table, for tables whose target has no primary key (loaded by
    // another tool, or its constraints dropped): table -> columns. A primary key wins.
    QMap<QString, QStringList> keys;

    bool operator==(const ReconcileSettings &) const = default;
};

} // namespace cutover
