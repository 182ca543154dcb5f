#pragma once

#include "core/Result.h"
#include "project/Project.h"
#include "run/ledger/RunHistory.h"
#include "run/ledger/RunRecord.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QStringList>
#include <functional>

namespace cutover {

class PasswordProvider;
class RollbackPreconditions;

// Undoes one run of a project (`cutover-cli rollback`, the runbook's rollback step), blocking:
// - SQLite target: restores the backup the run took before it wrote anything
//   (SqliteBackup::backupPath), then records the run again in the restored ledger (which holds
//   the run as it was when the backup was taken: running, without its tables): its tables, and
//   status rolled-back with a message naming the backup.
// - PostgreSQL/MySQL target: drops the tables the run created, then deletes the rows it wrote
//   to the tables that were there before (RunLedger::writtenKeys) by primary key,
//   kKeysPerDelete keys a statement, children before parents, and marks the run rolled-back.
//   On PostgreSQL all of it is one transaction; MySQL cannot roll back a DROP, so there only the
//   deletes are.
// Before it changes anything, RollbackPreconditions decides whether it may.
class RunRollback
{
public:
    using Notice = std::function<void(const QString &)>;
    static constexpr int kKeysPerDelete = 500;

    struct TableOutcome
    {
        QString table;
        qint64 keys = 0;      // target keys the run recorded as written (server targets)
        qint64 deleted = 0;   // rows deleted (server targets)
        bool dropped = false; // the run created the table, and it is gone again
        QString skipped;      // why the table was left alone; empty when it was not
    };
    struct Report
    {
        QString runId;
        QString target;     // the target's display name
        QString backupFile; // SQLite: the backup that was restored
        QList<TableOutcome> tables;
        QStringList laterRuns; // later runs that changed the target (forced past)
        QStringList forced;    // refusals overridden by force
        QString message;       // as recorded in the ledger

        qint64 rowsDeleted() const;
        QStringList droppedTables() const;
        // What was undone, a line each, as `cutover-cli rollback` and the window say it.
        QStringList lines() const;
    };

    explicit RunRollback(Project project, const PasswordProvider *passwords = nullptr);

    // Messages for the log: what is being restored, deleted, dropped.
    void setNotice(Notice notice) { m_notice = std::move(notice); }

    // Opens the target (Connection errors); rollback() opens it when needed.
    Result<void> open() { return m_history.open(); }
    // The project's run with this id or unambiguous id prefix.
    Result<RunRecord> find(const QString &idOrPrefix) { return m_history.find(idOrPrefix); }
    // Rolls back the run with this id or unambiguous id prefix.
    Result<Report> rollback(const QString &idOrPrefix, bool force = false);

private:
    RollbackPreconditions preconditions() const;

    Result<Report> restore(const RunRecord &run, Report report);
    Result<Report> undoOnServer(const RunRecord &run, bool force, Report report);
    Result<QList<TableInfo>> presentTables(const RunRecord &run, Report &report);
    Result<void> undoTables(const RunRecord &run, const QList<TableInfo> &tables, Report &report);
    static QString summary(const Report &report);
    Result<void> deleteRows(const RunRecord &run, const QList<TableInfo> &tables, Report &report);
    Result<qint64> deleteKeys(const TableInfo &table, const QStringList &keys);
    Result<QVariantList> keyParams(const TableInfo &table, const QStringList &keys) const;
    static QString keyCondition(const TargetSession &session, const TableInfo &table,
                                qsizetype keyCount);
    Result<void> dropCreated(const RunRecord &run, const QList<TableInfo> &tables, Report &report);
    Result<void> record(const RunRecord &run, const Report &report);

    static QString before(const RunRecord &run);
    static TableOutcome &outcome(Report &report, const QString &table);
    void notice(const QString &message) const;

    const PasswordProvider *m_passwords;
    RunHistory m_history;
    Notice m_notice;
};

} // namespace cutover
