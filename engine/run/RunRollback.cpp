#include "run/RunRollback.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "run/RollbackPreconditions.h"
#include "run/target/SqliteBackup.h"
#include "schema/ForeignKeyOrder.h"
#include "transform/SourceKey.h"

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

namespace {

QString thousands(qint64 n)
{
    QString digits = QString::number(qAbs(n));
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

} // namespace

QStringList RunRollback::Report::lines() const
{
    QStringList out{QStringLiteral("Rolled back run %1 in %2").arg(runId, target)};
    if (!backupFile.isEmpty())
        out << QStringLiteral("  restored the target from %1").arg(backupFile);
    for (const TableOutcome &t : tables) {
        QString what;
        if (t.dropped)
            what = QStringLiteral("dropped (the run created it)");
        else if (!t.skipped.isEmpty())
            what = QStringLiteral("left alone: ") + t.skipped;
        else if (!backupFile.isEmpty())
            what = QStringLiteral("restored");
        else
            what = QStringLiteral("deleted %1 of %2 rows the run wrote")
                       .arg(thousands(t.deleted), thousands(t.keys));
        out << QStringLiteral("  %1 %2").arg(t.table.leftJustified(20), what);
    }
    if (!backupFile.isEmpty() && !laterRuns.isEmpty())
        out << QStringLiteral("  also undid the later runs %1")
                   .arg(laterRuns.join(QStringLiteral(", ")));
    for (const QString &f : forced)
        out << QStringLiteral("  forced past: %1").arg(f);
    return out;
}

RunRollback::RunRollback(Project project, const PasswordProvider *passwords)
    : m_passwords(passwords)
    , m_history(std::move(project), passwords)
{}

RollbackPreconditions RunRollback::preconditions() const
{
    return RollbackPreconditions(m_history.project(), m_history.spec(), m_history.where());
}

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
    const QList<RunRecord> later = RollbackPreconditions::laterRuns(*runs, *run);
    if (auto ok = preconditions().check(*run, later, force, report.forced); !ok)
        return ok.error();
    for (const RunRecord &r : later)
        report.laterRuns.append(r.runId);
    if (m_history.spec().kind() == ConnectionSpec::Kind::Sqlite)
        return restore(*run, std::move(report));
    return undoOnServer(*run, force, std::move(report));
}

Result<RunRollback::Report> RunRollback::restore(const RunRecord &run, Report report)
{
    const QString database = m_history.spec().path();
    report.backupFile = preconditions().backupFile(run);
    m_history.close();
    notice(QStringLiteral("restoring %1 from %2").arg(database, report.backupFile));
    if (auto restored = SqliteBackup::restore(report.backupFile, database); !restored)
        return restored.error();
    for (const QString &table : run.touchedTables())
        outcome(report, table).dropped = run.created(table);
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
    const QStringList risks = preconditions().hazards(run, *tables);
    if (!risks.isEmpty() && !force)
        return preconditions().refusal(
            run, risks.join(QStringLiteral("; ")),
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
    for (const QString &table : run.touchedTables()) {
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

Result<void> RunRollback::deleteRows(const RunRecord &run, const QList<TableInfo> &tables,
                                     Report &report)
{
    for (const TableInfo &t : tables) {
        const RunTableRecord *record = run.table(t.name);
        if (!record || run.created(t.name))
            continue;
        TableOutcome &o = outcome(report, t.name);
        if (const QString why = preconditions().unkeyed(t); !why.isEmpty()) {
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
        if (!run.created(t.name))
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

} // namespace cutover
