#include "transform/rules/SqlUniqueLookup.h"

#include "core/ValueText.h"
#include "dialect/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace cutover {

SqlUniqueLookup::SqlUniqueLookup(QString connectionName, QString table, QString keyColumn,
                                 QStringList indexed)
    : m_connectionName(std::move(connectionName))
    , m_table(std::move(table))
    , m_keyColumn(std::move(keyColumn))
    , m_indexed(std::move(indexed))
{}

Result<TargetUniqueValues::Owners> SqlUniqueLookup::owners(const QStringList &columns,
                                                           const QVariantList &firstValues)
{
    Owners found;
    if (!m_indexed.contains(columns.first()))
        return found;
    for (qsizetype first = 0; first < firstValues.size(); first += Chunk)
        if (auto fetched = fetch(columns, firstValues.mid(first, Chunk), found); !fetched)
            return fetched.error();
    return found;
}

Result<void> SqlUniqueLookup::fetch(const QStringList &columns, const QVariantList &values,
                                    Owners &out) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.isOpen())
        return Error(Error::Code::Connection, QStringLiteral("the target connection is not open"),
                     m_connectionName);
    const ConnectionSpec::Kind kind = SqlDialect::kindOfDriver(db.driverName());
    const QString marks =
        QStringList(values.size(), QStringLiteral("?")).join(QStringLiteral(", "));
    const QString sql = QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 IN (%5)")
                            .arg(SqlDialect::quoteIdentifiers(columns, kind),
                                 SqlDialect::quoteIdentifier(m_keyColumn, kind),
                                 SqlDialect::quoteIdentifier(m_table, kind),
                                 SqlDialect::quoteIdentifier(columns.first(), kind), marks);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot look up unique values in %1: %2")
                         .arg(m_table, query.lastError().text()),
                     m_connectionName);
    int at = 0;
    for (const QVariant &value : values)
        query.bindValue(at++, value);
    if (!query.exec())
        return Error(Error::Code::Connection,
                     QStringLiteral("looking up %1 unique values in %2 failed: %3")
                         .arg(values.size())
                         .arg(m_table, query.lastError().text()),
                     m_connectionName);
    while (query.next()) {
        QStringList parts;
        for (int c = 0; c < columns.size(); ++c) {
            if (query.value(c).isNull())
                break; // NULLs never collide
            parts.append(ValueText::ofStored(query.value(c)));
        }
        if (parts.size() == columns.size())
            out[parts.join(QChar(0x1f))].insert(ValueText::ofStored(query.value(columns.size())));
    }
    return {};
}

} // namespace cutover
