#pragma once

#include "dialect/ConnectionSpec.h"

#include <QString>
#include <QStringList>

namespace cutover {

// Identifier and literal quoting per database. Qt's QSqlDriver::escapeIdentifier splits names at
// dots and leaves names that start with a quote (or, in MySQL, contain a backtick) unescaped, so
// every identifier in Cutover goes through here instead.
class SqlDialect
{
public:
    static QString quoteIdentifier(const QString &name, ConnectionSpec::Kind kind);
    static QString quoteIdentifiers(const QStringList &names, ConnectionSpec::Kind kind);
    static QString quoteString(const QString &value);
    // The database behind a Qt SQL driver name (QSQLITE, QPSQL, QMYSQL, QMARIADB).
    static ConnectionSpec::Kind kindOfDriver(const QString &driverName);
};

} // namespace cutover
