// The quarantine a piece at a time, on a real SQLite ledger: pages in the read order add up to
// exactly what RunLedger::quarantine returns, counts and filters (table, run, project, reason
// kind, column, free text) select what the rows say, pages sorted by each column (either way,
// with a filter too) hold every row once in the order of the column's stored value, an older
// ledger gets the index, and the streamed export writes the very bytes the in-memory formatting
// writes (the CLI's, before).
#include "QuarantineSorting.h"
#include "VerifyOk.h"
#include "core/JsonWriter.h"
#include "run/ledger/LedgerSchema.h"
#include "run/ledger/QuarantineExport.h"
#include "run/ledger/QuarantineReader.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSessionFactory.h"

#include <QBuffer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::QuarantineSorting;

Q_DECLARE_METATYPE(cutover::QuarantineFilter)
Q_DECLARE_METATYPE(cutover::QuarantineSort)

class TestQuarantineReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TargetSession> m_session;
    std::unique_ptr<RunLedger> m_ledger;
    QString m_runA;  // project "clinic"
    QString m_runB;  // project "clinic"
    QString m_other; // project "other"

    static Violation violation(Violation::Kind kind, const QString &column, const QString &reason)
    {
        Violation v;
        v.kind = kind;
        v.column = column;
        v.source = kind == Violation::Kind::Rule ? QStringLiteral("rule_%1").arg(column)
                                                 : QStringLiteral("conversion");
        v.reason = reason;
        v.value = QStringLiteral("bad_%1").arg(column);
        return v;
    }

    // Row n of a table: a key out of text order ([1004] before [102] as text), a NULL key and
    // a shared one among them, one or two reasons of different kinds and columns.
    static QuarantinedRow row(int n, const QString &table)
    {
        QuarantinedRow r;
        r.rowNumber = n;
        static const QStringList keys = {QStringLiteral("[1004]"),    QStringLiteral("[102]"),
                                         QStringLiteral("[null]"),    QStringLiteral("[\"DUP\"]"),
                                         QStringLiteral("[\"DUP\"]"), QStringLiteral("[7]")};
        r.sourceKey = n < keys.size() ? keys.at(n) : QStringLiteral("[%1]").arg(n * 37 % 1000);
        r.rawValues = QJsonObject{
            {QStringLiteral("id"), n},
            {QStringLiteral("name"), QStringLiteral("Name_%1, \"x\"").arg(n)},
            {table == QStringLiteral("visit") ? QStringLiteral("ward") : QStringLiteral("born"),
             n % 3 == 0 ? QJsonValue() : QJsonValue(QStringLiteral("?"))}};
        r.violations = {violation(n % 2 ? Violation::Kind::Rule : Violation::Kind::Conversion,
                                  n % 3 ? QStringLiteral("born") : QStringLiteral("name"),
                                  QStringLiteral("reason %1").arg(n))};
        if (n % 4 == 0)
            r.violations.append(violation(Violation::Kind::Database, QString(),
                                          QStringLiteral("CHECK failed in %1").arg(table)));
        return r;
    }

    void write(const QString &runId, const QString &table, int rows)
    {
        QList<QuarantinedRow> list;
        for (int n = 0; n < rows; ++n)
            list.append(row(n, table));
        VERIFY_OK(m_session->begin());
        CheckpointRecord checkpoint;
        checkpoint.batchNo = 1;
        VERIFY_OK(m_ledger->recordBatch(runId, table, checkpoint, list, {}));
        VERIFY_OK(m_session->commit());
    }

    QString startRun(const QString &project)
    {
        RunRecord run;
        run.project = project;
        auto id = m_ledger->startRun(run);
        return id ? *id : QString();
    }

    static QString identity(const QuarantinedRow &r)
    {
        return QStringLiteral("%1|%2|%3|%4")
            .arg(r.runId, r.tableName, r.sourceKey)
            .arg(r.rowNumber);
    }

    static QStringList identities(const QList<QuarantinedRow> &rows)
    {
        QStringList ids;
        for (const QuarantinedRow &r : rows)
            ids.append(identity(r));
        return ids;
    }

    QList<QuarantinedRow> allPages(QuarantineReader &reader, const QuarantineFilter &filter,
                                   int limit, const QuarantineSort &sort = {})
    {
        QList<QuarantinedRow> all;
        for (;;) {
            auto page = reader.page(filter, all.isEmpty() ? nullptr : &all.last(), limit, sort);
            if (!page || page->isEmpty())
                return all;
            [&] {
                QVERIFY(page->size() <= limit);
            }();
            all += *page;
        }
    }

    // What the filter selects, decided from the rows themselves.
    static bool selects(const QuarantineFilter &f, const QuarantinedRow &r)
    {
        if ((!f.runId.isEmpty() && r.runId != f.runId) ||
            (!f.table.isEmpty() && r.tableName != f.table))
            return false;
        if (f.kind || !f.column.isEmpty()) {
            const bool any =
                std::any_of(r.violations.begin(), r.violations.end(), [&f](const Violation &v) {
                    return (!f.kind || v.kind == *f.kind) &&
                           (f.column.isEmpty() || v.column == f.column);
                });
            if (!any)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("target.db")));
        VERIFY_OK(spec);
        auto session = TargetSessionFactory::open(*spec);
        VERIFY_OK(session);
        m_session = std::move(*session);
        m_ledger = std::make_unique<RunLedger>(*m_session);
        m_runA = startRun(QStringLiteral("clinic"));
        m_runB = startRun(QStringLiteral("clinic"));
        m_other = startRun(QStringLiteral("other"));
        write(m_runA, QStringLiteral("patient"), 23);
        write(m_runA, QStringLiteral("visit"), 9);
        write(m_runB, QStringLiteral("patient"), 11);
        write(m_other, QStringLiteral("patient"), 5);
        // a few rows loaded again (a retried run sorts after the empty one), one of a shared key
        VERIFY_OK(m_ledger->markRetried(m_runA, QStringLiteral("patient"), QStringLiteral("[7]"),
                                        m_runB));
        VERIFY_OK(m_ledger->markRetried(m_runA, QStringLiteral("visit"), QStringLiteral("[102]"),
                                        m_other));
    }

    void pagesHoldExactlyTheLedgersRows_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("4") << 4;
        QTest::newRow("1000") << 1000;
    }

    void pagesHoldExactlyTheLedgersRows()
    {
        QFETCH(int, limit);
        QuarantineReader reader(*m_session);
        const QList<QuarantinedRow> paged = allPages(reader, {}, limit);
        auto all = m_ledger->quarantine();
        VERIFY_OK(all);
        QCOMPARE(paged.size(), all->size());
        QStringList a = identities(paged);
        QStringList b = identities(*all);
        QCOMPARE(QSet<QString>(a.begin(), a.end()).size(), a.size()); // no row twice
        a.sort();
        b.sort();
        QCOMPARE(a, b);
        auto counted = reader.count({});
        VERIFY_OK(counted);
        QCOMPARE(*counted, qint64(all->size()));
        // in read order: run, table, row number
        for (qsizetype i = 1; i < paged.size(); ++i) {
            const QuarantinedRow &p = paged.at(i - 1);
            const QuarantinedRow &n = paged.at(i);
            QVERIFY(std::tie(p.runId, p.tableName, p.rowNumber) <
                    std::tie(n.runId, n.tableName, n.rowNumber));
        }
        // the rows come whole
        const QuarantinedRow &first = *std::find_if(all->begin(), all->end(), [&](auto &r) {
            return identity(r) == identity(paged.first());
        });
        QCOMPARE(paged.first().rawValues, first.rawValues);
        QCOMPARE(paged.first().violations, first.violations);
        QCOMPARE(paged.first().quarantinedAt, first.quarantinedAt);
    }

    void filtersSelectWhatTheRowsSay_data()
    {
        QTest::addColumn<QuarantineFilter>("filter");
        QuarantineFilter f;
        f.table = QStringLiteral("visit");
        QTest::newRow("table") << f;
        f = {};
        f.kind = Violation::Kind::Rule;
        QTest::newRow("rule") << f;
        f.kind = Violation::Kind::Database;
        QTest::newRow("database") << f;
        f = {};
        f.column = QStringLiteral("name");
        QTest::newRow("column") << f;
        f.kind = Violation::Kind::Rule;
        QTest::newRow("rule on name") << f;
        f.kind = Violation::Kind::Conversion;
        QTest::newRow("conversion on name") << f;
        f.table = QStringLiteral("patient");
        QTest::newRow("conversion on name in patient") << f;
        f = {};
        f.column = QStringLiteral("na_e"); // LIKE's wildcard is taken as it is
        QTest::newRow("wildcard column") << f;
    }

    void filtersSelectWhatTheRowsSay()
    {
        QFETCH(QuarantineFilter, filter);
        QuarantineReader reader(*m_session);
        auto all = m_ledger->quarantine();
        VERIFY_OK(all);
        QStringList expected;
        for (const QuarantinedRow &r : std::as_const(*all))
            if (selects(filter, r))
                expected.append(identity(r));
        QStringList got = identities(allPages(reader, filter, 5));
        expected.sort();
        got.sort();
        QCOMPARE(got, expected);
        auto counted = reader.count(filter);
        VERIFY_OK(counted);
        QCOMPARE(*counted, qint64(expected.size()));
    }

    void sortedPagesFollowTheStoredValues_data()
    {
        QTest::addColumn<QuarantineSort>("sort");
        QTest::addColumn<int>("limit");
        for (const QuarantineSort &sort : QuarantineSorting::sorts())
            for (const int limit : {1, 4})
                QTest::addRow("%s, pages of %d", qPrintable(QuarantineSorting::name(sort)), limit)
                    << sort << limit;
    }

    // Keyset pages in the column's order, the key breaking ties: every row once, in the order
    // worked out in memory (shared keys, a NULL key, rows of the same moment among them).
    void sortedPagesFollowTheStoredValues()
    {
        QFETCH(QuarantineSort, sort);
        QFETCH(int, limit);
        QuarantineReader reader(*m_session);
        auto all = m_ledger->quarantine();
        VERIFY_OK(all);
        const QStringList paged = QuarantineSorting::identities(allPages(reader, {}, limit, sort));
        QCOMPARE(paged, QuarantineSorting::identities(QuarantineSorting::sorted(*all, sort)));
        // with a filter: the filtered rows, in the same order
        QuarantineFilter filter;
        filter.kind = Violation::Kind::Rule;
        QList<QuarantinedRow> selected;
        for (const QuarantinedRow &r : std::as_const(*all))
            if (selects(filter, r))
                selected.append(r);
        QCOMPARE(QuarantineSorting::identities(allPages(reader, filter, limit, sort)),
                 QuarantineSorting::identities(QuarantineSorting::sorted(selected, sort)));
    }

    // The reasons sort by their JSON as the ledger stores it (what the in-memory order renders
    // again must be that), and the retried rows are where their run id puts them.
    void sortedValuesAreTheStoredOnes()
    {
        auto stored = m_session->query(
            QStringLiteral("SELECT violations, retried_in_run FROM cutover_quarantine ORDER BY "
                           "run_id, table_name, row_no, source_key"));
        VERIFY_OK(stored);
        auto all = m_ledger->quarantine();
        VERIFY_OK(all);
        QuarantineReader reader(*m_session);
        const QList<QuarantinedRow> read = allPages(reader, {}, 100);
        QCOMPARE(read.size(), stored->size());
        for (qsizetype i = 0; i < read.size(); ++i) {
            QCOMPARE(read.at(i).violationsJson(), stored->at(i).at(0).toString());
            QCOMPARE(read.at(i).retriedInRun, stored->at(i).at(1).toString());
        }
        const QList<QuarantinedRow> retriedLast =
            allPages(reader, {}, 3, {QuarantineSort::Column::RetriedInRun, true});
        QCOMPARE(retriedLast.first().retriedInRun, std::max(m_runB, m_other));
        QVERIFY(!retriedLast.at(1).retriedInRun.isEmpty());
        QVERIFY(retriedLast.at(2).retriedInRun.isEmpty());
    }

    void filtersByProjectRunAndText()
    {
        QuarantineReader reader(*m_session);
        QuarantineFilter f;
        f.project = QStringLiteral("clinic");
        auto clinic = reader.count(f);
        VERIFY_OK(clinic);
        QCOMPARE(*clinic, 23 + 9 + 11);
        f.runId = m_runB;
        QCOMPARE(reader.count(f).value(), 11);
        f.runId = m_other; // another project's run
        QCOMPARE(reader.count(f).value(), 0);

        QuarantineFilter text;
        text.text = QStringLiteral("name_7,"); // any case; the comma is in the raw value
        QList<QuarantinedRow> found = allPages(reader, text, 10);
        QCOMPARE(found.size(), 3); // row 7 of each table of a run that has one
        for (const QuarantinedRow &r : found)
            QCOMPARE(r.rowNumber, 7);
        text.text = QStringLiteral("CHECK failed in visit");
        QCOMPARE(reader.count(text).value(), 3); // rows 0, 4, 8 of visit
        text.text = QStringLiteral("[\"DUP\"]");
        QCOMPARE(reader.count(text).value(), 8);
        text.text = QStringLiteral("100%");
        QCOMPARE(reader.count(text).value(), 0);
    }

    void anOlderLedgerGetsTheIndex()
    {
        const QString index = LedgerSchema::quarantineIndexName();
        const QString exists =
            QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?");
        QCOMPARE(m_session->query(exists, {index}).value().value(0).value(0).toInt(), 1);
        VERIFY_OK(m_session->execute(QStringLiteral("DROP INDEX ") + m_session->quote(index)));
        QCOMPARE(m_session->query(exists, {index}).value().value(0).value(0).toInt(), 0);
        QuarantineReader reader(*m_session);
        QCOMPARE(reader.count({}).value(), 23 + 9 + 11 + 5);
        QCOMPARE(m_session->query(exists, {index}).value().value(0).value(0).toInt(), 1);
        // and the page's query reads through it, in its order, without sorting
        auto plan = m_session->query(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT * FROM cutover_quarantine WHERE (run_id, "
                           "table_name, row_no, source_key) > (?, ?, ?, ?) ORDER BY run_id, "
                           "table_name, row_no, source_key LIMIT 10"),
            {m_runA, QStringLiteral("patient"), 3, QStringLiteral("[7]")});
        VERIFY_OK(plan);
        QString text;
        for (const QVariantList &step : std::as_const(*plan))
            text += step.last().toString() + QLatin1Char('\n');
        QVERIFY2(text.contains(index) && !text.contains(QStringLiteral("TEMP B-TREE")),
                 qPrintable(text));
    }

    void keyOrderIsTheLedgersOrder()
    {
        QuarantineReader reader(*m_session);
        for (const QuarantineFilter &filter :
             {QuarantineFilter{}, QuarantineFilter{QStringLiteral("clinic")}}) {
            QList<QuarantinedRow> streamed;
            auto done = reader.forEachInKeyOrder(filter, 3, [&](const QList<QuarantinedRow> &c) {
                [&] {
                    QVERIFY(c.size() <= 3);
                }();
                streamed += c;
                return true;
            });
            VERIFY_OK(done);
            QVERIFY(*done);
            auto all = filter.project.isEmpty() ? m_ledger->quarantine()
                                                : m_ledger->quarantineOf(filter.project);
            VERIFY_OK(all);
            QCOMPARE(identities(streamed), identities(*all));
        }
        int chunks = 0;
        auto stopped = reader.forEachInKeyOrder(
            {}, 2, [&](const QList<QuarantinedRow> &) { return ++chunks < 3; });
        VERIFY_OK(stopped);
        QVERIFY(!*stopped);
        QCOMPARE(chunks, 3);
    }

    void streamedExportWritesTheSameBytes_data()
    {
        QTest::addColumn<QString>("runId");
        QTest::addColumn<QString>("table");
        QTest::newRow("everything") << QString() << QString();
        QTest::newRow("one run") << QStringLiteral("B") << QString();
        QTest::newRow("one table") << QString() << QStringLiteral("visit");
        QTest::newRow("nothing") << QString() << QStringLiteral("no such table");
    }

    void streamedExportWritesTheSameBytes()
    {
        QFETCH(QString, runId);
        QFETCH(QString, table);
        QuarantineFilter filter;
        filter.project = QStringLiteral("clinic");
        filter.runId = runId == QLatin1String("B") ? m_runB : runId;
        filter.table = table;
        auto rows = m_ledger->quarantineOf(
            filter.project,
            filter.runId.isEmpty() ? std::nullopt : std::optional<QString>(filter.runId),
            table.isEmpty() ? std::nullopt : std::optional<QString>(table));
        VERIFY_OK(rows);
        QuarantineReader reader(*m_session);
        for (const auto format : {QuarantineExport::Format::Csv, QuarantineExport::Format::Json}) {
            QuarantineExport exporter(reader, filter, filter.project);
            exporter.setChunkSize(4);
            QList<qint64> progress;
            exporter.setProgress([&progress](qint64 written, qint64) {
                progress.append(written);
                return true;
            });
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            auto written = exporter.write(buffer, format);
            VERIFY_OK(written);
            QCOMPARE(*written, qint64(rows->size()));
            const QByteArray expected =
                format == QuarantineExport::Format::Csv
                    ? QuarantineExport::toCsv(*rows)
                    : JsonWriter().write(QuarantineExport::toJson(filter.project, *rows));
            QCOMPARE(buffer.data(), expected);
            QVERIFY(rows->isEmpty() || !progress.isEmpty());
        }
    }

    void aCancelledExportLeavesNoFile()
    {
        QuarantineReader reader(*m_session);
        QuarantineExport exporter(reader, {}, QStringLiteral("clinic"));
        exporter.setChunkSize(2);
        exporter.setProgress([](qint64 written, qint64) { return written < 4; });
        const QString file = m_dir.filePath(QStringLiteral("cancelled.json"));
        auto written = exporter.writeFile(file);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), Error::Code::Cancelled);
        QVERIFY(!QFile::exists(file));
    }
};

QTEST_GUILESS_MAIN(TestQuarantineReader)
#include "tst_quarantinereader.moc"
