#include "TargetSessionConformance.h"
#include "run/target/SqliteTargetSession.h"
#include "run/target/TargetSessionFactory.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace cutover;
using cutover::test::TargetSessionConformance;

// The SQLite writer on a real file: every normalized type through prepared statements, upsert,
// rollback, awkward identifiers and a large insert (the shared checks of
// TargetSessionConformance).
class TestSqliteTargetSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TargetSession> m_session;
    TargetSessionConformance m_conformance;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("target.db")));
        QVERIFY(spec.ok());
        auto session = TargetSessionFactory::open(*spec);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        m_session = std::move(session).value();
        m_conformance.setSession(m_session.get());
        QCOMPARE(m_session->kind(), ConnectionSpec::Kind::Sqlite);
        const QString failure = m_conformance.createTable();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void roundTripsEveryType()
    {
        const QString failure =
            m_conformance.roundTripsEveryType([](int c, QVariant &want, QVariant &got) -> QString {
                if (want.typeId() == QMetaType::Bool)
                    want = qint64(want.toBool() ? 1 : 0);
                if (c == 3 && !want.isNull()) { // decimal(12,2): NUMERIC affinity, exact value
                    if (got.typeId() != int(QMetaType::Double))
                        return QStringLiteral("read as %1, not as a double")
                            .arg(QString::fromLatin1(got.typeName()));
                    if (!qFuzzyCompare(got.toDouble(), want.toString().toDouble()))
                        return QStringLiteral("%1 != %2").arg(got.toDouble()).arg(want.toString());
                    want = got;
                }
                return {};
            });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void upsertChangesOnlyTheRightRows()
    {
        const QString failure = m_conformance.upsertChangesOnlyTheRightRows();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void rollbackLeavesNothing()
    {
        const QString failure = m_conformance.rollbackLeavesNothing();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void executeAndQueryBindParameters()
    {
        const QString failure =
            m_conformance.executeAndQueryBindParameters(QStringLiteral("? IS NULL"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void largeInsertCompletes()
    {
        const QString failure = m_conformance.largeInsertCompletes(
            QStringLiteral("CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT, amount REAL)"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // Two writers of one file: one holds its transaction longer than SQLite's busy timeout, then
    // starts the next at once (as a loading table does). The other waits its turn and writes in
    // between; when it gave up waiting after the busy timeout, SQLite's polling missed the short
    // gap between the two transactions and it failed with "database is locked".
    void writerWaitsItsTurnBehindALongTransaction()
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("gate.db")));
        QVERIFY(spec.ok());
        auto first = TargetSessionFactory::open(*spec);
        auto second = TargetSessionFactory::open(*spec);
        QVERIFY(first.ok() && second.ok());
        TargetSession &a = **first;
        TargetSession &b = **second;
        QVERIFY(a.execute(QStringLiteral("CREATE TABLE turns (who TEXT)")).ok());
        QVERIFY(a.begin().ok());
        QVERIFY(a.execute(QStringLiteral("INSERT INTO turns VALUES ('a1')")).ok());
        std::atomic<bool> done = false;
        QString failure;
        std::unique_ptr<QThread> other(QThread::create([&] {
            Result<void> written = b.begin();
            if (written)
                written = b.execute(QStringLiteral("INSERT INTO turns VALUES ('b')"));
            if (written)
                written = b.commit();
            if (!written)
                failure = written.error().toString();
            done = true;
        }));
        other->start();
        QThread::msleep(SqliteTargetSession::kBusyTimeoutMs + 1000);
        QVERIFY(a.commit().ok());
        QVERIFY(a.begin().ok());
        QVERIFY(a.execute(QStringLiteral("INSERT INTO turns VALUES ('a2')")).ok());
        for (int waited = 0; !done && waited < SqliteTargetSession::kBusyTimeoutMs; waited += 50)
            QThread::msleep(50);
        QVERIFY(a.commit().ok());
        QVERIFY(other->wait(60000));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto order = a.query(QStringLiteral("SELECT who FROM turns ORDER BY rowid"));
        QVERIFY(order.ok());
        QStringList turns;
        for (const QVariantList &row : std::as_const(*order))
            turns.append(row.value(0).toString());
        QCOMPARE(turns, (QStringList{"a1", "b", "a2"}));
    }
};

QTEST_GUILESS_MAIN(TestSqliteTargetSession)
#include "tst_sqlitetargetsession.moc"
