#pragma once

#include "core/Error.h"
#include "core/Result.h"

#include <QList>
#include <QStringList>

namespace cutover {

class TargetSession;

// The run ledger's tables in the target database (RunLedger writes and reads their rows):
//   cutover_runs          one row per run: project, phase, mapping version, mode, status, options
//   cutover_run_tables    per table of a run: the row ledger (source = loaded + quarantined +
//                         skipped), timings, status
//   cutover_checkpoints   one row per committed batch: where a resumed run reads on
//   cutover_quarantine    rejected rows: source key, position in the read (row_no: rows whose
//                         key is NULL or not unique are each kept), raw values and violations
//   cutover_written_keys  target keys a run wrote, for rollback on PostgreSQL and MySQL
//   cutover_table_digests what a run digested of a table it loaded whole (TableDigests)
//   cutover_run_lock      who holds the target's run lock (RunLock), for a run it refuses
// JSON is kept as text (LONGTEXT on MySQL), timestamps as ISO 8601 text in UTC. On MySQL the
// key columns are VARBINARY so that case and trailing spaces are never folded.
// schema/CutoverTables names these tables too (tst_runledger checks that it does).
class LedgerSchema
{
public:
    enum class Table
    {
        Runs,
        RunTables,
        Checkpoints,
        Quarantine,
        WrittenKeys,
        Digests,
        Lock
    };

    static QStringList tableNames();
    static QString name(Table table);
    // In the order of the table's definition, which is the order RunLedger writes them in.
    static QStringList columns(Table table);
    static QStringList primaryKey(Table table);

    explicit LedgerSchema(TargetSession &session);

    // Creates the tables that are missing and brings an older ledger's up to date; harmless when
    // they are. Call it outside a transaction (MySQL commits on DDL).
    Result<void> ensureTables();
    // Whether the target holds a ledger at all; never creates one.
    Result<bool> exists();
    // The columns quoted for the target, comma-separated.
    QString columnList(const QStringList &columns) const;
    // The index on cutover_quarantine's run, table, row_no and source key that QuarantineReader
    // pages by (ensureTables adds it to a ledger that lacks it).
    static QString quarantineIndexName();

private:
    enum class ColumnType
    {
        Id,
        Name,
        Key,
        Json,
        Time,
        Count,
        Text
    };
    struct ColumnDef
    {
        const char *name;
        ColumnType type;
        bool notNull;
    };
    struct TableDef
    {
        const char *name;
        QList<ColumnDef> columns;
        QStringList primaryKey;
    };
    static const QList<TableDef> &definitions();
    static const TableDef &definition(Table table);

    QString createSql(const TableDef &table) const;
    QString typeName(ColumnType type) const;
    QString q(const QString &identifier) const;
    Result<void> upgradeQuarantine();
    void ensureQuarantineIndex();
    Result<QStringList> quarantineUpgradeOnPostgres(const QString &key);
    QStringList quarantineUpgradeOnSqlite() const;
    Result<void> inTransaction(const QStringList &statements);
    Error failure(const QString &what, const Error &cause) const;

    TargetSession &m_session;
};

} // namespace cutover
