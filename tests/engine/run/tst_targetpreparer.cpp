#include "FakePasswordProvider.h"
#include "PostgresServer.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSessionFactory.h"
#include "schema/ForeignKeyOrder.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::PostgresServer;

// Target preparation on SQLite and PostgreSQL: tables created in foreign-key order, existing
// tables verified, secondary indexes dropped and rebuilt, foreign keys deferred and checked,
// tables truncated, with a timed step for each.
class TestTargetPreparer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakePasswordProvider m_passwords;

    static ColumnInfo column(const QString &name, NormalizedType type, bool nullable = true)
    {
        ColumnInfo c;
        c.name = name;
        c.type = type;
        c.nullable = nullable;
        return c;
    }

    // Given children first, so creating them in the order given would fail on PostgreSQL.
    static QList<TableInfo> tables()
    {
        TableInfo grandchild;
        grandchild.name = QStringLiteral("visit note");
        grandchild.columns = {column(QStringLiteral("id"), NormalizedType::integer(), false),
                              column(QStringLiteral("visit"), NormalizedType::integer())};
        grandchild.primaryKey = {QStringLiteral("id")};
        grandchild.foreignKeys = {{QString(),
                                   {QStringLiteral("visit")},
                                   QStringLiteral("visit"),
                                   {QStringLiteral("id")}}};
        TableInfo child;
        child.name = QStringLiteral("visit");
        child.columns = {column(QStringLiteral("id"), NormalizedType::integer(), false),
                         column(QStringLiteral("patient"), NormalizedType::integer()),
                         column(QStringLiteral("day"), NormalizedType(NormalizedType::Kind::Date))};
        child.primaryKey = {QStringLiteral("id")};
        child.foreignKeys = {{QStringLiteral("visit patient"),
                              {QStringLiteral("patient")},
                              QStringLiteral("patient"),
                              {QStringLiteral("id")}}};
        child.indexes = {{QStringLiteral("visit by day"), {QStringLiteral("day")}, false, false}};
        TableInfo parent;
        parent.name = QStringLiteral("patient");
        parent.columns = {column(QStringLiteral("id"), NormalizedType::integer(), false),
                          column(QStringLiteral("name"), NormalizedType::text(80))};
        parent.primaryKey = {QStringLiteral("id")};
        return {grandchild, child, parent};
    }

    static QStringList actions(const TargetPreparer::Report &report)
    {
        QStringList result;
        for (const TargetPreparer::Step &step : report.steps) {
            result.append(step.table + QStringLiteral(": ") + step.action);
            Q_ASSERT(step.milliseconds >= 0);
        }
        return result;
    }

    static qint64 scalar(TargetSession &session, const QString &sql,
                         const QVariantList &params = {})
    {
        auto rows = session.query(sql, params);
        return rows && !rows->isEmpty() ? rows->first().value(0).toLongLong() : -1;
    }

    static void fill(TargetSession &session, bool orphan)
    {
        QVERIFY(session
                    .insertRows(QStringLiteral("patient"),
                                {QStringLiteral("id"), QStringLiteral("name")},
                                {{qint64(1), QStringLiteral("Ada")}})
                    .ok());
        QVERIFY(session
                    .insertRows(
                        QStringLiteral("visit"),
                        {QStringLiteral("id"), QStringLiteral("patient"), QStringLiteral("day")},
                        {{qint64(10), qint64(orphan ? 2 : 1), QStringLiteral("2024-01-02")}})
                    .ok());
        QVERIFY(session
                    .insertRows(QStringLiteral("visit note"),
                                {QStringLiteral("id"), QStringLiteral("visit")},
                                {{qint64(100), qint64(10)}})
                    .ok());
    }

private Q_SLOTS:
    void ordersByForeignKeys()
    {
        QStringList names;
        for (const TableInfo &table : ForeignKeyOrder::parentsFirst(tables()))
            names.append(table.name);
        QCOMPARE(names, (QStringList{QStringLiteral("patient"), QStringLiteral("visit"),
                                     QStringLiteral("visit note")}));
    }

    void preparesSqlite()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("prepare.db")));
        auto opened = TargetSessionFactory::open(*spec);
        QVERIFY(opened.ok());
        TargetSession &session = **opened;

        TargetPreparer creator(session, tables(), {});
        auto created = creator.beforeLoad();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->created, (QStringList{QStringLiteral("patient"), QStringLiteral("visit"),
                                                QStringLiteral("visit note")}));
        QVERIFY(actions(*created).contains(QStringLiteral("visit: create index visit by day")));
        QCOMPARE(scalar(session,
                        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = ?"),
                        {QStringLiteral("visit by day")}),
                 qint64(1));

        // Loading into the existing tables: indexes dropped, foreign keys off, then rebuilt.
        TargetPreparer loader(session, tables(), {false, true, true});
        auto before = loader.beforeLoad();
        QVERIFY(before.ok());
        QVERIFY(before->created.isEmpty());
        QCOMPARE(actions(*before), QStringList{QStringLiteral("visit: drop index visit by day")});
        QCOMPARE(scalar(session,
                        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = ?"),
                        {QStringLiteral("visit by day")}),
                 qint64(0));
        QVERIFY(TargetPreparer::applyLoadSettings(session, true).ok());
        QVERIFY(session.begin().ok());
        fill(session, true);
        QVERIFY(session.commit().ok());
        auto after = loader.afterLoad();
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
        QVERIFY(actions(*after).contains(QStringLiteral("visit: create index visit by day")));
        QCOMPARE(after->problems.size(), 1);
        QVERIFY(after->problems.first().contains(QStringLiteral("visit patient")));
        QCOMPARE(scalar(session,
                        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = ?"),
                        {QStringLiteral("visit by day")}),
                 qint64(1));

        auto emptied = loader.truncate();
        QVERIFY(emptied.ok());
        QCOMPARE(actions(*emptied).first(), QStringLiteral("visit note: delete"));
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM patient")), qint64(0));
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM \"visit note\"")), qint64(0));

        // A wanted column the existing table lacks is reported by name.
        QList<TableInfo> wider = tables();
        wider[2].columns.append(column(QStringLiteral("born"), NormalizedType::text()));
        auto verified = TargetPreparer(session, wider, {}).beforeLoad();
        QVERIFY(!verified.ok());
        QCOMPARE(verified.error().code(), Error::Code::Schema);
        QVERIFY2(verified.error().message().contains(QStringLiteral("born")),
                 qPrintable(verified.error().toString()));
    }

    // A run that creates its tables builds their plain indexes after the load; a unique one is
    // made at once, to refuse duplicates as the rows come.
    void leavesPlainIndexesForAfterTheLoad()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("later.db")));
        auto opened = TargetSessionFactory::open(*spec);
        QVERIFY(opened.ok());
        TargetSession &session = **opened;
        QList<TableInfo> wanted = tables();
        wanted[2].indexes = {{QStringLiteral("patient by name"), {QStringLiteral("name")}, true}};
        const QString count =
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?");

        TargetPreparer::Options options;
        options.indexesAfterLoad = true;
        auto created = TargetPreparer(session, wanted, options).beforeLoad();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QVERIFY(actions(*created).contains(
            QStringLiteral("visit: leave index visit by day for after the load")));
        QCOMPARE(scalar(session, count, {QStringLiteral("visit by day")}), qint64(0));
        QCOMPARE(scalar(session, count, {QStringLiteral("patient by name")}), qint64(1));

        options.indexesAfterLoad = false;
        options.laterIndexes = DroppedIndexes::plainOf(wanted);
        auto after = TargetPreparer(session, wanted, options).afterLoad();
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().toString()));
        QCOMPARE(actions(*after), QStringList{QStringLiteral("visit: create index visit by day")});
        QCOMPARE(scalar(session, count, {QStringLiteral("visit by day")}), qint64(1));
    }

    void preparesPostgres()
    {
        if (const QString missing = PostgresServer::whyUnavailable(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        qunsetenv("PGPASSWORD");
        PostgresServer server;
        auto started = server.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(server.spec(), server.password());
        auto opened = TargetSessionFactory::open(server.spec(), &m_passwords);
        QVERIFY(opened.ok());
        TargetSession &session = **opened;
        const QString constraints =
            QStringLiteral("SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f'");

        auto created = TargetPreparer(session, tables(), {}).beforeLoad();
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        QCOMPARE(created->created.size(), 3);
        QCOMPARE(scalar(session, constraints), qint64(2));

        TargetPreparer loader(session, tables(), {false, true, true});
        auto before = loader.beforeLoad();
        QVERIFY2(before.ok(), qPrintable(before.ok() ? QString() : before.error().toString()));
        QCOMPARE(scalar(session, constraints), qint64(0));
        QVERIFY(actions(*before).contains(QStringLiteral("visit: drop foreign key visit patient")));
        QVERIFY(session.begin().ok());
        fill(session, true);
        QVERIFY(session.commit().ok());
        auto after = loader.afterLoad();
        QVERIFY(after.ok());
        QCOMPARE(after->problems.size(), 1);
        QCOMPARE(scalar(session, constraints), qint64(0)); // not re-added over an orphan
        QVERIFY(session.execute(QStringLiteral("UPDATE visit SET patient = 1")).ok());
        auto fixed = loader.afterLoad();
        QVERIFY(fixed.ok());
        QVERIFY(fixed->problems.isEmpty());
        QCOMPARE(scalar(session, constraints), qint64(2));
        QCOMPARE(scalar(session,
                        QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname = ?"),
                        {QStringLiteral("visit by day")}),
                 qint64(1));

        auto emptied = loader.truncate();
        QVERIFY2(emptied.ok(), qPrintable(emptied.ok() ? QString() : emptied.error().toString()));
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM patient")), qint64(0));
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM visit")), qint64(0));
        // Only the children: the parent stays.
        QVERIFY(session.begin().ok());
        fill(session, false);
        QVERIFY(session.commit().ok());
        auto children = loader.truncate({QStringLiteral("visit"), QStringLiteral("visit note")});
        QVERIFY(children.ok());
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM patient")), qint64(1));
        QCOMPARE(scalar(session, QStringLiteral("SELECT COUNT(*) FROM visit")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestTargetPreparer)
#include "tst_targetpreparer.moc"
