#include "core/SqliteValue.h"
#include "core/ValueText.h"
#include "reconcile/ColumnProfiler.h"
#include "reconcile/DistinctHashes.h"
#include "reconcile/ScanProfiler.h"

#include <QSet>
#include <QTest>
#include <sqlite3.h>

using namespace cutover;
using Kind = NormalizedType::Kind;

// ScanProfiler reads a SQLite scan's columns without QVariants where it can; its profiles must
// be exactly those of ColumnProfiler fed with canonical values, as the exact merge feeds it.
class TestScanProfiler : public QObject
{
    Q_OBJECT

private:
    sqlite3 *m_db = nullptr;

    void exec(const char *sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
        QVERIFY2(rc == SQLITE_OK, message ? message : sql);
    }

    static QList<ValueComparer> comparers(const QList<std::pair<const char *, Kind>> &columns)
    {
        QList<ValueComparer> result;
        for (const auto &[name, kind] : columns) {
            ColumnInfo column;
            column.name = QString::fromLatin1(name);
            column.type = NormalizedType(kind);
            result.append(ValueComparer(column, ConnectionSpec::Kind::Sqlite));
        }
        return result;
    }

    // The exact merge's way: every value canonical, distinct values as canonical type and text.
    static QList<ColumnProfile> slowProfiles(sqlite3_stmt *statement,
                                             const QList<ValueComparer> &comparers)
    {
        ColumnProfiler profiler(comparers);
        QList<QSet<QString>> distinct(comparers.size());
        while (sqlite3_step(statement) == SQLITE_ROW) {
            QVariantList canonical;
            for (int c = 0; c < comparers.size(); ++c) {
                canonical.append(comparers.at(c).canonical(SqliteValue::column(statement, c)));
                const QVariant &v = canonical.last();
                if (!v.isNull())
                    distinct[c].insert(QString::number(v.typeId()) + QLatin1Char(':') +
                                       ValueText::of(v));
            }
            profiler.add(canonical);
        }
        QList<qint64> counts;
        for (const QSet<QString> &values : distinct)
            counts.append(values.size());
        profiler.setDistinct(counts);
        return profiler.profiles();
    }

    static void compareProfiles(const QList<ColumnProfile> &fast, const QList<ColumnProfile> &slow)
    {
        QCOMPARE(fast.size(), slow.size());
        for (qsizetype c = 0; c < fast.size(); ++c) {
            const QString column = slow.at(c).column;
            QCOMPARE(fast.at(c).column, column);
            QVERIFY2(fast.at(c).nulls == slow.at(c).nulls, qPrintable(column));
            QVERIFY2(fast.at(c).distinct == slow.at(c).distinct,
                     qPrintable(column + QStringLiteral(": %1 against %2")
                                             .arg(fast.at(c).distinct)
                                             .arg(slow.at(c).distinct)));
            QVERIFY2(fast.at(c).min == slow.at(c).min,
                     qPrintable(column + QStringLiteral(": ") + fast.at(c).min +
                                QStringLiteral(" against ") + slow.at(c).min));
            QVERIFY2(fast.at(c).max == slow.at(c).max,
                     qPrintable(column + QStringLiteral(": ") + fast.at(c).max +
                                QStringLiteral(" against ") + slow.at(c).max));
            QCOMPARE(fast.at(c).temporal, slow.at(c).temporal);
        }
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(sqlite3_open(":memory:", &m_db), SQLITE_OK);
        exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b, d TEXT, m)");
        // s: UTF-16 order puts U+E000 after U+1F600 (a surrogate pair), unlike UTF-8's byte
        // order; b: text and blobs; d: dates, one in another form; m: integers and text.
        exec("INSERT INTO t VALUES "
             "(3, 1.5, 'b', 'x', '2024-03-01', 7),"
             "(-2, -0.0, 'a', x'00ff', '2024-03-01T00:00:00', 'seven'),"
             "(NULL, 0.0, 'Z', NULL, '2023-12-31', 7),"
             "(9, NULL, char(57344), x'01', NULL, 12),"
             "(9, 2.25, char(128512), 'x', '2025-01-01', '12'),"
             "(0, 1.5, '', 'é', 'not a date', NULL),"
             "(4, 1e300, 'é', x'', '2024-03-01', 3.5)");
    }

    void cleanup()
    {
        sqlite3_close(m_db);
        m_db = nullptr;
    }

    void profilesEqualTheCanonicalOnes()
    {
        const QList<ValueComparer> c = comparers({{"i", Kind::Integer},
                                                  {"r", Kind::Real},
                                                  {"s", Kind::Text},
                                                  {"b", Kind::Text},
                                                  {"d", Kind::Date},
                                                  {"m", Kind::Integer}});
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(
            sqlite3_prepare_v2(m_db, "SELECT i, r, s, b, d, m FROM t", -1, &statement, nullptr),
            SQLITE_OK);
        ScanProfiler scan(c, {0, 1, 2, 3, 4, 5}, QList<bool>(6, false), QList<bool>(6, false));
        while (sqlite3_step(statement) == SQLITE_ROW)
            scan.addRow(statement);
        QVERIFY(scan.keysCanonical());
        ColumnProfiler fast(c);
        scan.fill(fast);
        sqlite3_reset(statement);
        const QList<ColumnProfile> slow = slowProfiles(statement, c);
        sqlite3_finalize(statement);
        compareProfiles(fast.profiles(), slow);
        QCOMPARE(fast.nulls(), 5);
        // the facts the comparison relies on
        QCOMPARE(slow.at(2).max, QString(QChar(0xE000)));
        QCOMPARE(slow.at(1).distinct, 4); // -0.0 and 0.0 are one value
        QCOMPARE(slow.at(4).min, QStringLiteral("2023-12-31"));
    }

    void uniqueColumnsCountTheirValues()
    {
        const QList<ValueComparer> c = comparers({{"s", Kind::Text}, {"m", Kind::Integer}});
        sqlite3_stmt *statement = nullptr;
        QCOMPARE(sqlite3_prepare_v2(m_db, "SELECT s, m FROM t", -1, &statement, nullptr),
                 SQLITE_OK);
        ScanProfiler unique(c, {0, 1}, {true, false}, {true, false});
        ScanProfiler keyed(c, {0, 1}, {false, false}, {false, true});
        while (sqlite3_step(statement) == SQLITE_ROW) {
            unique.addRow(statement);
            keyed.addRow(statement);
        }
        sqlite3_finalize(statement);
        ColumnProfiler profiles(c);
        unique.fill(profiles);
        QCOMPARE(profiles.profiles().at(0).distinct, 7);
        QVERIFY(unique.keysCanonical());
        QVERIFY(!unique.hasNulls({0}));
        QVERIFY(unique.hasNulls({1}));
        // 'seven' in an integer column is not its canonical form: uniqueness proves nothing
        QVERIFY(!keyed.keysCanonical());
    }

    void distinctHashesCountExactly()
    {
        DistinctHashes few;
        for (quint64 i = 0; i < 1000; ++i)
            few.add((i % 300) * 0x9E3779B97F4A7C15ULL);
        QCOMPARE(few.count(), 300);
        // past the set's limit, a sorted list
        DistinctHashes hashes;
        for (quint64 i = 0; i < 100000; ++i)
            hashes.add((i % 30000 + 1) * 0x9E3779B97F4A7C15ULL);
        QCOMPARE(hashes.count(), 30000);
        hashes.add(0); // kept as 1
        hashes.add(1);
        QCOMPARE(hashes.count(), 30001);
        QVERIFY(hashes.bytes() >= 30001 * 8);
        hashes.add(42); // after counting
        QCOMPARE(hashes.count(), 30002);
    }
};

QTEST_GUILESS_MAIN(TestScanProfiler)
#include "tst_scanprofiler.moc"
