// What RollbackPreconditions refuses and what force overrides, decided from run records, the
// project and (for SQLite) the backup file alone: no database is changed or even opened.
#include "run/RollbackPreconditions.h"
#include "run/target/SqliteBackup.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cutover;

namespace {

RunRecord finishedRun(const QString &id, RunMode mode = RunMode::Run)
{
    RunRecord run;
    run.runId = id;
    run.mode = mode;
    run.status = RunStatus::Succeeded;
    return run;
}

RunTableRecord loaded(const QString &table, qint64 rows, bool created = false)
{
    RunTableRecord t;
    t.tableName = table;
    t.loaded = rows;
    t.createdTable = created;
    return t;
}

TableMapping mapping(const QString &target, TableMapping::Mode mode,
                     const QStringList &columns = {QStringLiteral("id")})
{
    TableMapping m;
    m.target = target;
    m.mode = mode;
    for (const QString &column : columns)
        m.columns.append({column, column});
    return m;
}

TableInfo keyed(const QString &name, const QStringList &key = {QStringLiteral("id")})
{
    TableInfo t;
    t.name = name;
    t.primaryKey = key;
    return t;
}

ConnectionSpec server()
{
    return ConnectionSpec::parse(QStringLiteral("postgresql://cutover@localhost/shop")).value();
}

} // namespace

class TestRollbackPreconditions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aDryRunOrARolledBackRunHasNothingToUndo()
    {
        Project project;
        RollbackPreconditions preconditions(project, server(), QStringLiteral("shop"));
        QStringList forced;
        auto dry = preconditions.check(finishedRun("r1", RunMode::DryRun), {}, true, forced);
        QVERIFY(!dry);
        QCOMPARE(dry.error().code(), Error::Code::Usage);
        QVERIFY(dry.error().message().contains(QLatin1String("dry run")));
        RunRecord undone = finishedRun("r2");
        undone.status = RunStatus::RolledBack;
        auto again = preconditions.check(undone, {}, true, forced);
        QVERIFY(!again);
        QVERIFY(again.error().message().contains(QLatin1String("already rolled back")));
        QVERIFY(forced.isEmpty());
        QVERIFY(preconditions.check(finishedRun("r3"), {}, false, forced).ok());
    }

    void aSqliteRunNeedsItsBackup()
    {
        QTemporaryDir dir;
        const QString database = dir.filePath(QStringLiteral("target.sqlite"));
        Project project;
        RollbackPreconditions preconditions(
            project, ConnectionSpec::parse(QStringLiteral("sqlite:") + database).value(),
            QStringLiteral("target"));
        const RunRecord run = finishedRun("r1");
        QStringList forced;
        auto missing = preconditions.check(run, {}, true, forced);
        QVERIFY(!missing);
        QVERIFY(missing.error().message().contains(QLatin1String("backup")));
        QCOMPARE(preconditions.backupFile(run), SqliteBackup::backupPath(database, "r1"));
        QFile backup(preconditions.backupFile(run));
        QVERIFY(backup.open(QIODevice::WriteOnly));
        backup.close();
        QVERIFY(preconditions.check(run, {}, false, forced).ok());
    }

    void aRunningRunOrLaterRunsNeedForce()
    {
        Project project;
        RollbackPreconditions preconditions(project, server(), QStringLiteral("shop"));
        RunRecord run = finishedRun("r1");
        run.status = RunStatus::Running;
        const QList<RunRecord> history = {finishedRun("r3"), finishedRun("r2", RunMode::DryRun),
                                          run};
        const QList<RunRecord> later = RollbackPreconditions::laterRuns(history, run);
        QCOMPARE(later.size(), 1); // the dry run left no rows
        QCOMPARE(later.first().runId, QStringLiteral("r3"));
        QStringList forced;
        auto refused = preconditions.check(run, later, false, forced);
        QVERIFY(!refused);
        QVERIFY(refused.error().message().contains(QLatin1String("still marked running")));
        QVERIFY(refused.error().message().contains(QLatin1String("r3")));
        QVERIFY(forced.isEmpty());
        QVERIFY(preconditions.check(run, later, true, forced).ok());
        QCOMPARE(forced.size(), 2);
    }

    void deletingRowsCannotUndoUpsertsTruncatesOrUnkeyedRows()
    {
        Project project;
        project.mappings = {mapping("customer", TableMapping::Mode::Upsert),
                            mapping("price", TableMapping::Mode::TruncateLoad),
                            mapping("audit", TableMapping::Mode::Insert),
                            mapping("invoice", TableMapping::Mode::Insert, {"number"}),
                            mapping("order", TableMapping::Mode::Insert),
                            mapping("fresh", TableMapping::Mode::Upsert)};
        RollbackPreconditions preconditions(project, server(), QStringLiteral("shop"));
        RunRecord run = finishedRun("r1");
        run.tables = {loaded("customer", 5), loaded("price", 0), loaded("audit", 3),
                      loaded("invoice", 2),  loaded("order", 4), loaded("fresh", 9, true),
                      loaded("untouched", 0)};
        const QStringList risks =
            preconditions.hazards(run, {keyed("customer"), keyed("price"), keyed("audit", {}),
                                        keyed("invoice"), keyed("order"), keyed("fresh")});
        QCOMPARE(risks.size(), 4);
        QVERIFY(risks.at(0).startsWith(QLatin1String("customer existed before the run, which "
                                                     "upserted")));
        QVERIFY(risks.at(1).contains(QLatin1String("emptied price")));
        QVERIFY(risks.at(2).startsWith(QLatin1String("audit has no primary key")));
        QVERIFY(risks.at(3).startsWith(QLatin1String("invoice has keys the database generates")));
    }

    void aRunRecordKnowsTheTablesItCreated()
    {
        RunRecord run = finishedRun("r1");
        run.tables = {loaded("customer", 5, true), loaded("order", 4)};
        run.options[QStringLiteral("createdTables")] = QJsonArray{"customer", "line"};
        QCOMPARE(run.touchedTables(), (QStringList{"customer", "order", "line"}));
        QVERIFY(run.created("customer"));
        QVERIFY(run.created("line")); // never reached: no table record, but created
        QVERIFY(!run.created("order"));
        QCOMPARE(run.table("order")->loaded, 4);
        QVERIFY(!run.table("line"));
    }
};

QTEST_GUILESS_MAIN(TestRollbackPreconditions)
#include "tst_rollbackpreconditions.moc"
