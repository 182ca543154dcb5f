#pragma once

#include "core/Result.h"
#include "project/Project.h"

#include <QList>
#include <QString>
#include <atomic>

namespace cutover {

class PasswordProvider;

// The distinct values of one column of a source table and how many rows hold each, so the
// lookup editor can list the values a lookup map does not cover. The rows are the ones the run
// reads: when a table mapping reads the table, its filter applies. SQL sources group inside the
// database (one SELECT ... GROUP BY); a CSV file is read through once. NULL is not a value here.
// Opens its own connection on the calling thread.
class ValueCounter
{
public:
    struct Count
    {
        QString value; // ValueText::ofStored of the value
        qint64 rows = 0;

        bool operator==(const Count &) const = default;
    };

    // Most frequent first, then by value.
    static Result<QList<Count>> count(const Project &project, const QString &table,
                                      const QString &column, const PasswordProvider *passwords,
                                      const std::atomic<bool> *cancelled = nullptr);

private:
    static TableMapping readerOf(const Project &project, const QString &table);
    static Result<QList<Count>> countSql(const Project &project, const TableMapping &mapping,
                                         const QString &column, const PasswordProvider *passwords);
    static Result<QList<Count>> countByReading(const Project &project, const TableMapping &mapping,
                                               const QString &column,
                                               const PasswordProvider *passwords,
                                               const std::atomic<bool> *cancelled);
};

} // namespace cutover
