#pragma once

#include "core/RowBatch.h"
#include "core/Violation.h"
#include "preview/SampleSpec.h"

#include <QList>
#include <QMetaType>
#include <QStringList>
#include <QVariant>

#include <algorithm>

namespace cutover {

// What a preview shows for one table mapping: the sample's source rows, the target rows the
// mapping makes of them (after the expressions, the conversion to the target types and the
// rules), a status for every target cell, every row's violations and each target column's
// lineage. Values are real, also in columns marked sensitive (Column::sensitive): the preview
// is the engineer's own view of their data; reports and exports mask those columns.
struct PreviewResult
{
    enum class CellStatus
    {
        Unchanged,             // equals the value of the one source column it reads
        Changed,               // anything else that converted cleanly
        Null,                  // NULL (allowed: a NULL that breaks a rule is a Violation)
        ConvertedWithLossRisk, // converted, but a person should look (Conversion::lossRisk)
        Violation,             // a function, the conversion or a rule refused it
        NotEvaluated,          // the column's expression does not compile
    };

    struct Cell
    {
        CellStatus status = CellStatus::Unchanged;
        QString note; // the loss risk, or the violations' "source: reason", for a person
    };

    struct Column
    {
        QString name;       // target column
        QString expression; // its transform expression
        QString type;       // normalized target type ("date", "text(80)"); empty if unknown
        bool nullable = true;
        bool sensitive = false; // masked in reports, not in the preview
        QStringList lineage;    // source columns the expression reads
        QString compileError;   // why the expression does not compile; empty when it does
        int compileErrorOffset = -1;
    };

    struct Row
    {
        QVariantList source; // in sourceColumns order
        QVariantList target; // in targetColumns order, converted values
        QList<Cell> cells;   // one per target column
        QList<Violation> violations;
        QString sampleReason; // edge-case sample: why this row was picked
        bool blocked = false; // a blocking violation: the run would quarantine the row
    };

    QString table;
    QString sourceTable; // the mapping's source table, or "(query)"
    SampleSpec spec;
    QStringList sourceColumns;
    QList<Column> targetColumns;
    QList<Row> rows;
    QStringList notes;      // what the preview could not do (target not readable, ...)
    qint64 scannedRows = 0; // source rows read to draw the sample
    qint64 elapsedMs = 0;

    int blockedRows() const
    {
        return int(std::count_if(rows.begin(), rows.end(), [](const Row &r) { return r.blocked; }));
    }
    bool hasCompileErrors() const
    {
        return std::any_of(targetColumns.begin(), targetColumns.end(),
                           [](const Column &c) { return !c.compileError.isEmpty(); });
    }
    static QString statusName(CellStatus status)
    {
        switch (status) {
        case CellStatus::Unchanged:
            return QStringLiteral("unchanged");
        case CellStatus::Changed:
            return QStringLiteral("changed");
        case CellStatus::Null:
            return QStringLiteral("null");
        case CellStatus::ConvertedWithLossRisk:
            return QStringLiteral("loss-risk");
        case CellStatus::Violation:
            return QStringLiteral("violation");
        case CellStatus::NotEvaluated:
            return QStringLiteral("not-evaluated");
        }
        return {};
    }
};

} // namespace cutover

Q_DECLARE_METATYPE(cutover::PreviewResult)
