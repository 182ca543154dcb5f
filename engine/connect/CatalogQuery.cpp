#include "connect/CatalogQuery.h"

#include <QSqlError>

namespace cutover {

namespace {
Error readError(const QSqlQuery &query, const QString &what, const QString &where)
{
    return Error(Error::Code::Schema,
                 QStringLiteral("cannot read %1: %2").arg(what, query.lastError().text().trimmed()),
                 where);
}
} // namespace

Result<QSqlQuery> CatalogQuery::run(QSqlDatabase &db, const QString &sql,
                                    const QVariantList &values, const QString &what,
                                    const QString &where)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return readError(query, what, where);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return readError(query, what, where);
    return query;
}

} // namespace cutover
