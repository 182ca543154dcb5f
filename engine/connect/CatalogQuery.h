#pragma once

#include "core/Result.h"

#include <QSqlQuery>
#include <QVariantList>

class QSqlDatabase;

namespace cutover {

// Runs a catalog query (information_schema, pg_catalog, SQLite pragmas) with its values bound,
// so that no name is ever spliced into SQL. Forward-only, for reading once.
class CatalogQuery
{
public:
    // what: what is being read, for the message ("columns"); where: the connection or table.
    static Result<QSqlQuery> run(QSqlDatabase &db, const QString &sql, const QVariantList &values,
                                 const QString &what, const QString &where);
};

} // namespace cutover
