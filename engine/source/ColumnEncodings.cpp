#include "source/ColumnEncodings.h"

#include "transform/ExpressionChecker.h"

namespace cutover {

bool ColumnEncodings::any(const TableMapping &mapping)
{
    for (const ColumnMapping &column : mapping.columns)
        if (!column.encoding.isEmpty())
            return true;
    return false;
}

Result<QHash<QString, QString>> ColumnEncodings::resolve(const TableMapping &mapping,
                                                         const QStringList &sourceColumns)
{
    QHash<QString, QString> encodings;
    QHash<QString, QString> readBy; // source column -> the target column that named its encoding
    const ExpressionChecker checker(sourceColumns);
    for (const ColumnMapping &column : mapping.columns) {
        if (column.encoding.isEmpty())
            continue;
        for (const QString &source : checker.check(column.expression).columnsRead) {
            const auto known = encodings.constFind(source);
            if (known == encodings.constEnd()) {
                encodings.insert(source, column.encoding);
                readBy.insert(source, column.target);
            } else if (known->compare(column.encoding, Qt::CaseInsensitive) != 0) {
                return Error(
                    Error::Code::Usage,
                    QStringLiteral("source column '%1' is read as %2 by column '%3' and "
                                   "as %4 by column '%5'")
                        .arg(source, *known, readBy.value(source), column.encoding, column.target),
                    QStringLiteral("mapping %1").arg(mapping.target),
                    QStringLiteral("a source column has one encoding: give both column "
                                   "mappings the same one"));
            }
        }
    }
    return encodings;
}

} // namespace cutover
