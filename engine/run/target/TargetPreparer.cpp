#include "run/target/TargetPreparer.h"

#include "dialect/DdlGenerator.h"
#include "dialect/SqlDialect.h"
#include "run/target/SqliteCheckpointer.h"
#include "schema/ForeignKeyOrder.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSet>

namespace cutover {

namespace {

using Dialect = ConnectionSpec::Kind;

const TableInfo *findTable(const QList<TableInfo> &tables, const QString &name)
{
    for (const TableInfo &table : tables)
        if (table.name == name)
            return &table;
    return nullptr;
}

} // namespace

qint64 TargetPreparer::Report::totalMilliseconds() const
{
    qint64 total = 0;
    for (const Step &step : steps)
        total += step.milliseconds;
    return total;
}

TargetPreparer::TargetPreparer(TargetSession &session, QList<TableInfo> tables, Options options)
    : m_session(session)
    , m_tables(ForeignKeyOrder::parentsFirst(tables))
    , m_options(options)
{}

QStringList TargetPreparer::loadSettings(ConnectionSpec::Kind kind, bool deferForeignKeys)
{
    switch (kind) {
    case Dialect::Sqlite:
        // A multi-row INSERT inside a transaction keeps the pages it changes in a statement
        // journal, which spills to a temporary file beyond 64 KiB: with rows in random key order
        // that was several pages written per row (1.2 GB for 190,000 rows). In memory it stays
        // as small as one statement's pages.
        // The run's SqliteCheckpointer copies the log while the writers write; a writer's own
        // checkpoint only bounds the log's size.
        return {deferForeignKeys ? QStringLiteral("PRAGMA foreign_keys = OFF")
                                 : QStringLiteral("PRAGMA foreign_keys = ON"),
                QStringLiteral("PRAGMA temp_store = MEMORY"),
                QStringLiteral("PRAGMA wal_autocheckpoint = %1")
                    .arg(SqliteCheckpointer::kWriterCheckpointPages)};
    case Dialect::MySql:
        return {deferForeignKeys ? QStringLiteral("SET FOREIGN_KEY_CHECKS = 0")
                                 : QStringLiteral("SET FOREIGN_KEY_CHECKS = 1")};
    case Dialect::PostgreSql:
    case Dialect::Csv:
        break;
    }
    return {};
}

Result<void> TargetPreparer::applyLoadSettings(TargetSession &session, bool deferForeignKeys)
{
    for (const QString &statement : loadSettings(session.kind(), deferForeignKeys))
        if (auto done = session.execute(statement); !done)
            return done;
    return {};
}

Result<QStringList> TargetPreparer::existingColumns(TargetSession &session, const QString &table)
{
    QString sql;
    switch (session.kind()) {
    case Dialect::Sqlite:
        sql = QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid");
        break;
    case Dialect::PostgreSql:
        sql = QStringLiteral("SELECT column_name FROM information_schema.columns WHERE "
                             "table_schema = current_schema() AND table_name = ? "
                             "ORDER BY ordinal_position");
        break;
    case Dialect::MySql:
        sql = QStringLiteral("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE "
                             "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
                             "ORDER BY ORDINAL_POSITION");
        break;
    case Dialect::Csv:
        return Error(Error::Code::Usage, QStringLiteral("a CSV folder has no tables"), table);
    }
    auto rows = session.query(sql, {table});
    if (!rows)
        return rows.error();
    QStringList names;
    for (const QVariantList &row : std::as_const(*rows))
        names.append(row.value(0).toString());
    return names;
}

Result<void> TargetPreparer::timed(Report &report, const QString &table, const QString &action,
                                   const QString &sql)
{
    QElapsedTimer timer;
    timer.start();
    auto done = m_session.execute(sql);
    if (!done)
        return Error(
            done.error().code(),
            QStringLiteral("cannot %1 of table %2: %3").arg(action, table, done.error().message()),
            done.error().where(), done.error().hint());
    report.steps.append({table, action, timer.elapsed()});
    return {};
}

Result<void> TargetPreparer::createTable(Report &report, const TableInfo &table,
                                         const QStringList &created, LaterIndexes &later)
{
    // SQLite accepts references to tables that do not exist yet; PostgreSQL and MySQL get the
    // keys of a cycle (and all keys when deferring on PostgreSQL) afterwards.
    const bool inlineKeys =
        kind() == Dialect::Sqlite || !(m_options.deferForeignKeys && kind() == Dialect::PostgreSql);
    TableInfo definition = table;
    if (kind() != Dialect::Sqlite) {
        definition.foreignKeys.clear();
        for (const ForeignKeyInfo &key : table.foreignKeys) {
            const bool ready = key.referencedTable == table.name ||
                               created.contains(key.referencedTable) ||
                               !findTable(m_tables, key.referencedTable);
            if (inlineKeys && ready)
                definition.foreignKeys.append(key);
        }
    }
    if (auto done = timed(report, table.name, QStringLiteral("create table"),
                          DdlGenerator::createTable(definition, kind(), true));
        !done)
        return done;
    for (const IndexInfo &index : DdlGenerator::secondaryIndexes(table)) {
        if (m_options.dropSecondaryIndexes)
            continue;
        const QString name = DdlGenerator::indexName(table, index);
        if (auto done = timed(report, table.name, QStringLiteral("create index ") + name,
                              DdlGenerator::createIndex(table, index, kind()));
            !done)
            return done;
        // Made on the empty table, and dropped once every table is made: a definition the
        // target refuses (a name taken twice) fails here, with the tables, not after the load.
        if (m_options.indexesAfterLoad && DroppedIndexes::buildsAfterLoad(index))
            later.append({&table, index});
    }
    report.created.append(table.name);
    return {};
}

Result<void> TargetPreparer::verifyTable(const TableInfo &table, const QStringList &columns,
                                         QStringList &problems)
{
    QStringList missing;
    for (const ColumnInfo &column : table.columns)
        if (!columns.contains(column.name))
            missing.append(column.name);
    if (!missing.isEmpty())
        problems.append(QStringLiteral("table %1 lacks column(s) %2")
                            .arg(table.name, missing.join(QStringLiteral(", "))));
    return {};
}

// Creating tables leaves nothing half-made: PostgreSQL creates them in one transaction; SQLite
// and MySQL (whose DDL commits at once) drop the tables made so far when a later one fails.
Result<TargetPreparer::Report> TargetPreparer::beforeLoad()
{
    const bool transaction = kind() == Dialect::PostgreSql && !m_session.inTransaction();
    if (transaction)
        if (auto begun = m_session.begin(); !begun)
            return begun.error();
    QStringList created;
    auto report = prepareTables(created);
    if (!report) {
        if (transaction)
            (void)m_session.rollback();
        else
            dropTables(created);
        return report.error();
    }
    if (transaction)
        if (auto committed = m_session.commit(); !committed)
            return committed.error();
    return report;
}

void TargetPreparer::dropTables(const QStringList &names)
{
    for (auto it = names.crbegin(); it != names.crend(); ++it)
        (void)m_session.execute(
            QStringLiteral("DROP TABLE IF EXISTS %1").arg(m_session.quote(*it)));
}

Result<TargetPreparer::Report> TargetPreparer::prepareTables(QStringList &created)
{
    Report report;
    QStringList missingProblems;
    LaterIndexes later;
    for (const TableInfo &table : std::as_const(m_tables)) {
        auto columns = existingColumns(m_session, table.name);
        if (!columns)
            return columns.error();
        if (!columns->isEmpty()) {
            (void)verifyTable(table, *columns, missingProblems);
            if (m_options.dropSecondaryIndexes)
                for (const IndexInfo &index : DdlGenerator::secondaryIndexes(table))
                    if (auto done = timed(report, table.name,
                                          QStringLiteral("drop index ") +
                                              DdlGenerator::indexName(table, index),
                                          DdlGenerator::dropIndex(table, index, kind()));
                        !done)
                        return done.error();
            if (m_options.deferForeignKeys && kind() == Dialect::PostgreSql)
                for (const ForeignKeyInfo &key : table.foreignKeys)
                    if (auto done = timed(report, table.name,
                                          QStringLiteral("drop foreign key ") +
                                              DdlGenerator::foreignKeyName(table, key),
                                          DdlGenerator::dropForeignKey(table, key, kind()));
                        !done)
                        return done.error();
            continue;
        }
        if (!m_options.createMissing) {
            missingProblems.append(QStringLiteral("table %1 does not exist").arg(table.name));
            continue;
        }
        const QStringList before = created;
        created.append(table.name); // before its indexes, which may fail
        if (auto done = createTable(report, table, before, later); !done)
            return done.error();
    }
    if (!missingProblems.isEmpty())
        return Error(Error::Code::Schema, missingProblems.join(QStringLiteral("; ")),
                     m_session.spec().displayName(),
                     QStringLiteral("create the missing columns or let Cutover create the tables"));
    // Keys of cycles that could not be declared inline (PostgreSQL and MySQL).
    if (kind() != Dialect::Sqlite && !(m_options.deferForeignKeys && kind() == Dialect::PostgreSql))
        if (auto done = restoreForeignKeys(report); !done)
            return done.error();
    for (const auto &[table, index] : std::as_const(later))
        if (auto done = timed(report, table->name,
                              QStringLiteral("leave index %1 for after the load")
                                  .arg(DdlGenerator::indexName(*table, index)),
                              DdlGenerator::dropIndex(*table, index, kind()));
            !done)
            return done.error();
    return report;
}

Result<qint64> TargetPreparer::orphanCount(const TableInfo &table, const ForeignKeyInfo &key)
{
    QStringList present;
    QStringList matches;
    for (qsizetype i = 0; i < key.columns.size(); ++i) {
        const QString child = QStringLiteral("c.") + m_session.quote(key.columns.at(i));
        present.append(child + QStringLiteral(" IS NOT NULL"));
        matches.append(QStringLiteral("p.%1 = %2")
                           .arg(m_session.quote(key.referencedColumns.value(i)), child));
    }
    const QString sql =
        QStringLiteral("SELECT COUNT(*) FROM %1 c WHERE %2 AND NOT EXISTS "
                       "(SELECT 1 FROM %3 p WHERE %4)")
            .arg(m_session.quote(table.name), present.join(QStringLiteral(" AND ")),
                 m_session.quote(key.referencedTable), matches.join(QStringLiteral(" AND ")));
    auto rows = m_session.query(sql);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? qint64(0) : rows->first().value(0).toLongLong();
}

Result<bool> TargetPreparer::constraintExists(const TableInfo &table, const ForeignKeyInfo &key)
{
    const QString name = DdlGenerator::foreignKeyName(table, key);
    QString sql;
    if (kind() == Dialect::PostgreSql)
        sql = QStringLiteral("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = to_regclass(?) "
                             "AND conname = ?");
    else if (kind() == Dialect::MySql)
        sql = QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE "
                             "CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? AND "
                             "CONSTRAINT_NAME = ? AND CONSTRAINT_TYPE = 'FOREIGN KEY'");
    else
        return true;
    const QString tableArgument =
        kind() == Dialect::PostgreSql ? m_session.quote(table.name) : table.name;
    auto rows = m_session.query(sql, {tableArgument, name});
    if (!rows)
        return rows.error();
    return !rows->isEmpty() && rows->first().value(0).toLongLong() > 0;
}

Result<void> TargetPreparer::restoreForeignKeys(Report &report)
{
    for (const TableInfo &table : std::as_const(m_tables)) {
        for (const ForeignKeyInfo &key : table.foreignKeys) {
            if (!findTable(m_tables, key.referencedTable))
                continue;
            auto exists = constraintExists(table, key);
            if (!exists)
                return exists.error();
            if (*exists)
                continue;
            const QString name = DdlGenerator::foreignKeyName(table, key);
            if (auto done = timed(report, table.name, QStringLiteral("add foreign key ") + name,
                                  DdlGenerator::addForeignKey(table, key, kind()));
                !done)
                return done;
        }
    }
    return {};
}

// PostgreSQL: each identity or serial column's sequence continues after the largest value the
// table holds, so that the next row inserted without a key does not collide with a loaded one.
Result<void> TargetPreparer::moveIdentitySequences(Report &report)
{
    if (kind() != Dialect::PostgreSql)
        return {};
    for (const TableInfo &table : std::as_const(m_tables))
        for (const ColumnInfo &column : table.columns) {
            if (!column.autoIncrement)
                continue;
            const QString sql =
                QStringLiteral("SELECT setval(s, COALESCE((SELECT max(%1) FROM %2), 1), "
                               "(SELECT max(%1) FROM %2) IS NOT NULL) FROM "
                               "pg_get_serial_sequence(%3, %4) AS s WHERE s IS NOT NULL")
                    .arg(m_session.quote(column.name), m_session.quote(table.name),
                         SqlDialect::quoteString(m_session.quote(table.name)),
                         SqlDialect::quoteString(column.name));
            QElapsedTimer timer;
            timer.start();
            if (auto moved = m_session.query(sql); !moved)
                return moved.error();
            report.steps.append(
                {table.name,
                 QStringLiteral("move the sequence of %1 past its values").arg(column.name),
                 timer.elapsed()});
        }
    return {};
}

Result<TargetPreparer::Report> TargetPreparer::afterLoad()
{
    Report report;
    const bool sorterThreads =
        (m_options.dropSecondaryIndexes || !m_options.laterIndexes.isEmpty()) &&
        kind() == Dialect::Sqlite;
    if (sorterThreads)
        (void)m_session.execute(QStringLiteral("PRAGMA threads = %1").arg(kSorterThreads));
    const auto noSorterThreads = qScopeGuard([&] {
        if (sorterThreads)
            (void)m_session.execute(QStringLiteral("PRAGMA threads = 0"));
    });
    for (const TableInfo &table : std::as_const(m_tables))
        for (const IndexInfo &index : m_options.dropSecondaryIndexes
                                          ? DdlGenerator::secondaryIndexes(table)
                                          : m_options.laterIndexes.indexesOf(table.name))
            if (auto done =
                    timed(report, table.name,
                          QStringLiteral("create index ") + DdlGenerator::indexName(table, index),
                          DdlGenerator::createIndex(table, index, kind(), true));
                !done)
                return done.error();
    if (auto moved = moveIdentitySequences(report); !moved)
        return moved.error();
    if (!m_options.deferForeignKeys)
        return report;
    bool orphans = false;
    for (const TableInfo &table : std::as_const(m_tables)) {
        for (const ForeignKeyInfo &key : table.foreignKeys) {
            if (!findTable(m_tables, key.referencedTable))
                continue;
            QElapsedTimer timer;
            timer.start();
            auto count = orphanCount(table, key);
            if (!count)
                return count.error();
            report.steps.append(
                {table.name,
                 QStringLiteral("check foreign key ") + DdlGenerator::foreignKeyName(table, key),
                 timer.elapsed()});
            if (*count > 0) {
                orphans = true;
                report.problems.append(
                    QStringLiteral("%1 row(s) of table %2 refer to missing rows of table %3 "
                                   "(foreign key %4)")
                        .arg(*count)
                        .arg(table.name, key.referencedTable,
                             DdlGenerator::foreignKeyName(table, key)));
            }
        }
    }
    if (kind() == Dialect::PostgreSql && !orphans)
        if (auto done = restoreForeignKeys(report); !done)
            return done.error();
    return report;
}

bool TargetPreparer::isReferencedFromOutside(const TableInfo &table, const QStringList &names) const
{
    for (const TableInfo &other : m_tables)
        for (const ForeignKeyInfo &key : other.foreignKeys)
            if (key.referencedTable == table.name && other.name != table.name &&
                !names.contains(other.name))
                return true;
    return false;
}

Result<TargetPreparer::Report> TargetPreparer::truncate(const QStringList &names)
{
    Report report;
    QList<TableInfo> chosen;
    QStringList chosenNames;
    for (const TableInfo &table : std::as_const(m_tables))
        if (names.isEmpty() || names.contains(table.name)) {
            chosen.prepend(table); // children first
            chosenNames.append(table.name);
        }
    bool referencedFromOutside = false;
    for (const TableInfo &table : std::as_const(chosen))
        referencedFromOutside =
            referencedFromOutside || isReferencedFromOutside(table, chosenNames);
    if (kind() == Dialect::PostgreSql && !referencedFromOutside && !chosen.isEmpty()) {
        QStringList quoted;
        for (const TableInfo &table : std::as_const(chosen))
            quoted.append(m_session.quote(table.name));
        if (auto done =
                timed(report, chosenNames.join(QStringLiteral(", ")), QStringLiteral("truncate"),
                      QStringLiteral("TRUNCATE TABLE ") + quoted.join(QStringLiteral(", ")));
            !done)
            return done.error();
        return report;
    }
    for (const TableInfo &table : std::as_const(chosen)) {
        bool referenced = false;
        for (const TableInfo &other : std::as_const(m_tables))
            for (const ForeignKeyInfo &key : other.foreignKeys)
                referenced = referenced || key.referencedTable == table.name;
        const bool useTruncate = kind() == Dialect::MySql && !referenced;
        const QString sql = useTruncate
                                ? QStringLiteral("TRUNCATE TABLE ") + m_session.quote(table.name)
                                : QStringLiteral("DELETE FROM ") + m_session.quote(table.name);
        if (auto done =
                timed(report, table.name,
                      useTruncate ? QStringLiteral("truncate") : QStringLiteral("delete"), sql);
            !done)
            return done.error();
    }
    return report;
}

} // namespace cutover
