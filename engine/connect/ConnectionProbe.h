#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QStringList>

namespace cutover {

class PasswordProvider;
class SqlConnection;

// "Test connection": opens a connection the way a run would, asks the server for its version and
// counts the tables it would see (the schema's for PostgreSQL, the database's for MySQL, the
// files for a CSV folder), and times it all. Blocking: call it on a worker thread. A failure is
// an Error in words a user can act on (ConnectionErrorText).
class ConnectionProbe
{
public:
    struct Report
    {
        QString product; // "PostgreSQL", "MariaDB", "SQLite", "CSV"
        QString version; // the server's or library's version; empty for a CSV folder
        int tableCount = 0;
        QString scope; // where the tables were counted: "schema public", "database shop"
        qint64 milliseconds = 0;

        // One line for the dialog: "Connected to PostgreSQL 15.4: 12 tables in schema public,
        // in 80 ms".
        QString summary() const;
    };

    // passwords may be null; it is asked only when the server wants a password.
    static Result<Report> run(const ConnectionSpec &spec, const PasswordProvider *passwords);

private:
    static Result<Report> probeDatabase(const ConnectionSpec &spec,
                                        const PasswordProvider *passwords);
    static Result<Report> probeCsv(const ConnectionSpec &spec);
    static Result<QString> version(SqlConnection &connection);
    static Result<QStringList> tableNames(SqlConnection &connection, QString *scope);
};

} // namespace cutover
