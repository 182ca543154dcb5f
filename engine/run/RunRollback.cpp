#include "run/RunRollback.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "run/target/SqliteBackup.h"
#include "schema/ForeignKeyOrder.h"
#include "transform/SourceKey.h"

#include <QFileInfo>
#include <QJsonArray>
#include <algorithm>

namespace cutover {

namespace {

// A key part as the target compares it: blobs were recorded as x'0a1b' (ValueText).
QVariant keyPart(const ColumnInfo *column, const QVariant &value)
{
    if (!column || column->type.kind() != NormalizedType::Kind::Blob)
        return value;
    const QString text = value.toString();
    if (text.size() < 3 || !text.startsWith(QLatin1String("x'")) ||
        !text.endsWith(QLatin1Char('\'')))
        return value;
    return QByteArray::fromHex(text.mid(2, text.size() - 3).toLatin1());
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

} // namespace

qint64 RunRollback::Report::rowsDeleted() const
{
    qint64 total = 0;
    for (const TableOutcome &t : tables)
        total += t.deleted;
    return total;
}

QStringList RunRollback::Report::droppedTables() const
{
    QStringList names;
    for (const TableOutcome &t : tables)
        if (t.dropped)
            names.append(t.table);
    return names;
}

RunRollback::RunRollback(Project project, const PasswordProvider *passwords)
    : m_passwords(passwords)
    , m_history(std::move(project), passwords)
{}

void RunRollback::notice(const QString &message) const
{
    if (m_notice)
        m_notice(message);
}

Result<RunRollback::Report> RunRollback::rollback(const QString &idOrPrefix, bool force)
{
    auto runs = m_history.runs();
    if (!runs)
        return runs.error();
    auto run = RunHistory::match(*runs, idOrPrefix, m_history.where());
    if (!run)
        return run.error();
    Report report;
    report.runId = run->runId;
    report.target = m_history.spec().displayName();
    const QList<RunRecord> later = laterRuns(*runs, *run);
    if (auto ok = check(*run, later, force, report); !ok)
        return ok.error();
    for (const RunRecord &r : later)
        report.laterRuns.append(r.runId);
    if (m_history.spec().kind() == ConnectionSpec::Kind::Sqlite)
        return restore(*run, std::move(report));
    return undoOnServer(*run, force, std::move(report));
}

Error RunRollback::refusal(const RunRecord &run, const QString &why, const QString &hint) const
{
    return Error(Error::Code::Usage,
                 QStringLiteral("cannot roll back run %1: %2").arg(run.runId, why),
                 m_history.where(), hint);
}

QList<RunRecord> RunRollback::laterRuns(const QList<RunRecord> &runs, const RunRecord &run)
{
    QList<RunRecord> later;
    for (const RunRecord &r : runs) {
        if (r.runId == run.runId)
            break;
        if (r.leftRows())
            later.append(r);
    }
    return later;
}

QString RunRollback::backupFile(const RunRecord &run) const
{
    return SqliteBackup::backupPath(m_history.spec().path(), run.runId);
}

Result<void> RunRollback::check(const RunRecord &run, const QList<RunRecord> &later, bool force,
                                Report &report) const
{
    if (run.mode == RunMode::DryRun)
        return refusal(run, QStringLiteral("it was a dry run, which commits nothing, so there is "
                                           "nothing to roll back"));
    if (run.status == RunStatus::RolledBack)
        return refusal(run, QStringLiteral("it was already rolled back (%1)")
                                .arg(run.finishedAt.toString(Qt::ISODate)));
    const bool sqlite = m_history.spec().kind() == ConnectionSpec::Kind::Sqlite;
    if (sqlite && !QFileInfo::exists(backupFile(run)))
        return refusal(run,
                       QStringLiteral("its backup %1 is missing, so the target cannot be "
                                      "restored to where it was before the run; nothing was "
                                      "changed")
                           .arg(backupFile(run)),
                       QStringLiteral("the run was started with --no-backup, or the backup was "
                                      "moved or deleted: restore the target from a backup of "
                                      "your own"));
    QStringList reasons;
    if (run.status == RunStatus::Running)
        reasons.append(QStringLiteral("it is still marked running, so another cutover process "
                                      "may be loading it right now"));
    if (!later.isEmpty()) {
        QStringList ids;
        for (const RunRecord &r : later)
            ids.append(QStringLiteral("%1 (%2, %3)")
                           .arg(r.runId, runModeName(r.mode), runStatusName(r.status)));
        reasons.append(
            QStringLiteral("later runs changed the target: %1; %2")
                .arg(ids.join(QStringLiteral(", ")),
                     sqlite ? QStringLiteral("restoring the backup would undo them too")
                            : QStringLiteral("deleting this run's rows could break theirs")));
    }
    if (reasons.isEmpty())
        return {};
    if (!force)
        return refusal(run, reasons.join(QStringLiteral("; ")),
                       QStringLiteral("roll back the later runs first, newest first, or wait "
                                      "for a running one; pass --force to roll back anyway"));
    report.forced += reasons;
    return {};
}

Result<RunRollback::Report> RunRollback::restore(const RunRecord &run, Report report)
{
    const QString database = m_history.spec().path();
    report.backupFile = backupFile(run);
    m_history.close();
    notice(QStringLiteral("restoring %1 from %2").arg(database, report.backupFile));
    if (auto restored = SqliteBackup::restore(report.backupFile, database); !restored)
        return restored.error();
    for (const QString &table : runTables(run))
        outcome(report, table).dropped = createdByRun(run, table);
    QString message = QStringLiteral("rolled back: restored the target from the backup taken "
                                     "when the run started (%1)")
                          .arg(report.backupFile);
    if (!report.laterRuns.isEmpty())
        message += QStringLiteral("; this also undid the later runs %1 (--force)")
                       .arg(report.laterRuns.join(QStringLiteral(", ")));
    report.message = message + QLatin1Char('\n') + before(run);
    if (auto opened = m_history.open(); !opened)
        return opened.error();
    auto stored = m_history.ledger().run(run.runId);
    if (!stored)
        return stored.error();
    if (!stored->has_value()) {
        notice(QStringLiteral("the backup holds no record of run %1, so the restored ledger "
                              "does not mention it")
                   .arg(run.runId));
        return report;
    }
    if (auto recorded = record(run, report); !recorded)
        return recorded.error();
    notice(QStringLiteral("run %1 rolled back").arg(run.runId));
    return report;
}

Result<RunRollback::Report> RunRollback::undoOnServer(const RunRecord &run, bool force,
                                                      Report report)
{
    auto tables = presentTables(run, report);
    if (!tables)
        return tables.error();
    const QStringList risks = hazards(run, *tables);
    if (!risks.isEmpty() && !force)
        return refusal(run, risks.join(QStringLiteral("; ")),
                       QStringLiteral("restore those tables from a backup of your own, or pass "
                                      "--force to delete every row the run wrote anyway"));
    report.forced += risks;
    if (auto undone = undoTables(run, *tables, report); !undone)
        return undone.error();
    report.message =
        QStringLiteral("rolled back: ") + summary(report) + QLatin1Char('\n') + before(run);
    if (auto recorded = record(run, report); !recorded)
        return recorded.error();
    notice(QStringLiteral("run %1 rolled back").arg(run.runId));
    return report;
}

// Drops the tables the run created, then deletes the rows it wrote to the others, both children
// first: a created table may refer to rows of a table that existed before, never the other way
// round. PostgreSQL does it all in one transaction; MySQL commits each DROP on its own, so there
// only the deletes are one transaction and a failure after a drop is recorded as an incomplete
// rollback (running it again finishes it).
Result<void> RunRollback::undoTables(const RunRecord &run, const QList<TableInfo> &tables,
                                     Report &report)
{
    TargetSession &session = m_history.session();
    const bool atomic = session.kind() != ConnectionSpec::Kind::MySql;
    Result<void> undone = atomic ? session.begin() : Result<void>();
    if (undone)
        undone = dropCreated(run, tables, report);
    if (undone && !atomic)
        undone = session.begin();
    if (undone)
        undone = deleteRows(run, tables, report);
    if (undone)
        undone = session.commit();
    if (undone)
        return {};
    if (session.inTransaction())
        (void)session.rollback();
    const Error &e = undone.error();
    const QStringList dropped = report.droppedTables();
    if (atomic || dropped.isEmpty())
        return Error(e.code(),
                     QStringLiteral("cannot roll back run %1, so nothing was changed: %2")
                         .arg(run.runId, e.message()),
                     m_history.where(), e.hint());
    const QString message = QStringLiteral("rollback incomplete: dropped %1, then failed: %2")
                                .arg(dropped.join(QStringLiteral(", ")), e.message());
    (void)m_history.ledger().finishRun(run.runId, RunStatus::Failed,
                                       message + QLatin1Char('\n') + before(run));
    return Error(e.code(), QStringLiteral("cannot roll back run %1: %2").arg(run.runId, message),
                 m_history.where(),
                 QStringLiteral("fix the cause and roll back again to finish the rollback"));
}

QString RunRollback::summary(const Report &report)
{
    QStringList counts;
    for (const TableOutcome &t : report.tables)
        if (t.deleted > 0)
            counts.append(QStringLiteral("%1 %2").arg(t.table).arg(t.deleted));
    QString text = QStringLiteral("deleted %1 rows").arg(report.rowsDeleted());
    if (!counts.isEmpty())
        text += QStringLiteral(" (%1)").arg(counts.join(QStringLiteral(", ")));
    if (!report.droppedTables().isEmpty())
        text += QStringLiteral("; dropped the tables the run created: %1")
                    .arg(report.droppedTables().join(QStringLiteral(", ")));
    if (!report.forced.isEmpty())
        text += QStringLiteral("\nforced past: %1").arg(report.forced.join(QStringLiteral("; ")));
    return text;
}

// The run's tables still in the target, children before parents.
Result<QList<TableInfo>> RunRollback::presentTables(const RunRecord &run, Report &report)
{
    auto schema = IntrospectorFactory::create(m_history.spec(), m_passwords)->introspect();
    if (!schema)
        return schema.error();
    QList<TableInfo> present;
    QStringList missing;
    for (const QString &table : runTables(run)) {
        if (const TableInfo *info = schema->table(table))
            present.append(*info);
        else
            missing.append(table);
    }
    present = ForeignKeyOrder::parentsFirst(present);
    std::reverse(present.begin(), present.end());
    for (const TableInfo &t : std::as_const(present))
        outcome(report, t.name);
    for (const QString &name : std::as_const(missing)) {
        outcome(report, name).skipped = QStringLiteral("no longer in the target");
        notice(QStringLiteral("%1: no longer in the target, nothing to undo").arg(name));
    }
    return present;
}

QStringList RunRollback::hazards(const RunRecord &run, const QList<TableInfo> &tables) const
{
    QStringList risks;
    for (const TableInfo &t : tables) {
        const RunTableRecord *record = tableRecord(run, t.name);
        if (!record || createdByRun(run, t.name))
            continue;
        const TableMapping *mapping = m_history.project().mapping(t.name);
        const bool upserted = run.mode == RunMode::Incremental ||
                              (mapping && mapping->mode == TableMapping::Mode::Upsert);
        if (const QString why = unkeyed(t); record->loaded > 0 && !why.isEmpty())
            risks.append(QStringLiteral("%1 has %2, so the run could not record which of its "
                                        "rows it wrote")
                             .arg(t.name, why));
        else if (record->loaded > 0 && upserted)
            risks.append(QStringLiteral("%1 existed before the run, which upserted into it: rows "
                                        "it updated would be deleted, not given their old values "
                                        "back")
                             .arg(t.name));
        if (mapping && mapping->mode == TableMapping::Mode::TruncateLoad &&
            run.mode == RunMode::Run)
            risks.append(QStringLiteral("the run emptied %1 before loading it (truncate and "
                                        "load), and deleting rows cannot bring the old ones back")
                             .arg(t.name));
    }
    return risks;
}

// Why the rows the run wrote to table cannot be found by their key; empty when they can.
QString RunRollback::unkeyed(const TableInfo &table) const
{
    if (table.primaryKey.isEmpty())
        return QStringLiteral("no primary key");
    const TableMapping *mapping = m_history.project().mapping(table.name);
    if (!mapping)
        return {};
    for (const QString &column : table.primaryKey)
        if (!mapping->column(column))
            return QStringLiteral("keys the database generates (%1 is not mapped)").arg(column);
    return {};
}

Result<void> RunRollback::deleteRows(const RunRecord &run, const QList<TableInfo> &tables,
                                     Report &report)
{
    for (const TableInfo &t : tables) {
        const RunTableRecord *record = tableRecord(run, t.name);
        if (!record || createdByRun(run, t.name))
            continue;
        TableOutcome &o = outcome(report, t.name);
        if (const QString why = unkeyed(t); !why.isEmpty()) {
            o.skipped = why;
            continue;
        }
        auto keys = m_history.ledger().writtenKeys(run.runId, t.name);
        if (!keys)
            return keys.error();
        auto deleted = deleteKeys(t, *keys);
        if (!deleted)
            return Error(deleted.error().code(),
                         QStringLiteral("deleting the rows the run wrote to %1: %2")
                             .arg(t.name, deleted.error().message()),
                         {}, deleted.error().hint());
        o.keys = keys->size();
        o.deleted = *deleted;
        notice(QStringLiteral("%1: deleting %2 rows (the run wrote %3 keys)")
                   .arg(t.name)
                   .arg(o.deleted)
                   .arg(o.keys));
    }
    return {};
}

Result<qint64> RunRollback::deleteKeys(const TableInfo &table, const QStringList &keys)
{
    TargetSession &session = m_history.session();
    const QString name = session.quote(table.name);
    qint64 deleted = 0;
    for (qsizetype first = 0; first < keys.size(); first += kKeysPerDelete) {
        const QStringList chunk = keys.mid(first, kKeysPerDelete);
        auto params = keyParams(table, chunk);
        if (!params)
            return params.error();
        const QString where = keyCondition(session, table, chunk.size());
        auto counted = session.query(
            QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(name, where), *params);
        if (!counted)
            return counted.error();
        if (auto done = session.execute(QStringLiteral("DELETE FROM %1 WHERE %2").arg(name, where),
                                        *params);
            !done)
            return done.error();
        deleted += counted->value(0).value(0).toLongLong();
    }
    return deleted;
}

Result<QVariantList> RunRollback::keyParams(const TableInfo &table, const QStringList &keys) const
{
    QVariantList params;
    const qsizetype width = table.primaryKey.size();
    params.reserve(keys.size() * width);
    for (const QString &key : keys) {
        const QVariantList parts = width == 1 ? QVariantList{key} : SourceKey::fromJson(key);
        if (parts.size() != width)
            return Error(Error::Code::Schema,
                         QStringLiteral("the written key %1 does not fit the primary key (%2) of "
                                        "%3")
                             .arg(key, table.primaryKey.join(QStringLiteral(", ")), table.name));
        for (qsizetype i = 0; i < width; ++i)
            params.append(keyPart(table.column(table.primaryKey.at(i)), parts.at(i)));
    }
    return params;
}

// "k" IN (?, ?) or ("a", "b") IN ((?, ?), (?, ?)).
QString RunRollback::keyCondition(const TargetSession &session, const TableInfo &table,
                                  qsizetype keyCount)
{
    QStringList columns;
    for (const QString &c : table.primaryKey)
        columns.append(session.quote(c));
    if (columns.size() == 1)
        return columns.first() + QStringLiteral(" IN (") + placeholders(keyCount) +
               QLatin1Char(')');
    const QString row = QLatin1Char('(') + placeholders(columns.size()) + QLatin1Char(')');
    QStringList rows;
    rows.reserve(keyCount);
    for (qsizetype i = 0; i < keyCount; ++i)
        rows.append(row);
    return QLatin1Char('(') + columns.join(QStringLiteral(", ")) + QStringLiteral(") IN (") +
           rows.join(QStringLiteral(", ")) + QLatin1Char(')');
}

Result<void> RunRollback::dropCreated(const RunRecord &run, const QList<TableInfo> &tables,
                                      Report &report)
{
    TargetSession &session = m_history.session();
    for (const TableInfo &t : tables) {
        if (!createdByRun(run, t.name))
            continue;
        if (auto dropped = session.execute(QStringLiteral("DROP TABLE ") + session.quote(t.name));
            !dropped)
            return Error(dropped.error().code(),
                         QStringLiteral("dropping %1, which the run created: %2")
                             .arg(t.name, dropped.error().message()),
                         {}, dropped.error().hint());
        outcome(report, t.name).dropped = true;
        notice(QStringLiteral("%1: dropping it (the run created it)").arg(t.name));
    }
    return {};
}

Result<void> RunRollback::record(const RunRecord &run, const Report &report)
{
    RunLedger &ledger = m_history.ledger();
    for (RunTableRecord t : run.tables) {
        t.status = RunStatus::RolledBack;
        if (auto done = ledger.finishTable(t); !done)
            return done;
    }
    return ledger.finishRun(run.runId, RunStatus::RolledBack, report.message);
}

QString RunRollback::before(const RunRecord &run)
{
    QString text = QStringLiteral("before the rollback the run's status was %1")
                       .arg(runStatusName(run.status));
    if (run.finishedAt.isValid())
        text += QStringLiteral(" (finished %1)").arg(run.finishedAt.toString(Qt::ISODate));
    if (!run.message.isEmpty())
        text += QStringLiteral(": ") + run.message;
    return text;
}

RunRollback::TableOutcome &RunRollback::outcome(Report &report, const QString &table)
{
    for (TableOutcome &t : report.tables)
        if (t.table == table)
            return t;
    TableOutcome t;
    t.table = table;
    report.tables.append(t);
    return report.tables.last();
}

const RunTableRecord *RunRollback::tableRecord(const RunRecord &run, const QString &table) const
{
    for (const RunTableRecord &t : run.tables)
        if (t.tableName == table)
            return &t;
    return nullptr;
}

// A table the run created, by its table record or by the list the run keeps from the moment it
// prepared the target: a table the run never reached before it stopped has no table record.
bool RunRollback::createdByRun(const RunRecord &run, const QString &table)
{
    for (const RunTableRecord &t : run.tables)
        if (t.tableName == table && t.createdTable)
            return true;
    return createdTables(run).contains(table);
}

// The tables the run loaded or created.
QStringList RunRollback::runTables(const RunRecord &run)
{
    QStringList tables;
    for (const RunTableRecord &t : run.tables)
        tables.append(t.tableName);
    for (const QString &table : createdTables(run))
        if (!tables.contains(table))
            tables.append(table);
    return tables;
}

QStringList RunRollback::createdTables(const RunRecord &run)
{
    QStringList tables;
    for (const QJsonValue &table : run.options.value(QLatin1String("createdTables")).toArray())
        tables.append(table.toString());
    return tables;
}

} // namespace cutover
