#pragma once

#include <QString>
#include <QStringList>

namespace cutover::test {

// Creates real SQLite files for tests by running SQL statements through QSQLITE.
class SqliteFile
{
public:
    // Runs the statements (in one transaction) against the file, creating it if needed.
    // Returns an empty string on success, else the failing statement and SQLite's message.
    static QString create(const QString &path, const QStringList &statements);
    // The first column of the first row of query, as text (for assertions).
    static QString scalar(const QString &path, const QString &query);
};

} // namespace cutover::test
