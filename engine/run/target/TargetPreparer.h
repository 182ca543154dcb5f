#pragma once

#include "core/Result.h"
#include "run/DroppedIndexes.h"
#include "run/target/TargetSession.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QStringList>

namespace cutover {

// Gets a target ready for a load and tidies it afterwards, on one TargetSession:
// - beforeLoad: creates missing tables (foreign-key order, DdlGenerator; all or none; their
//   plain indexes optionally left for afterLoad) or verifies existing ones (every wanted column
//   present); optionally drops secondary indexes; with
//   deferred foreign keys, drops PostgreSQL's foreign-key constraints (session_replication_role
//   would need a superuser) and leaves new tables without them.
// - Each writer session runs loadSettings() first: SQLite PRAGMA foreign_keys (OFF when
//   deferring, ON otherwise) and temp_store = MEMORY (statement journals), MySQL
//   FOREIGN_KEY_CHECKS = 0 when deferring.
// - afterLoad: moves PostgreSQL's identity sequences past the loaded keys, recreates secondary
//   indexes (those dropped, or left for after the load, that the target lacks), counts rows whose
//   foreign key points nowhere (reported as problems) and re-adds PostgreSQL's constraints where
//   there are none. It works from the wanted schema alone, so it also finishes a load resumed by
//   another process.
// - truncate: empties tables for truncate-and-load (children first): SQLite DELETE, PostgreSQL
//   TRUNCATE (DELETE when a table outside the set refers to one), MySQL TRUNCATE, or DELETE when
//   a foreign key points at the table.
// Every step is timed for the run record.
class TargetPreparer
{
public:
    struct Options
    {
        bool createMissing = true;
        bool dropSecondaryIndexes = false;
        bool deferForeignKeys = false;
        // beforeLoad leaves the plain indexes (DroppedIndexes::buildsAfterLoad) out of the
        // tables it creates, for afterLoad to build: one sort each instead of an index entry
        // per row loaded, and as none of them refuses a row the same rows load. Unique ones
        // are made at once, to refuse duplicates as they come.
        bool indexesAfterLoad = false;
        // afterLoad builds these (if the target lacks them), with dropSecondaryIndexes all.
        DroppedIndexes laterIndexes;
    };
    struct Step
    {
        QString table;
        QString action; // "create table", "drop index x", "add foreign key x", ...
        qint64 milliseconds = 0;
    };
    struct Report
    {
        QList<Step> steps;
        QStringList created;  // tables created
        QStringList problems; // e.g. rows whose foreign key points nowhere
        qint64 totalMilliseconds() const;
    };

    // tables: the target schema wanted. The session must outlive the preparer.
    TargetPreparer(TargetSession &session, QList<TableInfo> tables, Options options);

    Result<Report> beforeLoad();
    Result<Report> afterLoad();
    // Empties the named tables (all wanted tables when names is empty).
    Result<Report> truncate(const QStringList &names = {});

    // Statements each writer session runs before writing.
    static QStringList loadSettings(ConnectionSpec::Kind kind, bool deferForeignKeys);
    static Result<void> applyLoadSettings(TargetSession &session, bool deferForeignKeys);
    // The table's column names, empty when the table does not exist.
    static Result<QStringList> existingColumns(TargetSession &session, const QString &table);

private:
    // SQLite's sorter threads for rebuilding the dropped indexes: observation's index at
    // 1,000,000 demo patients (11 million rows) in 19.6 s instead of 29.9 s, with 16 MB more.
    static constexpr int kSorterThreads = 2;

    // beforeLoad's work; created collects the tables made, for cleaning up after a failure.
    Result<Report> prepareTables(QStringList &created);
    void dropTables(const QStringList &names);
    Result<void> timed(Report &report, const QString &table, const QString &action,
                       const QString &sql);
    // Indexes of created tables to drop again before the load (Options::indexesAfterLoad).
    using LaterIndexes = QList<std::pair<const TableInfo *, IndexInfo>>;
    Result<void> createTable(Report &report, const TableInfo &table, const QStringList &created,
                             LaterIndexes &later);
    Result<void> verifyTable(const TableInfo &table, const QStringList &columns,
                             QStringList &problems);
    Result<qint64> orphanCount(const TableInfo &table, const ForeignKeyInfo &key);
    Result<bool> constraintExists(const TableInfo &table, const ForeignKeyInfo &key);
    Result<void> restoreForeignKeys(Report &report);
    Result<void> moveIdentitySequences(Report &report);
    bool isReferencedFromOutside(const TableInfo &table, const QStringList &names) const;
    ConnectionSpec::Kind kind() const { return m_session.kind(); }

    TargetSession &m_session;
    QList<TableInfo> m_tables; // in foreign-key order
    Options m_options;
};

} // namespace cutover
