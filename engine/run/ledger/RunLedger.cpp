#include "run/ledger/RunLedger.h"

#include "core/ViolationJson.h"
#include "run/ledger/LedgerTimestamp.h"
#include "run/target/TargetSession.h"
#include "transform/SourceKey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>

namespace cutover {

namespace {

using Table = LedgerSchema::Table;

const QString kLockName = QStringLiteral("run");

QString nameOf(Table table)
{
    return LedgerSchema::name(table);
}

QStringList columnsOf(Table table)
{
    return LedgerSchema::columns(table);
}

QStringList keyOf(Table table)
{
    return LedgerSchema::primaryKey(table);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonDocument parseJson(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8());
}

QVariant orNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

RunLedger::RunLedger(TargetSession &session)
    : m_session(session)
    , m_schema(session)
{}

QString RunLedger::q(const QString &identifier) const
{
    return m_session.quote(identifier);
}

QVariant RunLedger::keyValue(const QString &text) const
{
    if (m_session.kind() == ConnectionSpec::Kind::MySql)
        return text.toUtf8();
    return text;
}

QString RunLedger::text(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

Error RunLedger::failure(const QString &what, const Error &cause) const
{
    return Error(cause.code(), QStringLiteral("cannot %1: %2").arg(what, cause.message()),
                 m_session.spec().displayName(), cause.hint());
}

Result<void> RunLedger::ensureTables()
{
    if (auto ensured = m_schema.ensureTables(); !ensured)
        return ensured;
    m_ready = true;
    return {};
}

Result<void> RunLedger::ready()
{
    if (m_ready || m_session.inTransaction())
        return {};
    return ensureTables();
}

Result<QString> RunLedger::startRun(const RunRecord &run)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDateTime started =
        run.startedAt.isValid() ? run.startedAt : QDateTime::currentDateTimeUtc();
    const QVariantList row = {id,
                              run.project,
                              orNull(run.phase),
                              orNull(run.mappingVersion),
                              runModeName(run.mode),
                              LedgerTimestamp::of(started),
                              QVariant(),
                              runStatusName(RunStatus::Running),
                              orNull(run.message),
                              jsonText(run.options)};
    auto written = m_session.insertRows(nameOf(Table::Runs), columnsOf(Table::Runs), {row});
    if (!written)
        return failure(QStringLiteral("record the run"), written.error());
    return id;
}

Result<void> RunLedger::finishRun(const QString &runId, RunStatus status, const QString &message)
{
    const QString sql =
        QStringLiteral("UPDATE %1 SET %2 = ?, %3 = ?, %4 = ? WHERE %5 = ?")
            .arg(q(nameOf(Table::Runs)), q(QStringLiteral("status")), q(QStringLiteral("message")),
                 q(QStringLiteral("finished_at")), q(QStringLiteral("run_id")));
    auto done =
        m_session.execute(sql, {runStatusName(status), orNull(message),
                                LedgerTimestamp::of(QDateTime::currentDateTimeUtc()), runId});
    if (!done)
        return failure(QStringLiteral("finish run %1").arg(runId), done.error());
    return {};
}

Result<void> RunLedger::reopenRun(const QString &runId)
{
    const QString sql = QStringLiteral("UPDATE %1 SET %2 = ?, %3 = NULL WHERE %4 = ?")
                            .arg(q(nameOf(Table::Runs)), q(QStringLiteral("status")),
                                 q(QStringLiteral("finished_at")), q(QStringLiteral("run_id")));
    auto done = m_session.execute(sql, {runStatusName(RunStatus::Running), runId});
    if (!done)
        return failure(QStringLiteral("resume run %1").arg(runId), done.error());
    return {};
}

Result<void> RunLedger::updateRunOptions(const QString &runId, const QJsonObject &options)
{
    const QString sql =
        QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
            .arg(q(nameOf(Table::Runs)), q(QStringLiteral("options")), q(QStringLiteral("run_id")));
    auto done = m_session.execute(sql, {jsonText(options), runId});
    if (!done)
        return failure(QStringLiteral("record the options of run %1").arg(runId), done.error());
    return {};
}

Result<void> RunLedger::startTable(const QString &runId, const QString &table, bool createdTable)
{
    RunTableRecord record;
    record.runId = runId;
    record.tableName = table;
    record.createdTable = createdTable;
    record.startedAt = QDateTime::currentDateTimeUtc();
    return finishTable(record);
}

Result<void> RunLedger::finishTable(const RunTableRecord &record)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    QDateTime finished = record.finishedAt;
    if (!finished.isValid() && record.status != RunStatus::Running)
        finished = QDateTime::currentDateTimeUtc();
    const QVariantList row = {record.runId,
                              record.tableName,
                              record.sourceRows,
                              record.loaded,
                              record.quarantined,
                              record.skipped,
                              orNull(LedgerTimestamp::of(record.startedAt)),
                              orNull(LedgerTimestamp::of(finished)),
                              jsonText(record.timings),
                              runStatusName(record.status),
                              orNull(record.watermark),
                              qint64(record.createdTable ? 1 : 0),
                              record.deleted};
    auto written = m_session.upsertRows(nameOf(Table::RunTables), columnsOf(Table::RunTables),
                                        keyOf(Table::RunTables), {row});
    if (!written)
        return failure(
            QStringLiteral("record table %1 of run %2").arg(record.tableName, record.runId),
            written.error());
    if (!record.digests)
        return {};
    const QVariantList digests = {
        record.runId, record.tableName, record.digests->source, record.digests->loaded,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(record.digests->columns))
                              .toJson(QJsonDocument::Compact))};
    auto recorded = m_session.upsertRows(nameOf(Table::Digests), columnsOf(Table::Digests),
                                         keyOf(Table::Digests), {digests});
    if (!recorded)
        return failure(QStringLiteral("record the digests of table %1 of run %2")
                           .arg(record.tableName, record.runId),
                       recorded.error());
    return {};
}

Result<std::optional<TableDigests>> RunLedger::digests(const QString &runId, const QString &table)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    auto rows = m_session.query(
        QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %5 = ? AND %6 = ?")
            .arg(q(QStringLiteral("source_digest")), q(QStringLiteral("loaded_digest")),
                 q(QStringLiteral("loaded_columns")), q(nameOf(Table::Digests)),
                 q(QStringLiteral("run_id")), q(QStringLiteral("table_name"))),
        {runId, table});
    if (!rows)
        return failure(QStringLiteral("read the digests of table %1 of run %2").arg(table, runId),
                       rows.error());
    if (rows->isEmpty())
        return std::optional<TableDigests>();
    const QVariantList &row = rows->first();
    QStringList columns;
    for (const QJsonValue &name : parseJson(text(row.at(2))).array())
        columns.append(name.toString());
    return std::optional<TableDigests>(TableDigests{text(row.at(0)), text(row.at(1)), columns});
}

Result<void> RunLedger::recordBatch(const QString &runId, const QString &table,
                                    const CheckpointRecord &checkpoint,
                                    const QList<QuarantinedRow> &quarantined,
                                    const QStringList &writtenKeys)
{
    if (!m_session.inTransaction())
        return Error(Error::Code::Internal,
                     QStringLiteral("batch %1 of table %2 must be recorded inside the batch's "
                                    "transaction")
                         .arg(checkpoint.batchNo)
                         .arg(table),
                     m_session.spec().displayName());
    const QDateTime at =
        checkpoint.committedAt.isValid() ? checkpoint.committedAt : QDateTime::currentDateTimeUtc();
    const QVariantList row = {runId,
                              table,
                              checkpoint.batchNo,
                              orNull(checkpoint.lastSourceKey),
                              checkpoint.rowsRead,
                              checkpoint.rowsLoaded,
                              checkpoint.rowsQuarantined,
                              LedgerTimestamp::of(at)};
    auto written = m_session.upsertRows(nameOf(Table::Checkpoints), columnsOf(Table::Checkpoints),
                                        keyOf(Table::Checkpoints), {row});
    if (!written)
        return failure(QStringLiteral("record the checkpoint of batch %1 of table %2")
                           .arg(checkpoint.batchNo)
                           .arg(table),
                       written.error());
    if (auto stored = writeQuarantine(runId, table, quarantined); !stored)
        return stored;
    return writeKeys(runId, table, writtenKeys);
}

Result<void> RunLedger::writeQuarantine(const QString &runId, const QString &table,
                                        const QList<QuarantinedRow> &rows)
{
    if (rows.isEmpty())
        return {};
    const QString now = LedgerTimestamp::of(QDateTime::currentDateTimeUtc());
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const QuarantinedRow &r : rows) {
        const QString at = r.quarantinedAt.isValid() ? LedgerTimestamp::of(r.quarantinedAt) : now;
        values.append({runId, table, keyValue(r.sourceKey), r.rawValuesJson(), r.violationsJson(),
                       at, orNull(r.retriedInRun), r.rowNumber});
    }
    auto written = m_session.upsertRows(nameOf(Table::Quarantine), columnsOf(Table::Quarantine),
                                        keyOf(Table::Quarantine), values);
    if (!written)
        return failure(QStringLiteral("quarantine %1 rows of table %2").arg(rows.size()).arg(table),
                       written.error());
    return {};
}

Result<void> RunLedger::writeKeys(const QString &runId, const QString &table,
                                  const QStringList &keys)
{
    if (keys.isEmpty())
        return {};
    QList<QVariantList> values;
    values.reserve(keys.size());
    for (const QString &key : keys)
        values.append({runId, table, keyValue(key)});
    auto written = m_session.upsertRows(nameOf(Table::WrittenKeys), columnsOf(Table::WrittenKeys),
                                        keyOf(Table::WrittenKeys), values);
    if (!written)
        return failure(QStringLiteral("record the keys written to table %1").arg(table),
                       written.error());
    return {};
}

Result<std::optional<CheckpointRecord>> RunLedger::lastCheckpoint(const QString &runId,
                                                                  const QString &table)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    const QString sql =
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 = ? ORDER BY %5 DESC LIMIT 1")
            .arg(m_schema.columnList(columnsOf(Table::Checkpoints).mid(2)),
                 q(nameOf(Table::Checkpoints)), q(QStringLiteral("run_id")),
                 q(QStringLiteral("table_name")), q(QStringLiteral("batch_no")));
    auto rows = m_session.query(sql, {runId, table});
    if (!rows)
        return failure(QStringLiteral("read the last checkpoint of table %1").arg(table),
                       rows.error());
    if (rows->isEmpty())
        return std::optional<CheckpointRecord>();
    const QVariantList &row = rows->first();
    CheckpointRecord c;
    c.batchNo = row.at(0).toLongLong();
    c.lastSourceKey = text(row.at(1));
    c.rowsRead = row.at(2).toLongLong();
    c.rowsLoaded = row.at(3).toLongLong();
    c.rowsQuarantined = row.at(4).toLongLong();
    c.committedAt = LedgerTimestamp::parse(row.at(5));
    return std::optional<CheckpointRecord>(c);
}

QString RunLedger::runSelectSql(const QString &where) const
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 DESC, %5 DESC")
        .arg(m_schema.columnList(columnsOf(Table::Runs)), q(nameOf(Table::Runs)), where,
             q(QStringLiteral("started_at")), q(QStringLiteral("run_id")));
}

RunRecord RunLedger::runFromRow(const QVariantList &row)
{
    RunRecord r;
    r.runId = text(row.at(0));
    r.project = text(row.at(1));
    r.phase = text(row.at(2));
    r.mappingVersion = text(row.at(3));
    r.mode = parseRunMode(text(row.at(4))).value_or(RunMode::Run);
    r.startedAt = LedgerTimestamp::parse(row.at(5));
    r.finishedAt = LedgerTimestamp::parse(row.at(6));
    r.status = parseRunStatus(text(row.at(7))).value_or(RunStatus::Failed);
    r.message = text(row.at(8));
    r.options = parseJson(text(row.at(9))).object();
    return r;
}

Result<QList<RunRecord>> RunLedger::selectRuns(const QString &where, const QVariantList &params)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    auto rows = m_session.query(runSelectSql(where), params);
    if (!rows)
        return failure(QStringLiteral("read the run history"), rows.error());
    QList<RunRecord> runs;
    for (const QVariantList &row : std::as_const(*rows))
        runs.append(runFromRow(row));
    if (auto attached = attachTables(runs); !attached)
        return attached.error();
    return runs;
}

RunTableRecord RunLedger::tableFromRow(const QVariantList &row)
{
    RunTableRecord t;
    t.runId = text(row.at(0));
    t.tableName = text(row.at(1));
    t.sourceRows = row.at(2).toLongLong();
    t.loaded = row.at(3).toLongLong();
    t.quarantined = row.at(4).toLongLong();
    t.skipped = row.at(5).toLongLong();
    t.startedAt = LedgerTimestamp::parse(row.at(6));
    t.finishedAt = LedgerTimestamp::parse(row.at(7));
    t.timings = parseJson(text(row.at(8))).object();
    t.status = parseRunStatus(text(row.at(9))).value_or(RunStatus::Failed);
    t.watermark = text(row.at(10));
    t.createdTable = row.at(11).toLongLong() != 0;
    t.deleted = row.at(12).toLongLong();
    t.read = t.loaded + t.quarantined;
    return t;
}

Result<void> RunLedger::attachTables(QList<RunRecord> &runs)
{
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? ORDER BY %4, %5")
                            .arg(m_schema.columnList(columnsOf(Table::RunTables)),
                                 q(nameOf(Table::RunTables)), q(QStringLiteral("run_id")),
                                 q(QStringLiteral("started_at")), q(QStringLiteral("table_name")));
    for (RunRecord &run : runs) {
        auto rows = m_session.query(sql, {run.runId});
        if (!rows)
            return failure(QStringLiteral("read the tables of run %1").arg(run.runId),
                           rows.error());
        for (const QVariantList &row : std::as_const(*rows)) {
            run.tables.append(tableFromRow(row));
            if (auto committed = attachCheckpoint(run.tables.last()); !committed)
                return committed;
        }
    }
    return {};
}

// A table that did not finish shows what its last committed checkpoint holds: a killed run
// never recorded its counts, and a stopped one may have counted rows it did not commit. A rolled
// back table keeps the counts rollback recorded (a SQLite target's checkpoints went with it).
Result<void> RunLedger::attachCheckpoint(RunTableRecord &table)
{
    if (table.status == RunStatus::Succeeded || table.status == RunStatus::RolledBack)
        return {};
    auto last = lastCheckpoint(table.runId, table.tableName);
    if (!last)
        return last.error();
    const CheckpointRecord committed = last->value_or(CheckpointRecord());
    table.read = committed.rowsRead;
    table.loaded = committed.rowsLoaded;
    table.quarantined = committed.rowsQuarantined;
    return {};
}

Result<std::optional<RunRecord>> RunLedger::interruptedRun(const QString &project)
{
    auto all = runs(project);
    if (!all)
        return all.error();
    if (all->isEmpty())
        return std::optional<RunRecord>();
    const RunStatus status = all->first().status;
    if (status == RunStatus::Succeeded || status == RunStatus::RolledBack)
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(all->first());
}

Result<QList<RunRecord>> RunLedger::runs(const QString &project)
{
    return selectRuns(QStringLiteral("%1 = ?").arg(q(QStringLiteral("project"))), {project});
}

Result<std::optional<RunRecord>> RunLedger::run(const QString &runId)
{
    auto runs = selectRuns(QStringLiteral("%1 = ?").arg(q(QStringLiteral("run_id"))), {runId});
    if (!runs)
        return runs.error();
    if (runs->isEmpty())
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(runs->first());
}

QuarantinedRow RunLedger::quarantinedFromRow(const QVariantList &row)
{
    QuarantinedRow r;
    r.runId = text(row.at(0));
    r.tableName = text(row.at(1));
    r.sourceKey = text(row.at(2));
    r.rawValues = parseJson(text(row.at(3))).object();
    r.violations = ViolationJson::fromJson(parseJson(text(row.at(4))).array());
    r.quarantinedAt = LedgerTimestamp::parse(row.at(5));
    r.retriedInRun = text(row.at(6));
    r.rowNumber = row.at(7).toLongLong();
    return r;
}

Result<QList<QuarantinedRow>> RunLedger::quarantine(const std::optional<QString> &runId,
                                                    const std::optional<QString> &table)
{
    return selectQuarantine(std::nullopt, runId, table);
}

Result<QList<QuarantinedRow>> RunLedger::quarantineOf(const QString &project,
                                                      const std::optional<QString> &runId,
                                                      const std::optional<QString> &table)
{
    return selectQuarantine(project, runId, table);
}

Result<QList<QuarantinedRow>> RunLedger::selectQuarantine(const std::optional<QString> &project,
                                                          const std::optional<QString> &runId,
                                                          const std::optional<QString> &table)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    QStringList conditions{QStringLiteral("1 = 1")};
    QVariantList params;
    if (project) {
        conditions.append(QStringLiteral("%1 IN (SELECT %1 FROM %2 WHERE %3 = ?)")
                              .arg(q(QStringLiteral("run_id")), q(nameOf(Table::Runs)),
                                   q(QStringLiteral("project"))));
        params.append(*project);
    }
    if (runId) {
        conditions.append(q(QStringLiteral("run_id")) + QStringLiteral(" = ?"));
        params.append(*runId);
    }
    if (table) {
        conditions.append(q(QStringLiteral("table_name")) + QStringLiteral(" = ?"));
        params.append(*table);
    }
    auto rows =
        m_session.query(quarantineSelectSql(conditions.join(QStringLiteral(" AND "))), params);
    if (!rows)
        return failure(QStringLiteral("read the quarantine"), rows.error());
    QList<QuarantinedRow> result;
    for (const QVariantList &row : std::as_const(*rows))
        result.append(quarantinedFromRow(row));
    return inKeyOrder(std::move(result));
}

QString RunLedger::quarantineSelectSql(const QString &where) const
{
    return QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4, %5, %6, %7")
        .arg(m_schema.columnList(columnsOf(Table::Quarantine)), q(nameOf(Table::Quarantine)), where,
             q(QStringLiteral("run_id")), q(QStringLiteral("table_name")),
             q(QStringLiteral("row_no")), q(QStringLiteral("source_key")));
}

Result<QList<QuarantinedRow>> RunLedger::quarantinedKeys(const QStringList &tables)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    QString sql = QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %5 IS NULL")
                      .arg(q(QStringLiteral("table_name")), q(QStringLiteral("source_key")),
                           q(QStringLiteral("run_id")), q(nameOf(Table::Quarantine)),
                           q(QStringLiteral("retried_in_run")));
    QVariantList names;
    for (const QString &table : tables)
        names.append(table);
    if (!names.isEmpty())
        sql += QStringLiteral(" AND %1 IN (%2)")
                   .arg(q(QStringLiteral("table_name")),
                        QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    auto rows = m_session.query(sql, names);
    if (!rows)
        return failure(QStringLiteral("read the quarantined keys"), rows.error());
    QList<QuarantinedRow> keys;
    for (const QVariantList &row : std::as_const(*rows)) {
        QuarantinedRow key;
        key.tableName = text(row.value(0));
        key.sourceKey = text(row.value(1));
        key.runId = text(row.value(2));
        keys.append(key);
    }
    return keys;
}

// The database orders the keys as text ([1004] before [102]); they sort as their type does.
QList<QuarantinedRow> RunLedger::inKeyOrder(QList<QuarantinedRow> rows)
{
    struct Entry
    {
        QVariantList key;
        qsizetype row;
    };
    std::vector<Entry> entries;
    entries.reserve(size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i)
        entries.push_back({SourceKey::parts(rows.at(i).sourceKey), i});
    std::stable_sort(entries.begin(), entries.end(), [&rows](const Entry &a, const Entry &b) {
        const QuarantinedRow &x = rows.at(a.row);
        const QuarantinedRow &y = rows.at(b.row);
        if (x.runId != y.runId)
            return x.runId < y.runId;
        if (x.tableName != y.tableName)
            return x.tableName < y.tableName;
        return SourceKey::lessThan(a.key, b.key);
    });
    QList<QuarantinedRow> sorted;
    sorted.reserve(rows.size());
    for (const Entry &e : entries)
        sorted.append(std::move(rows[e.row]));
    return sorted;
}

Result<void> RunLedger::markRetried(const QString &runId, const QString &table,
                                    const QString &sourceKey, const QString &retryRunId)
{
    const QString sql = QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ? AND %4 = ? AND %5 = ?")
                            .arg(q(nameOf(Table::Quarantine)), q(QStringLiteral("retried_in_run")),
                                 q(QStringLiteral("run_id")), q(QStringLiteral("table_name")),
                                 q(QStringLiteral("source_key")));
    auto done = m_session.execute(sql, {retryRunId, runId, table, keyValue(sourceKey)});
    if (!done)
        return failure(
            QStringLiteral("mark quarantined row %1 of table %2 as retried").arg(sourceKey, table),
            done.error());
    return {};
}

Result<void> RunLedger::recordLockHolder(const RunLockHolder &holder)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    const QVariantList row = {kLockName,
                              holder.host,
                              holder.pid,
                              orNull(holder.program),
                              orNull(holder.project),
                              orNull(holder.runId),
                              LedgerTimestamp::of(holder.startedAt)};
    auto written = m_session.upsertRows(nameOf(Table::Lock), columnsOf(Table::Lock),
                                        keyOf(Table::Lock), {row});
    if (!written)
        return failure(QStringLiteral("record who holds the run lock"), written.error());
    return {};
}

Result<std::optional<RunLockHolder>> RunLedger::lockHolder()
{
    // Never creates the ledger: a refused run reads while the holder may be creating it.
    auto rows = m_session.query(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                                    .arg(m_schema.columnList(columnsOf(Table::Lock).mid(1)),
                                         q(nameOf(Table::Lock)), q(QStringLiteral("lock_name"))),
                                {kLockName});
    if (!rows)
        return failure(QStringLiteral("read who holds the run lock"), rows.error());
    if (rows->isEmpty())
        return std::optional<RunLockHolder>();
    const QVariantList &row = rows->first();
    RunLockHolder holder;
    holder.host = text(row.at(0));
    holder.pid = row.at(1).toLongLong();
    holder.program = text(row.at(2));
    holder.project = text(row.at(3));
    holder.runId = text(row.at(4));
    holder.startedAt = LedgerTimestamp::parse(row.at(5));
    return std::optional<RunLockHolder>(holder);
}

Result<void> RunLedger::clearLockHolder(const RunLockHolder &holder)
{
    const QString sql = QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND %3 = ? AND %4 = ?")
                            .arg(q(nameOf(Table::Lock)), q(QStringLiteral("lock_name")),
                                 q(QStringLiteral("host")), q(QStringLiteral("pid")));
    auto done = m_session.execute(sql, {kLockName, holder.host, holder.pid});
    if (!done)
        return failure(QStringLiteral("clear the run lock's holder"), done.error());
    return {};
}

Result<QStringList> RunLedger::writtenKeys(const QString &runId, const QString &table)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 = ? ORDER BY %1")
                            .arg(q(QStringLiteral("target_key")), q(nameOf(Table::WrittenKeys)),
                                 q(QStringLiteral("run_id")), q(QStringLiteral("table_name")));
    auto rows = m_session.query(sql, {runId, table});
    if (!rows)
        return failure(QStringLiteral("read the keys written to table %1").arg(table),
                       rows.error());
    QStringList keys;
    for (const QVariantList &row : std::as_const(*rows))
        keys.append(text(row.at(0)));
    return keys;
}

} // namespace cutover
