#pragma once

#include "transform/QuarantinedRow.h"
#include "transform/RowDigest.h"
#include "transform/rules/RuleChecker.h"

#include <QBitArray>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace cutover {

// One batch on its way from the transformer to the writer: the rows that will load, already
// converted to the target types and checked, and the rows that will not (quarantined).
struct LoadBatch
{
    qint64 number = 0;                 // 1-based within the table, continuing after a resume
    qint64 rowsRead = 0;               // source rows in the batch (loading + quarantined)
    qint64 firstRow = 0;               // position of its first source row in the table's read
    QString lastSourceKey;             // the batch's last source row's key (SourceKey JSON)
    QString watermark;                 // the highest watermark value in the batch; empty when none
    QStringList columns;               // target columns, in row order
    QList<QVariantList> rows;          // loading rows
    QList<QBitArray> databaseDefaults; // per loading row: cells the database fills (DEFAULT)
    QStringList targetKeys;            // per loading row: its target key as text
    QStringList sourceKeys;            // per loading row
    QStringList sourceColumns;
    QList<QVariantList> sourceRows; // per loading row: the raw source values, in case the
                                    // target refuses the row and it is quarantined after all
    QList<qsizetype> checkRows;     // per loading row: its index in check
    RuleChecker::Check check;       // unique claims, given back for rows the target refuses
    QList<QuarantinedRow> quarantined;
    qint64 warnings = 0; // non-blocking violations of loading rows
    // Per loading row, when the run digests its rows (RowHasher): the row as the target stores it.
    QList<RowDigest::Hash> rowHashes;

    // A source row as the quarantine keeps it: column -> value.
    static QJsonObject rawValues(const QStringList &columns, const QVariantList &row);
};

} // namespace cutover
