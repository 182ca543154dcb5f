#include "run/target/TargetSession.h"

#include "dialect/SqlDialect.h"

namespace cutover {

QString TargetSession::quote(const QString &identifier) const
{
    return SqlDialect::quoteIdentifier(identifier, kind());
}

Result<qint64> TargetSession::mergeUtf8Rows(const QString &table, const QStringList &columns,
                                            const QStringList &keyColumns,
                                            const QList<QByteArray> &cells)
{
    const qsizetype width = columns.size();
    if (width == 0 || cells.size() % width != 0)
        return Error(Error::Code::Internal,
                     QStringLiteral("%1 cells do not make rows of %2 columns for table %3")
                         .arg(cells.size())
                         .arg(width)
                         .arg(table));
    QList<QVariantList> rows;
    rows.reserve(cells.size() / width);
    for (qsizetype first = 0; first < cells.size(); first += width) {
        QVariantList row;
        row.reserve(width);
        for (qsizetype c = first; c < first + width; ++c)
            row.append(QString::fromUtf8(cells.at(c)));
        rows.append(std::move(row));
    }
    return mergeRows(table, columns, keyColumns, rows);
}

} // namespace cutover
