#include "reconcile/OrphanFinder.h"

#include "core/ValueText.h"
#include "dialect/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cutover {

QString OrphanFinder::orphanCondition(ConnectionSpec::Kind kind, const TableInfo &table,
                                      const ForeignKeyInfo &key)
{
    QStringList notNull;
    QStringList joins;
    for (qsizetype i = 0; i < key.columns.size(); ++i) {
        const QString child =
            QStringLiteral("c.") + SqlDialect::quoteIdentifier(key.columns.at(i), kind);
        notNull.append(child + QStringLiteral(" IS NOT NULL"));
        joins.append(
            QStringLiteral("p.%1 = %2")
                .arg(SqlDialect::quoteIdentifier(key.referencedColumns.value(i), kind), child));
    }
    return QStringLiteral("FROM %1 c WHERE %2 AND NOT EXISTS (SELECT 1 FROM %3 p WHERE %4)")
        .arg(SqlDialect::quoteIdentifier(table.name, kind), notNull.join(QStringLiteral(" AND ")),
             SqlDialect::quoteIdentifier(key.referencedTable, kind),
             joins.join(QStringLiteral(" AND ")));
}

Result<QList<OrphanFinding>> OrphanFinder::find(const QSqlDatabase &db, ConnectionSpec::Kind kind,
                                                const TableInfo &table)
{
    QList<OrphanFinding> result;
    for (const ForeignKeyInfo &key : table.foreignKeys) {
        if (key.columns.isEmpty() || key.columns.size() != key.referencedColumns.size())
            continue;
        const QString from = orphanCondition(kind, table, key);
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT count(*) ") + from) || !query.next())
            return Error(Error::Code::Schema,
                         QStringLiteral("cannot look for orphaned rows of %1 (%2): %3")
                             .arg(table.name, key.columns.join(QStringLiteral(", ")),
                                  query.lastError().text()));
        OrphanFinding finding;
        finding.columns = key.columns.join(QStringLiteral(", "));
        finding.parentTable = key.referencedTable;
        finding.parentColumns = key.referencedColumns.join(QStringLiteral(", "));
        finding.rows = query.value(0).toLongLong();
        if (finding.rows > 0) {
            QSqlQuery samples(db);
            samples.setForwardOnly(true);
            QStringList selected;
            for (const QString &c : key.columns)
                selected.append(QStringLiteral("c.") + SqlDialect::quoteIdentifier(c, kind));
            if (samples.exec(QStringLiteral("SELECT DISTINCT %1 %2 LIMIT %3")
                                 .arg(selected.join(QStringLiteral(", ")), from)
                                 .arg(kSamples)))
                while (samples.next()) {
                    QStringList values;
                    for (int i = 0; i < key.columns.size(); ++i)
                        values.append(ValueText::display(samples.value(i)));
                    finding.samples.append(values.join(QStringLiteral(", ")));
                }
        }
        result.append(finding);
    }
    return result;
}

} // namespace cutover
