#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "TargetSessionConformance.h"
#include "run/target/MySqlTargetSession.h"
#include "run/target/TargetSessionFactory.h"

#include <QTest>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;
using cutover::test::TargetSessionConformance;

// The MySQL/MariaDB writer on a real server: every normalized type through multi-row INSERT,
// ON DUPLICATE KEY upserts, rollback, awkward identifiers, a large insert (many statements) and
// a lost connection (the shared checks of TargetSessionConformance).
class TestMySqlTargetSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MariaDbServer> m_server;
    FakePasswordProvider m_passwords;
    std::unique_ptr<TargetSession> m_session;
    TargetSessionConformance m_conformance;

    // Temporal columns as MariaDB spells them (QMYSQL's QDateTime stops at milliseconds).
    QStringList selectList() const
    {
        const QStringList columns = TargetSessionConformance::columns();
        QStringList select;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            const QString quoted = m_session->quote(columns.at(c));
            select.append(c >= 7 && c <= 10 ? QStringLiteral("CAST(%1 AS CHAR)").arg(quoted)
                                            : quoted);
        }
        return select;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString missing = MariaDbServer::whyUnavailable();
        if (!missing.isEmpty()) {
            if (qEnvironmentVariableIsSet("CI"))
                QFAIL(qPrintable(QStringLiteral("CI must run the MariaDB tests: ") + missing));
            QSKIP(qPrintable(missing));
        }
        m_server = std::make_unique<MariaDbServer>();
        auto started = m_server->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_passwords.set(m_server->spec(), m_server->password());
        auto session = TargetSessionFactory::open(m_server->spec(), &m_passwords);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().toString()));
        m_session = std::move(session).value();
        m_conformance.setSession(m_session.get());
        m_conformance.setSelectList(selectList());
        QCOMPARE(m_session->kind(), ConnectionSpec::Kind::MySql);
        const QString failure = m_conformance.createTable();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void roundTripsEveryType()
    {
        const QString failure =
            m_conformance.roundTripsEveryType([](int c, QVariant &want, QVariant &got) -> QString {
                if (want.typeId() == QMetaType::Bool)
                    want = qint64(want.toBool() ? 1 : 0);
                if (c >= 8 && c <= 10 && !want.isNull()) { // DATETIME(6) and TIME(6)
                    QString text = want.toString().replace(QLatin1Char('T'), QLatin1Char(' '));
                    text.remove(QLatin1Char('Z'));
                    if (!text.contains(QLatin1Char('.')))
                        text += QStringLiteral(".000000");
                    want = text;
                }
                if (c == 12 && !got.isNull()) // JSON is utf8mb4_bin text: QMYSQL gives bytes
                    got = QString::fromUtf8(got.toByteArray());
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
            m_conformance.executeAndQueryBindParameters(QStringLiteral("CAST(? AS CHAR) IS NULL"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void largeInsertCompletes()
    {
        const QString failure = m_conformance.largeInsertCompletes(
            QStringLiteral("CREATE TABLE big (id BIGINT PRIMARY KEY, name TEXT, amount DOUBLE)"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        auto amount =
            m_session->query(QStringLiteral("SELECT amount FROM big WHERE id = ?"), {qint64(1)});
        QVERIFY(amount.ok());
        QCOMPARE(amount->first().first(), QVariant(1.0 / 7.0));
    }

    void lostConnectionIsReportedAsSuch()
    {
        auto id = m_session->query(QStringLiteral("SELECT CONNECTION_ID()"));
        QVERIFY(id.ok());
        QVERIFY(
            m_server->execAsAdmin({QStringLiteral("KILL %1").arg(id->first().first().toLongLong())})
                .ok());
        const QString failure = m_conformance.lostConnectionIsReportedAsSuch();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestMySqlTargetSession)
#include "tst_mysqltargetsession.moc"
