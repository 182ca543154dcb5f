#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QBitArray>
#include <QVariantList>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace cutover {

// The two sides of one table's reconciliation on disk: the expected rows (the source through the
// mapping) and the target's rows, each keyed by its SortKey, each side in a private temporary
// SQLite file of its own (deleted when the spool goes). Reading a side back in key order lets
// SQLite's external sorter do the ordering with a bounded page cache, so a table of any size is
// merged in bounded memory. The two sides may be written and queried on two threads at once,
// each side on one thread at a time.
class ReconcileSpool
{
public:
    enum class Side
    {
        Expected,
        Actual
    };
    struct Row
    {
        QByteArray key;    // SortKey
        QString keyText;   // the key for people
        QString sourceKey; // expected rows: the source key
        bool runQuarantined =
            false;                // expected rows: the run quarantined it (the target refused it)
        QBitArray databaseFilled; // expected rows: columns the database fills (not compared)
        QVariantList values;      // canonical, one per compared column
    };
    class Cursor
    {
    public:
        Cursor(Cursor &&other) noexcept;
        ~Cursor();
        // False at the end or on an error (error() then says which).
        bool next(Row &row);
        const std::optional<Error> &error() const { return m_error; }

    private:
        friend class ReconcileSpool;
        Cursor(sqlite3_stmt *statement, Side side, int columns);
        sqlite3_stmt *m_statement = nullptr;
        Side m_side;
        int m_columns = 0;
        std::optional<Error> m_error;
    };

    static constexpr int kCacheKib = 16 * 1024;

    static Result<std::unique_ptr<ReconcileSpool>> create(int columnCount);
    ~ReconcileSpool();
    ReconcileSpool(const ReconcileSpool &) = delete;
    ReconcileSpool &operator=(const ReconcileSpool &) = delete;

    Result<void> add(Side side, const Row &row);
    // Commits what was added to a side, or to both; call before reading.
    Result<void> finishWriting(Side side);
    Result<void> finishWriting();
    Result<Cursor> rows(Side side);
    Result<qint64> count(Side side);
    // Exact distinct non-NULL values per column, in one scan.
    Result<QList<qint64>> distinctCounts(Side side);
    // Rows beyond the first that share non-NULL values in all the given columns, with up to
    // sampleLimit of those values as "a, b" texts.
    Result<std::pair<qint64, QStringList>> duplicates(Side side, const QList<int> &columns,
                                                      int sampleLimit);

private:
    struct Store
    {
        sqlite3 *db = nullptr;
        sqlite3_stmt *insert = nullptr;
        bool inTransaction = false;
        // Rows added in key order so far (a source read by its key): read back without a sort.
        bool inKeyOrder = true;
        QByteArray lastKey;
    };

    explicit ReconcileSpool(int columnCount);
    Result<void> open(Side side);
    Result<void> exec(Side side, const QString &sql);
    Result<sqlite3_stmt *> prepare(Side side, const QString &sql);
    Error sqliteError(Side side, const QString &what) const;
    Store &store(Side side) { return m_stores[side == Side::Expected ? 0 : 1]; }
    const Store &store(Side side) const { return m_stores[side == Side::Expected ? 0 : 1]; }
    static QString tableOf(Side side);
    QString columnList() const;

    int m_columns = 0;
    Store m_stores[2];
};

} // namespace cutover
