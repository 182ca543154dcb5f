#pragma once

#include "MariaDbServer.h"

#include <QString>
#include <QStringList>

namespace cutover::bench {

struct SourceCounts
{
    qint64 customers = 0;
    qint64 orders = 0;
    qint64 lines = 0;
    qint64 total() const { return customers + orders + lines; }
    qint64 of(const QString &table) const
    {
        return table == QLatin1String("customer") ? customers
               : table == QLatin1String("orders") ? orders
                                                  : lines;
    }
};

// The source database bench_liftshift copies: three tables (customer, orders, order_line) with
// keys, foreign keys, secondary and unique indexes; text with non-ASCII letters, quotes, commas
// and newlines, integers, REAL money, dates, timestamps, NULLs. The rows come from a fixed
// pseudo-random sequence, so a size always gives the same database.
class LiftShiftSource
{
public:
    static const QStringList &tables();
    // A tenth of the rows are customers, three tenths orders, six tenths order lines.
    static SourceCounts plannedCounts(qint64 rows);
    // Writes the SQLite database at path (replacing one that is there).
    static bool writeSqlite(const QString &path, const SourceCounts &counts);
    // The SQLite database's rows in MariaDB, then its indexes and foreign keys.
    static bool loadMariaDb(test::MariaDbServer &mariadb, const QString &sqlitePath,
                            const QString &dir);
    static bool checkMariaDb(const test::MariaDbServer &mariadb, const SourceCounts &counts);
};

} // namespace cutover::bench
