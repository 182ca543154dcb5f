#include "SqliteFile.h"
#include "preview/SampleReader.h"
#include "source/RowSourceFactory.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using cutover::test::SqliteFile;

namespace {
template <typename T>
QString why(const Result<T> &result)
{
    return result ? QString() : result.error().toString();
}
} // namespace

// SampleReader on a real SQLite file and on the same data as a CSV folder: first N in key
// order, random N deterministic per seed (and the same on both sources), filters, edge cases.
class TstSampleReader : public QObject
{
    Q_OBJECT

private:
    static constexpr int kRows = 60;
    QTemporaryDir m_dir;
    Project m_sqlite;
    Project m_csv;

    static QString name(int id)
    {
        if (id == 17)
            return QStringLiteral("a very long name that is the longest of them all");
        return id == 9 ? QString() : QStringLiteral("person %1").arg(id);
    }
    static QString code(int id) { return id == 23 ? QStringLiteral("Z") : (id % 2 ? "A" : "B"); }
    static double amount(int id) { return id == 31 ? -500.0 : id * 1.5; }

    static Project project(const QString &url)
    {
        Project p;
        p.connections = {{QStringLiteral("src"), url, {}}};
        p.sourceConnection = QStringLiteral("src");
        TableMapping m;
        m.target = QStringLiteral("people_t");
        m.source = QStringLiteral("people");
        m.sourceKey = QStringLiteral("id");
        const QStringList columns{QStringLiteral("id"), QStringLiteral("name"),
                                  QStringLiteral("code"), QStringLiteral("amount")};
        const QStringList expressions{QStringLiteral("id"), QStringLiteral("upper(name)"),
                                      QStringLiteral("lookup('codes', upper(code))"),
                                      QStringLiteral("amount")};
        for (qsizetype i = 0; i < columns.size(); ++i) {
            ColumnMapping c;
            c.target = columns.at(i);
            c.expression = expressions.at(i);
            m.columns.append(c);
        }
        p.mappings = {m};
        LookupMap codes;
        codes.name = QStringLiteral("codes");
        codes.entries = {{QStringLiteral("A"), QStringLiteral("alpha")},
                         {QStringLiteral("B"), QStringLiteral("beta")}};
        p.lookups = {codes};
        return p;
    }

    Result<SampleReader::Sample> read(const Project &p, const SampleSpec &spec)
    {
        SampleReader reader(p, p.mappings.first());
        return reader.read(spec);
    }

    static QList<qint64> ids(const SampleReader::Sample &sample)
    {
        QList<qint64> result;
        const qsizetype at = sample.rows.columns.indexOf(QStringLiteral("id"));
        for (const QVariantList &row : sample.rows.rows)
            result.append(row.at(at).toLongLong());
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStringList sql{QStringLiteral(
            "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, code TEXT, amount REAL)")};
        QDir(m_dir.path()).mkdir(QStringLiteral("csv"));
        QFile csv(m_dir.filePath(QStringLiteral("csv/people.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("id,name,code,amount\n");
        // Inserted in reverse, so natural order differs from key order.
        for (int id = kRows; id >= 1; --id) {
            sql.append(QStringLiteral("INSERT INTO people VALUES (%1, %2, '%3', %4)")
                           .arg(id)
                           .arg(name(id).isNull()
                                    ? QStringLiteral("NULL")
                                    : QLatin1Char('\'') + name(id) + QLatin1Char('\''))
                           .arg(code(id))
                           .arg(amount(id)));
        }
        for (int id = 1; id <= kRows; ++id)
            csv.write(QStringLiteral("%1,%2,%3,%4\n")
                          .arg(id)
                          .arg(name(id))
                          .arg(code(id))
                          .arg(amount(id))
                          .toUtf8());
        csv.close();
        const QString db = m_dir.filePath(QStringLiteral("people.sqlite"));
        QCOMPARE(SqliteFile::create(db, sql), QString());
        m_sqlite = project(QStringLiteral("sqlite:") + db);
        m_csv = project(QStringLiteral("csv:") + m_dir.filePath(QStringLiteral("csv")));
    }

    void firstRowsInKeyOrder()
    {
        for (const Project *p : {&m_sqlite, &m_csv}) {
            auto sample = read(*p, SampleSpec::first(5));
            QVERIFY2(sample, qPrintable(why(sample)));
            QCOMPARE(ids(*sample), (QList<qint64>{1, 2, 3, 4, 5}));
            QCOMPARE(sample->rows.columns, (QStringList{"id", "name", "code", "amount"}));
            QVERIFY(sample->rows.rows.at(0).at(0).typeId() == QMetaType::LongLong);
        }
    }

    void filterNarrowsTheSample()
    {
        for (const Project *p : {&m_sqlite, &m_csv}) {
            auto sample = read(*p, SampleSpec::matching(QStringLiteral("amount > 80"), 3));
            QVERIFY2(sample, qPrintable(why(sample)));
            QCOMPARE(ids(*sample), (QList<qint64>{54, 55, 56}));
        }
    }

    void badFilterIsAnError()
    {
        auto sample = read(m_sqlite, SampleSpec::matching(QStringLiteral("no_such_column > 1"), 3));
        QVERIFY(!sample);
        QVERIFY(sample.error().message().contains(QStringLiteral("no_such_column")));
    }

    void randomIsDeterministicPerSeed()
    {
        auto a = read(m_sqlite, SampleSpec::random(10, 7));
        auto b = read(m_sqlite, SampleSpec::random(10, 7));
        auto c = read(m_sqlite, SampleSpec::random(10, 8));
        QVERIFY(a && b && c);
        QCOMPARE(ids(*a), ids(*b));
        QVERIFY(ids(*a) != ids(*c));
        QCOMPARE(a->rows.size(), 10);
        const QList<qint64> picked = ids(*a);
        QCOMPARE(QSet<qint64>(picked.begin(), picked.end()).size(), 10);
        QList<qint64> sorted = picked;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(ids(*a), sorted); // in key order
        QCOMPARE(a->scanned, qint64(kRows));
    }

    void randomIsTheSameOnEverySource()
    {
        auto onSqlite = read(m_sqlite, SampleSpec::random(12, 99));
        auto onCsv = read(m_csv, SampleSpec::random(12, 99));
        QVERIFY2(onSqlite && onCsv, qPrintable(why(onCsv)));
        QCOMPARE(ids(*onSqlite), ids(*onCsv));
    }

    void randomWithFilterAndMoreRowsThanMatch()
    {
        SampleSpec spec = SampleSpec::random(100, 3);
        spec.filter = QStringLiteral("amount < 10");
        auto sample = read(m_sqlite, spec);
        QVERIFY(sample);
        QCOMPARE(ids(*sample), (QList<qint64>{1, 2, 3, 4, 5, 6, 31}));
    }

    void edgeCasesAreLabelled()
    {
        for (const Project *p : {&m_sqlite, &m_csv}) {
            auto sample = read(*p, SampleSpec::edgeCases(20));
            QVERIFY2(sample, qPrintable(why(sample)));
            QCOMPARE(sample->reasons.size(), sample->rows.size());
            QVERIFY(sample->rows.size() <= 20);
            const QList<qint64> picked = ids(*sample);
            QCOMPARE(QSet<qint64>(picked.begin(), picked.end()).size(), picked.size());
            auto reasonOf = [&](qint64 id) {
                return sample->reasons.value(picked.indexOf(id));
            };
            QVERIFY2(reasonOf(9).contains(QStringLiteral("NULL in name")), qPrintable(reasonOf(9)));
            QVERIFY2(reasonOf(17).contains(QStringLiteral("longest name")),
                     qPrintable(reasonOf(17)));
            QVERIFY2(reasonOf(23).contains(QStringLiteral("not in lookup 'codes'")),
                     qPrintable(reasonOf(23)));
            QVERIFY2(reasonOf(31).contains(QStringLiteral("smallest amount")),
                     qPrintable(reasonOf(31)));
            QVERIFY2(reasonOf(60).contains(QStringLiteral("largest")), qPrintable(reasonOf(60)));
        }
    }

    void edgeCasesRespectTheLimit()
    {
        auto sample = read(m_sqlite, SampleSpec::edgeCases(2));
        QVERIFY(sample);
        QCOMPARE(sample->rows.size(), 2);
    }

    void rowSourceStreamsInBatches()
    {
        RowQuery query;
        query.orderBy = {QStringLiteral("id")};
        for (const Project *p : {&m_sqlite, &m_csv}) {
            auto source = RowSourceFactory::open(*p, p->mappings.first(), query);
            QVERIFY(source);
            qint64 total = 0;
            int batches = 0;
            for (;;) {
                auto batch = (*source)->next(25);
                QVERIFY(batch);
                if (batch->isEmpty())
                    break;
                QVERIFY(batch->size() <= 25);
                total += batch->size();
                ++batches;
            }
            QCOMPARE(total, qint64(kRows));
            QCOMPARE(batches, 3);
            auto after = (*source)->next(25);
            QVERIFY(after && after->isEmpty());
        }
    }

    void cancelStopsReading()
    {
        auto source = RowSourceFactory::open(m_sqlite, m_sqlite.mappings.first(), {});
        QVERIFY(source);
        (*source)->cancel();
        auto batch = (*source)->next(10);
        QVERIFY(!batch);
        QCOMPARE(batch.error().code(), Error::Code::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TstSampleReader)
#include "tst_samplereader.moc"
