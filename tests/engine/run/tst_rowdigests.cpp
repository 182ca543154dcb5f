#include "SqliteFile.h"
#include "VerifyOk.h"
#include "core/SqliteValue.h"
#include "demo/DemoGenerator.h"
#include "project/ProjectReader.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSessionFactory.h"
#include "source/RowSourceFactory.h"
#include "transform/RowDigest.h"
#include "transform/RowHasher.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

using namespace cutover;
using cutover::test::SqliteFile;

namespace {

// The rows of a SQLite table over columns, as a table scan hashes them (what reconciliation
// does to prove a target).
RowDigest scanDigest(const QString &path, const QString &table, const QStringList &columns)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    QStringList quoted;
    for (const QString &c : columns)
        quoted.append(QLatin1Char('"') + c + QLatin1Char('"'));
    const QByteArray sql =
        QStringLiteral("SELECT %1 FROM \"%2\"").arg(quoted.join(QLatin1Char(',')), table).toUtf8();
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
    RowHasher hasher;
    RowDigest digest;
    while (statement && sqlite3_step(statement) == SQLITE_ROW) {
        for (int c = 0; c < columns.size(); ++c)
            hasher.addColumn(statement, c);
        digest.add(hasher.finish());
    }
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return digest;
}

RowDigest sourceDigest(const Project &project, const TableMapping &mapping)
{
    auto source = RowSourceFactory::open(project, mapping, RowQuery(), nullptr);
    if (!source)
        qFatal("source: %s", qPrintable(source.error().toString()));
    RowHasher hasher;
    RowDigest digest;
    for (;;) {
        auto batch = (*source)->next(500);
        if (!batch || batch->isEmpty())
            break;
        for (const QVariantList &row : std::as_const(batch->rows)) {
            for (const QVariant &value : row)
                hasher.addSource(value);
            digest.add(hasher.finish());
        }
    }
    return digest;
}

} // namespace

// The digests a run records of each table it loads whole (RowDigest, RowHasher, TableDigests):
// what it foretells of SQLite's storage, and that the recorded digests equal a scan of the source
// and of the target, and differ once a target value changes.
class TestRowDigests : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

private Q_SLOTS:
    void digestIgnoresOrderAndRoundTripsAsText()
    {
        RowHasher hasher;
        QList<RowDigest::Hash> rows;
        for (int i = 0; i < 3; ++i) {
            hasher.addInteger(i);
            hasher.addText(QStringLiteral("row %1").arg(i));
            rows.append(hasher.finish());
        }
        RowDigest forward;
        RowDigest backward;
        for (int i = 0; i < 3; ++i) {
            forward.add(rows.at(i));
            backward.add(rows.at(2 - i));
        }
        QCOMPARE(forward, backward);
        QCOMPARE(forward.rows(), 3);
        QCOMPARE(RowDigest::fromText(forward.toText()), std::optional<RowDigest>(forward));
        RowDigest fewer;
        fewer.add(rows.at(0));
        fewer.add(rows.at(1));
        QVERIFY(!(fewer == forward));
        QVERIFY(!RowDigest::fromText(QStringLiteral("xxh3-128:3:beef")));
        // A value's type counts: the integer 7 is not the text "7".
        hasher.addInteger(7);
        const RowDigest::Hash integer = hasher.finish();
        hasher.addText(QStringLiteral("7"));
        const RowDigest::Hash text = hasher.finish();
        QVERIFY(integer.low != text.low || integer.high != text.high);
    }

    void textHashesAsItsUtf8()
    {
        const QString pair = QString::fromUcs4(U"\U0001F600");
        const QList<QString> texts{QString(),
                                   QStringLiteral("plain ASCII"),
                                   QStringLiteral("Łukasz Ñúñez, 10 €"),
                                   pair + QStringLiteral(" and ") + QChar(0xE000),
                                   QString(QChar(0xD800)) + QStringLiteral("x"),
                                   QStringLiteral("x") + QChar(0xDC00),
                                   QStringLiteral("ends high ") + QChar(0xD83D),
                                   QString(5000, QChar(0x4E2D))};
        for (const QString &text : texts) {
            RowHasher fromString;
            fromString.addText(text);
            fromString.addInteger(1); // what follows the text is not shifted
            RowHasher fromBytes;
            const QByteArray utf8 = text.toUtf8();
            fromBytes.addText(utf8.constData(), utf8.size());
            fromBytes.addInteger(1);
            const RowDigest::Hash a = fromString.finish();
            const RowDigest::Hash b = fromBytes.finish();
            QVERIFY2(a.low == b.low && a.high == b.high, qPrintable(text.left(20)));
        }
    }

    void affinityAndDefaultsFollowSqlite()
    {
        using A = RowHasher::Affinity;
        QCOMPARE(RowHasher::affinityOf(QStringLiteral("BIGINT")), A::Integer);
        QCOMPARE(RowHasher::affinityOf(QStringLiteral("VARCHAR(20)")), A::Text);
        QCOMPARE(RowHasher::affinityOf(QStringLiteral("")), A::Blob);
        QCOMPARE(RowHasher::affinityOf(QStringLiteral("DOUBLE PRECISION")), A::Real);
        QCOMPARE(RowHasher::affinityOf(QStringLiteral("DECIMAL(10,2)")), A::Numeric);
        QCOMPARE(RowHasher::literalDefault(QStringLiteral("'unknown'")), QVariant("unknown"));
        QCOMPARE(RowHasher::literalDefault(QStringLiteral("'it''s'")), QVariant("it's"));
        QCOMPARE(RowHasher::literalDefault(QStringLiteral("(0)")), QVariant(qint64(0)));
        QVERIFY(RowHasher::literalDefault(QStringLiteral("CURRENT_TIMESTAMP")).isNull());
    }

    // Every value bound into every kind of column: where the hasher foretells what SQLite
    // stores, a scan of the stored value hashes the same; and the common cases are foretold.
    void storedFormIsWhatSqliteStores()
    {
        const QStringList types = {QStringLiteral("TEXT"),    QStringLiteral("INTEGER"),
                                   QStringLiteral("REAL"),    QStringLiteral("NUMERIC"),
                                   QStringLiteral("BLOB"),    QStringLiteral("VARCHAR(12)"),
                                   QStringLiteral("DATETIME")};
        const QVariantList values = {QVariant(),
                                     QVariant(QStringLiteral("abc")),
                                     QVariant(QStringLiteral("123")),
                                     QVariant(QStringLiteral("0042")),
                                     QVariant(QStringLiteral("-7")),
                                     QVariant(QStringLiteral("4.50")),
                                     QVariant(QStringLiteral(" 12")),
                                     QVariant(QStringLiteral("12abc")),
                                     QVariant(qint64(5)),
                                     QVariant(true),
                                     QVariant(2.5),
                                     QVariant(3.0),
                                     QVariant(QDate(2024, 3, 1)),
                                     QVariant(QByteArray("\x01\x02", 2)),
                                     QVariant(quint64(18446744073709551615ULL))};
        const QString path = m_root.filePath(QStringLiteral("stored.sqlite"));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        int foretold = 0;
        for (const QString &type : types) {
            const QByteArray create = QStringLiteral("CREATE TABLE t (v %1)").arg(type).toUtf8();
            QCOMPARE(sqlite3_exec(db, "DROP TABLE IF EXISTS t", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, create.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
            for (const QVariant &value : values) {
                sqlite3_stmt *insert = nullptr;
                sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?)", -1, &insert, nullptr);
                QCOMPARE(SqliteValue::bind(insert, 1, value), SQLITE_OK);
                QCOMPARE(sqlite3_step(insert), SQLITE_DONE);
                sqlite3_finalize(insert);
                sqlite3_stmt *select = nullptr;
                sqlite3_prepare_v2(db, "SELECT v FROM t WHERE rowid = last_insert_rowid()", -1,
                                   &select, nullptr);
                QCOMPARE(sqlite3_step(select), SQLITE_ROW);
                RowHasher stored;
                stored.addColumn(select, 0);
                sqlite3_finalize(select);
                RowHasher predicted;
                if (!predicted.addStored(value, RowHasher::affinityOf(type)))
                    continue;
                ++foretold;
                const RowDigest::Hash a = stored.finish();
                const RowDigest::Hash b = predicted.finish();
                QVERIFY2(a.low == b.low && a.high == b.high,
                         qPrintable(QStringLiteral("%1 into %2").arg(value.toString(), type)));
            }
        }
        sqlite3_close(db);
        QVERIFY2(foretold >= 70, qPrintable(QString::number(foretold)));
    }

    // The demo run digests every table; the digests equal a scan of the source and of the
    // target; one changed target value and the target's digest no longer matches.
    void demoRunRecordsDigestsThatMatchSourceAndTarget()
    {
        const QString dir = m_root.filePath(QStringLiteral("demo"));
        DemoGenerator::Options options;
        options.directory = dir;
        options.patients = 200;
        VERIFY_OK(DemoGenerator::generate(options));
        auto project = ProjectReader::load(dir + QStringLiteral("/demo.cutover"));
        VERIFY_OK(project);
        project->settings.maxErrorRate = 0.5;
        RunControl control;
        // A phase run reads part of a table: no digests of the phase's tables. Then a whole run.
        RunOptions phase;
        phase.phase = project->phases.value(0).name;
        QVERIFY(!phase.phase.isEmpty());
        auto partial = RunEngine(*project, phase).run(control);
        VERIFY_OK(partial);
        QVERIFY(!partial->tables.isEmpty());
        for (const RunTableRecord &t : std::as_const(partial->tables))
            QVERIFY2(!t.digests, qPrintable(t.tableName));
        auto run = RunEngine(*project, RunOptions()).run(control);
        VERIFY_OK(run);
        QCOMPARE(run->status, RunStatus::Succeeded);

        const QString target = dir + QStringLiteral("/modern.sqlite");
        auto spec = project->targetSpec();
        VERIFY_OK(spec);
        auto session = TargetSessionFactory::open(*spec, nullptr);
        VERIFY_OK(session);
        RunLedger ledger(**session);
        int digested = 0;
        for (const TableMapping &mapping : std::as_const(project->mappings)) {
            auto digests = ledger.digests(run->runId, mapping.target);
            VERIFY_OK(digests);
            QVERIFY2(digests->has_value(), qPrintable(mapping.target));
            ++digested;
            const auto loaded = RowDigest::fromText((*digests)->loaded);
            QVERIFY(loaded);
            QCOMPARE(loaded->rows(),
                     SqliteFile::scalar(
                         target, QStringLiteral("SELECT count(*) FROM \"%1\"").arg(mapping.target))
                         .toLongLong());
            QCOMPARE(scanDigest(target, mapping.target, (*digests)->columns), *loaded);
            QCOMPARE(sourceDigest(*project, mapping).toText(), (*digests)->source);
        }
        QCOMPARE(digested, project->mappings.size());

        auto patient = ledger.digests(run->runId, QStringLiteral("patient"));
        VERIFY_OK(patient);
        session->reset(); // the file is changed by another connection below
        SqliteFile::scalar(target, QStringLiteral("UPDATE patient SET phone = phone || '0' "
                                                  "WHERE rowid = (SELECT min(rowid) FROM patient "
                                                  "WHERE phone IS NOT NULL)"));
        QVERIFY(!(scanDigest(target, QStringLiteral("patient"), (*patient)->columns) ==
                  *RowDigest::fromText((*patient)->loaded)));
    }
};

QTEST_GUILESS_MAIN(TestRowDigests)
#include "tst_rowdigests.moc"
