#include "run/ledger/LedgerSchema.h"

#include "run/target/TargetPreparer.h"
#include "run/target/TargetSession.h"

namespace cutover {

namespace {

const QString kRowNo = QStringLiteral("row_no");

} // namespace

LedgerSchema::LedgerSchema(TargetSession &session)
    : m_session(session)
{}

const QList<LedgerSchema::TableDef> &LedgerSchema::definitions()
{
    using T = ColumnType;
    // In the order of Table.
    static const QList<TableDef> tables = {
        {"cutover_runs",
         {{"run_id", T::Id, true},
          {"project", T::Text, true},
          {"phase", T::Text, false},
          {"mapping_version", T::Text, false},
          {"mode", T::Text, true},
          {"started_at", T::Time, true},
          {"finished_at", T::Time, false},
          {"status", T::Text, true},
          {"message", T::Text, false},
          {"options", T::Json, false}},
         {QStringLiteral("run_id")}},
        {"cutover_run_tables",
         {{"run_id", T::Id, true},
          {"table_name", T::Name, true},
          {"source_rows", T::Count, true},
          {"loaded", T::Count, true},
          {"quarantined", T::Count, true},
          {"skipped", T::Count, true},
          {"started_at", T::Time, false},
          {"finished_at", T::Time, false},
          {"timings", T::Json, false},
          {"status", T::Text, true},
          {"watermark", T::Text, false},
          {"created_table", T::Count, true},
          {"deleted", T::Count, true}},
         {QStringLiteral("run_id"), QStringLiteral("table_name")}},
        {"cutover_checkpoints",
         {{"run_id", T::Id, true},
          {"table_name", T::Name, true},
          {"batch_no", T::Count, true},
          {"last_source_key", T::Json, false},
          {"rows_read", T::Count, true},
          {"rows_loaded", T::Count, true},
          {"rows_quarantined", T::Count, true},
          {"committed_at", T::Time, true}},
         {QStringLiteral("run_id"), QStringLiteral("table_name"), QStringLiteral("batch_no")}},
        {"cutover_quarantine",
         {{"run_id", T::Id, true},
          {"table_name", T::Name, true},
          {"source_key", T::Key, true},
          {"raw_values", T::Json, true},
          {"violations", T::Json, true},
          {"quarantined_at", T::Time, true},
          {"retried_in_run", T::Id, false},
          {"row_no", T::Count, true}},
         {QStringLiteral("run_id"), QStringLiteral("table_name"), QStringLiteral("source_key"),
          kRowNo}},
        {"cutover_written_keys",
         {{"run_id", T::Id, true}, {"table_name", T::Name, true}, {"target_key", T::Key, true}},
         {QStringLiteral("run_id"), QStringLiteral("table_name"), QStringLiteral("target_key")}},
        {"cutover_table_digests",
         {{"run_id", T::Id, true},
          {"table_name", T::Name, true},
          {"source_digest", T::Text, true},
          {"loaded_digest", T::Text, true},
          {"loaded_columns", T::Json, true}},
         {QStringLiteral("run_id"), QStringLiteral("table_name")}},
        {"cutover_run_lock",
         {{"lock_name", T::Name, true},
          {"host", T::Text, true},
          {"pid", T::Count, true},
          {"program", T::Text, false},
          {"project", T::Text, false},
          {"run_id", T::Id, false},
          {"started_at", T::Time, true}},
         {QStringLiteral("lock_name")}},
    };
    return tables;
}

const LedgerSchema::TableDef &LedgerSchema::definition(Table table)
{
    return definitions().at(qsizetype(table));
}

QStringList LedgerSchema::tableNames()
{
    QStringList names;
    for (const TableDef &table : definitions())
        names.append(QLatin1String(table.name));
    return names;
}

QString LedgerSchema::name(Table table)
{
    return QLatin1String(definition(table).name);
}

QStringList LedgerSchema::columns(Table table)
{
    QStringList names;
    for (const ColumnDef &column : definition(table).columns)
        names.append(QLatin1String(column.name));
    return names;
}

QStringList LedgerSchema::primaryKey(Table table)
{
    return definition(table).primaryKey;
}

QString LedgerSchema::typeName(ColumnType type) const
{
    const bool mysql = m_session.kind() == ConnectionSpec::Kind::MySql;
    switch (type) {
    case ColumnType::Count:
        return QStringLiteral("BIGINT");
    case ColumnType::Id:
        return mysql ? QStringLiteral("VARCHAR(36)") : QStringLiteral("TEXT");
    case ColumnType::Name: // utf8mb4: 4 bytes a character within InnoDB's 3072-byte key
        return mysql ? QStringLiteral("VARCHAR(191)") : QStringLiteral("TEXT");
    case ColumnType::Key:
        return mysql ? QStringLiteral("VARBINARY(2048)") : QStringLiteral("TEXT");
    case ColumnType::Json:
        return mysql ? QStringLiteral("LONGTEXT") : QStringLiteral("TEXT");
    case ColumnType::Time:
        return mysql ? QStringLiteral("VARCHAR(40)") : QStringLiteral("TEXT");
    case ColumnType::Text:
        break;
    }
    return QStringLiteral("TEXT");
}

QString LedgerSchema::q(const QString &identifier) const
{
    return m_session.quote(identifier);
}

QString LedgerSchema::columnList(const QStringList &columns) const
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(q(c));
    return quoted.join(QStringLiteral(", "));
}

QString LedgerSchema::createSql(const TableDef &table) const
{
    QStringList parts;
    for (const ColumnDef &c : table.columns)
        parts.append(q(QLatin1String(c.name)) + QLatin1Char(' ') + typeName(c.type) +
                     (c.notNull ? QStringLiteral(" NOT NULL") : QString()));
    parts.append(QStringLiteral("PRIMARY KEY (%1)").arg(columnList(table.primaryKey)));
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2)")
        .arg(q(QLatin1String(table.name)), parts.join(QStringLiteral(", ")));
}

Error LedgerSchema::failure(const QString &what, const Error &cause) const
{
    return Error(cause.code(), QStringLiteral("cannot %1: %2").arg(what, cause.message()),
                 m_session.spec().displayName(), cause.hint());
}

Result<void> LedgerSchema::ensureTables()
{
    if (m_session.kind() == ConnectionSpec::Kind::MySql && m_session.inTransaction())
        return Error(Error::Code::Internal,
                     QStringLiteral("the run ledger tables must be created outside a transaction"),
                     m_session.spec().displayName());
    for (const TableDef &table : definitions()) {
        auto created = m_session.execute(createSql(table));
        if (!created)
            return failure(
                QStringLiteral("create the run ledger table %1").arg(QLatin1String(table.name)),
                created.error());
    }
    if (auto upgraded = upgradeQuarantine(); !upgraded)
        return failure(QStringLiteral("add row_no to %1").arg(name(Table::Quarantine)),
                       upgraded.error());
    ensureQuarantineIndex();
    return {};
}

QString LedgerSchema::quarantineIndexName()
{
    return QStringLiteral("cutover_quarantine_in_read_order");
}

// QuarantineReader pages the quarantine in this order. The index only makes reading faster, so
// a ledger that cannot have it (a reader without the right to create one) is read without.
void LedgerSchema::ensureQuarantineIndex()
{
    const QString index = q(quarantineIndexName());
    const QString columns = columnList({QStringLiteral("run_id"), QStringLiteral("table_name"),
                                        kRowNo, QStringLiteral("source_key")});
    if (m_session.kind() != ConnectionSpec::Kind::MySql) {
        (void)m_session.execute(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                                    .arg(index, q(name(Table::Quarantine)), columns));
        return;
    }
    // MySQL has no CREATE INDEX IF NOT EXISTS
    auto present = m_session.query(
        QStringLiteral("SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = "
                       "DATABASE() AND table_name = ? AND index_name = ?"),
        {name(Table::Quarantine), quarantineIndexName()});
    if (present && !present->isEmpty() && present->first().value(0).toLongLong() == 0)
        (void)m_session.execute(QStringLiteral("CREATE INDEX %1 ON %2 (%3)")
                                    .arg(index, q(name(Table::Quarantine)), columns));
}

Result<bool> LedgerSchema::exists()
{
    auto columns = TargetPreparer::existingColumns(m_session, name(Table::Runs));
    if (!columns)
        return columns.error();
    return !columns->isEmpty();
}

// A ledger from before row_no kept one quarantined row per source key, so of the rows whose key
// is NULL or not unique only one was left: the table gets the column (0 for the rows it holds)
// and a primary key that includes it, in one transaction (one statement on MySQL).
Result<void> LedgerSchema::upgradeQuarantine()
{
    const QString table = q(name(Table::Quarantine));
    if (m_session.query(QStringLiteral("SELECT %1 FROM %2 WHERE 1 = 0").arg(q(kRowNo), table)))
        return {};
    const QString key = columnList(primaryKey(Table::Quarantine));
    switch (m_session.kind()) {
    case ConnectionSpec::Kind::MySql:
        return m_session.execute(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 BIGINT NOT NULL "
                                                "DEFAULT 0, DROP PRIMARY KEY, ADD PRIMARY KEY (%3)")
                                     .arg(table, q(kRowNo), key));
    case ConnectionSpec::Kind::PostgreSql: {
        auto statements = quarantineUpgradeOnPostgres(key);
        if (!statements)
            return statements.error();
        return inTransaction(*statements);
    }
    default:
        return inTransaction(quarantineUpgradeOnSqlite());
    }
}

Result<QStringList> LedgerSchema::quarantineUpgradeOnPostgres(const QString &key)
{
    const QString table = q(name(Table::Quarantine));
    auto constraint = m_session.query(QStringLiteral("SELECT conname FROM pg_constraint WHERE "
                                                     "conrelid = ?::regclass AND contype = 'p'"),
                                      {table});
    if (!constraint)
        return constraint.error();
    return QStringList{QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 BIGINT NOT NULL DEFAULT 0")
                           .arg(table, q(kRowNo)),
                       QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2")
                           .arg(table, q(constraint->value(0).value(0).toString())),
                       QStringLiteral("ALTER TABLE %1 ADD PRIMARY KEY (%2)").arg(table, key)};
}

// SQLite cannot change a primary key: the rows move to a new table.
QStringList LedgerSchema::quarantineUpgradeOnSqlite() const
{
    const QString table = q(name(Table::Quarantine));
    const QString old = q(name(Table::Quarantine) + QStringLiteral("_before_row_no"));
    QStringList oldColumns = columns(Table::Quarantine);
    oldColumns.removeAll(kRowNo);
    return {QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(table, old),
            createSql(definition(Table::Quarantine)),
            QStringLiteral("INSERT INTO %1 (%2, %3) SELECT %2, 0 FROM %4")
                .arg(table, columnList(oldColumns), q(kRowNo), old),
            QStringLiteral("DROP TABLE %1").arg(old)};
}

Result<void> LedgerSchema::inTransaction(const QStringList &statements)
{
    if (auto begun = m_session.begin(); !begun)
        return begun;
    for (const QString &statement : statements)
        if (auto done = m_session.execute(statement); !done) {
            (void)m_session.rollback();
            return done;
        }
    return m_session.commit();
}

} // namespace cutover
