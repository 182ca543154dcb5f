#pragma once

#include <QList>
#include <QStringList>
#include <QVariant>

namespace cutover {

// A batch of rows read from a source: column names and one QVariantList per row, in column
// order. NULL is a null QVariant; integers are qint64, reals double, text QString, blobs
// QByteArray.
struct RowBatch
{
    QStringList columns;
    QList<QVariantList> rows;

    qsizetype size() const { return rows.size(); }
    bool isEmpty() const { return rows.isEmpty(); }
};

} // namespace cutover
