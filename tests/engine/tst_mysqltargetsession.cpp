#include "DdlGenerator.h"
#include "FakePasswordProvider.h"
#include "MariaDbServer.h"
#include "MySqlTargetSession.h"
#include "TargetSessionFactory.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cutover;
using cutover::test::FakePasswordProvider;
using cutover::test::MariaDbServer;

// The MySQL/MariaDB writer on a real server: every normalized type through multi-row INSERT,
// ON DUPLICATE KEY upserts, rollback, awkward identifiers, a large insert (many statements) and
// a lost connection.
class TestMySqlTargetSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MariaDbServer> m_server;
    FakePasswordProvider m_passwords;
    std::unique_ptr<TargetSession> m_session;
    const QString m_table = QStringLiteral("select \"odd\" table");

    static ColumnInfo column(const QString &name, NormalizedType type, bool nullable = true)
    {
        ColumnInfo c;
        c.name = name;
        c.type = type;
        c.nullable = nullable;
        return c;
    }

    TableInfo table() const
    {
        TableInfo t;
        t.name = m_table;
        t.columns = {
            column(QStringLiteral("my id"), NormalizedType::integer(), false),
            column(QStringLiteral("big"), NormalizedType::integer()),
            column(QStringLiteral("wide \"decimal\""), NormalizedType::decimal(38, 10)),
            column(QStringLiteral("price"), NormalizedType::decimal(12, 2)),
            column(QStringLiteral("order"), NormalizedType(NormalizedType::Kind::Real)),
            column(QStringLiteral("label"), NormalizedType::text()),
            column(QStringLiteral("flag"), NormalizedType(NormalizedType::Kind::Boolean)),
            column(QStringLiteral("day"), NormalizedType(NormalizedType::Kind::Date)),
            column(QStringLiteral("at"), NormalizedType(NormalizedType::Kind::Time)),
            column(QStringLiteral("stamp"), NormalizedType(NormalizedType::Kind::Timestamp)),
            column(QStringLiteral("stamp tz"), NormalizedType(NormalizedType::Kind::TimestampTz)),
            column(QStringLiteral("uuid"), NormalizedType(NormalizedType::Kind::Uuid)),
            column(QStringLiteral("doc"), NormalizedType(NormalizedType::Kind::Json)),
            column(QStringLiteral("data"), NormalizedType(NormalizedType::Kind::Blob))};
        t.primaryKey = {QStringLiteral("my id")};
        return t;
    }

    QStringList columns() const
    {
        QStringList names;
        for (const ColumnInfo &c : table().columns)
            names.append(c.name);
        return names;
    }

    static QByteArray allBytes()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        return bytes;
    }

    static QList<QVariantList> rows()
    {
        return {
            {qint64(1), std::numeric_limits<qint64>::max(),
             QStringLiteral("1234567890123456789012345678.1234567890"), QStringLiteral("12.50"),
             1.0 / 3.0, QStringLiteral("tab\there\nnew line\r\\back\\slash \\N"), true,
             QStringLiteral("2024-02-29"), QStringLiteral("10:30:00.123456"),
             QStringLiteral("2024-02-29T10:30:00.123456"),
             QStringLiteral("2024-02-29T10:30:00.123456Z"),
             QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"),
             QStringLiteral("{\"a\": [1, 2.5, \"x\"]}"), allBytes()},
            {qint64(2), std::numeric_limits<qint64>::min(), QStringLiteral("-0.0000000001"),
             QStringLiteral("0.10"), 1e-300, QStringLiteral("Zürich — 東京 ✓ ''quoted''"), false,
             QStringLiteral("0001-01-01"), QStringLiteral("00:00:00"),
             QStringLiteral("1999-12-31T23:59:59"), QStringLiteral("1970-01-01T00:00:00Z"),
             QStringLiteral("00000000-0000-0000-0000-000000000000"), QStringLiteral("[]"),
             QByteArray()},
            {qint64(3), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(),
             QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant()},
        };
    }

    QList<QVariantList> readAll()
    {
        // Temporal columns as MariaDB spells them (QMYSQL's QDateTime stops at milliseconds).
        QStringList select;
        for (const QString &name : columns()) {
            const qsizetype c = columns().indexOf(name);
            select.append(c >= 7 && c <= 10
                              ? QStringLiteral("CAST(%1 AS CHAR)").arg(m_session->quote(name))
                              : m_session->quote(name));
        }
        auto result = m_session->query(
            QStringLiteral("SELECT %1 FROM %2 ORDER BY 1")
                .arg(select.join(QStringLiteral(", ")), m_session->quote(m_table)));
        if (!result) {
            qWarning("%s", qPrintable(result.error().toString()));
            return {};
        }
        return *result;
    }

    qint64 count(const QString &tableName)
    {
        auto result = m_session->query(
            QStringLiteral("SELECT COUNT(*) FROM %1").arg(m_session->quote(tableName)));
        return result ? result->value(0).value(0).toLongLong() : -1;
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
        QCOMPARE(m_session->kind(), ConnectionSpec::Kind::MySql);
        auto created = m_session->execute(DdlGenerator::createTable(table(), m_session->kind()));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
    }

    void roundTripsEveryType()
    {
        QVERIFY(m_session->begin().ok());
        QVERIFY(m_session->inTransaction());
        auto written = m_session->insertRows(m_table, columns(), rows());
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QCOMPARE(*written, qint64(3));
        QVERIFY(m_session->commit().ok());
        QVERIFY(!m_session->inTransaction());

        const QList<QVariantList> read = readAll();
        QCOMPARE(read.size(), 3);
        const QList<QVariantList> expected = rows();
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < expected.at(r).size(); ++c) {
                QVariant want = expected.at(r).at(c);
                if (want.typeId() == QMetaType::Bool)
                    want = qint64(want.toBool() ? 1 : 0);
                if (c >= 8 && c <= 10 && !want.isNull()) { // DATETIME(6) and TIME(6)
                    QString text = want.toString().replace(QLatin1Char('T'), QLatin1Char(' '));
                    text.remove(QLatin1Char('Z'));
                    if (!text.contains(QLatin1Char('.')))
                        text += QStringLiteral(".000000");
                    want = text;
                }
                QVariant got = read.at(r).at(c);
                if (c == 12 && !got.isNull()) // JSON is utf8mb4_bin text: QMYSQL gives bytes
                    got = QString::fromUtf8(got.toByteArray());
                QVERIFY2(got == want && got.isNull() == want.isNull(),
                         qPrintable(QStringLiteral("row %1 column %2: %3 (%5 %6) != %4")
                                        .arg(r)
                                        .arg(columns().at(c), got.toString(), want.toString(),
                                             QString::fromLatin1(got.typeName()))
                                        .arg(got.isNull())));
            }
        }
        QCOMPARE(read.at(0).at(4).toDouble(), 1.0 / 3.0);
        QCOMPARE(read.at(1).at(4).toDouble(), 1e-300);
    }

    void upsertChangesOnlyTheRightRows()
    {
        const QStringList cols = {QStringLiteral("my id"), QStringLiteral("label"),
                                  QStringLiteral("big")};
        auto done = m_session->upsertRows(m_table, cols, {QStringLiteral("my id")},
                                          {{qint64(2), QStringLiteral("changed"), qint64(7)},
                                           {qint64(4), QStringLiteral("new"), qint64(8)}});
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        const QList<QVariantList> read = readAll();
        QCOMPARE(read.size(), 4);
        QCOMPARE(read.at(0), rows().at(0).mid(0, 6) + read.at(0).mid(6)); // untouched
        QCOMPARE(read.at(0).at(5).toString(), rows().at(0).at(5).toString());
        QCOMPARE(read.at(1).at(5).toString(), QStringLiteral("changed"));
        QCOMPARE(read.at(1).at(1).toLongLong(), qint64(7));
        QCOMPARE(read.at(1).at(7).toString(), QStringLiteral("0001-01-01")); // not in the upsert
        QCOMPARE(read.at(3).at(5).toString(), QStringLiteral("new"));
        // Key columns only: existing rows stay, new ones arrive.
        auto keysOnly =
            m_session->upsertRows(m_table, {QStringLiteral("my id")}, {QStringLiteral("my id")},
                                  {{qint64(2)}, {qint64(5)}});
        QVERIFY(keysOnly.ok());
        QCOMPARE(count(m_table), qint64(5));
        QCOMPARE(readAll().at(1).at(5).toString(), QStringLiteral("changed"));
    }

    void rollbackLeavesNothing()
    {
        const qint64 before = count(m_table);
        QVERIFY(m_session->begin().ok());
        QVERIFY(m_session->insertRows(m_table, {QStringLiteral("my id")}, {{qint64(100)}}).ok());
        QVERIFY(m_session->rollback().ok());
        QCOMPARE(count(m_table), before);
        // A failing row is reported with the table's name.
        QVERIFY(m_session->begin().ok());
        auto duplicate =
            m_session->insertRows(m_table, {QStringLiteral("my id")}, {{qint64(200)}, {qint64(1)}});
        QVERIFY(!duplicate.ok());
        QVERIFY(duplicate.error().message().contains(m_table));
        QVERIFY(m_session->rollback().ok());
        QCOMPARE(count(m_table), before);
    }

    void executeAndQueryBindParameters()
    {
        auto rowsFound = m_session->query(
            QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND CAST(? AS CHAR) IS NULL")
                .arg(m_session->quote(QStringLiteral("label")), m_session->quote(m_table),
                     m_session->quote(QStringLiteral("my id"))),
            {qint64(2), QVariant()});
        QVERIFY(rowsFound.ok());
        QCOMPARE(rowsFound->size(), 1);
        QCOMPARE(rowsFound->first().first().toString(), QStringLiteral("changed"));
        auto bad = m_session->execute(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!bad.ok());
    }

    void largeInsertCompletes()
    {
        QVERIFY(m_session
                    ->execute(QStringLiteral("CREATE TABLE big (id BIGINT PRIMARY KEY, name "
                                             "TEXT, amount DOUBLE)"))
                    .ok());
        QList<QVariantList> batch;
        for (qint64 i = 0; i < 50000; ++i)
            batch.append({i, QStringLiteral("name %1").arg(i), double(i) / 7.0});
        QElapsedTimer timer;
        timer.start();
        QVERIFY(m_session->begin().ok());
        auto written = m_session->insertRows(
            QStringLiteral("big"),
            {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount")}, batch);
        QVERIFY(written.ok());
        QVERIFY(m_session->commit().ok());
        QCOMPARE(*written, qint64(50000));
        QCOMPARE(count(QStringLiteral("big")), qint64(50000));
        qInfo("50,000 rows in %lld ms", timer.elapsed());
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
        auto written =
            m_session->insertRows(QStringLiteral("big"), {QStringLiteral("id")}, {{qint64(70000)}});
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), Error::Code::Connection);
        QVERIFY2(written.error().message().contains(QStringLiteral("connection was lost")),
                 qPrintable(written.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestMySqlTargetSession)
#include "tst_mysqltargetsession.moc"
