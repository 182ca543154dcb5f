#include "ProgressBarLine.h"

#include <QTest>

using cutover::RunProgress;
using cutover::TableProgress;
using cutover::cli::ProgressBarLine;

namespace {

TableProgress table(const QString &name, TableProgress::Stage stage, qint64 expected = -1,
                    qint64 written = 0, qint64 quarantined = 0)
{
    TableProgress t;
    t.table = name;
    t.stage = stage;
    t.expectedRows = expected;
    t.read = written + quarantined;
    t.written = written;
    t.quarantined = quarantined;
    return t;
}

// The demo's run with two tables loading at once (parallelTables 2).
RunProgress twoLoading()
{
    using Stage = TableProgress::Stage;
    RunProgress p;
    p.tables = {table(QStringLiteral("practitioner"), Stage::Done, 400, 400),
                table(QStringLiteral("patient"), Stage::Done, 20000, 19066, 934),
                table(QStringLiteral("encounter"), Stage::Done, 60333, 55899, 4434),
                table(QStringLiteral("observation"), Stage::Loading, 241818, 120000, 1000),
                table(QStringLiteral("invoice"), Stage::Loading, 59048, 30000, 500)};
    p.tables[3].rowsPerSecond = 6079;
    p.tables[3].etaSeconds = 39;
    p.tables[4].rowsPerSecond = 2493;
    p.tables[4].etaSeconds = 11;
    return p;
}

} // namespace

// The line cutover-cli run redraws on a terminal: it fits the terminal's width with two tables
// loading, counts the planned tables from the start, and its bar is full only at the end.
class TestProgressBarLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fitsTheWidthWithTwoTablesLoading_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<QStringList>("shown");
        QTest::newRow("120") << 120
                             << QStringList{QStringLiteral("] 3/5 tables"),
                                            QStringLiteral("observation 121,000/241,818; invoice "
                                                           "30,500/59,048"),
                                            QStringLiteral("6,868 quarantined")};
        QTest::newRow("80") << 80
                            << QStringList{QStringLiteral("] 3/5 tables"),
                                           QStringLiteral("observation 50%; invoice 51%"),
                                           QStringLiteral("6,868 quarantined")};
        QTest::newRow("60") << 60
                            << QStringList{QStringLiteral("] 3/5"),
                                           QStringLiteral("observation 50%; invoice 51%"),
                                           QStringLiteral("6,868 quar.")};
    }

    void fitsTheWidthWithTwoTablesLoading()
    {
        QFETCH(int, width);
        QFETCH(QStringList, shown);
        const QString line = ProgressBarLine::format(twoLoading(), width);
        QVERIFY2(line.size() < width, qPrintable(line));
        // A one-table line keeps the bar's width: it does not jump as the text changes.
        RunProgress one = twoLoading();
        one.tables.removeLast();
        QCOMPARE(ProgressBarLine::format(one, width).indexOf(QLatin1Char(']')),
                 line.indexOf(QLatin1Char(']')));
        for (const QString &part : shown)
            QVERIFY2(line.contains(part), qPrintable(part + QStringLiteral(" in ") + line));
    }

    void aNarrowTerminalShortensTheNames()
    {
        const QString line = ProgressBarLine::format(twoLoading(), 40);
        QVERIFY2(line.size() < 40, qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("] 3/5  obs… 50%; inv… 51%")), qPrintable(line));
    }

    void countsThePlannedTablesFromTheStart()
    {
        RunProgress p;
        QCOMPARE(ProgressBarLine::format(p, 120),
                 QStringLiteral("[------------------------] preparing"));
        for (const char *name : {"practitioner", "patient", "encounter"})
            p.tables.append(table(QLatin1String(name), TableProgress::Stage::Waiting));
        QCOMPARE(ProgressBarLine::format(p, 120),
                 QStringLiteral("[------------------------] 0/3 tables  0 quarantined"));
    }

    void theBarIsFullOnlyWhenEveryTableIsDone()
    {
        using Stage = TableProgress::Stage;
        RunProgress p;
        // Every row read and written, but the table is still loading, then finishing.
        p.tables = {table(QStringLiteral("practitioner"), Stage::Done, 400, 400),
                    table(QStringLiteral("invoice"), Stage::Loading, 59048, 59048)};
        QVERIFY(ProgressBarLine::share(p) < 1);
        QVERIFY2(ProgressBarLine::format(p, 120).startsWith(QStringLiteral("[#######")),
                 qPrintable(ProgressBarLine::format(p, 120)));
        QVERIFY2(ProgressBarLine::format(p, 120).contains(QStringLiteral("#-]")),
                 qPrintable(ProgressBarLine::format(p, 120)));
        p.tables[1].stage = Stage::Finishing;
        QVERIFY(ProgressBarLine::format(p, 120).contains(QLatin1Char('-')));
        QCOMPARE(ProgressBarLine::bar(0.999, 24).count(QLatin1Char('#')), 23);
        p.tables[1].stage = Stage::Done;
        QVERIFY2(ProgressBarLine::format(p, 120).startsWith(
                     QLatin1Char('[') + QString(24, QLatin1Char('#')) + QLatin1Char(']')),
                 qPrintable(ProgressBarLine::format(p, 120)));
    }

    void aTableLoadingFillsTheBarByItsRowsHandled()
    {
        RunProgress p;
        p.tables = {
            table(QStringLiteral("patient"), TableProgress::Stage::Loading, 1000, 400, 100)};
        p.tables[0].read = 1000; // read ahead of the writes
        QCOMPARE(ProgressBarLine::format(p, 120).left(26),
                 QStringLiteral("[############------------]"));
    }
};

QTEST_GUILESS_MAIN(TestProgressBarLine)
#include "tst_progressbarline.moc"
