#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Drives the real cutover-cli binary ($CUTOVER_CLI) through 'demo', as a user would.
class TestCliDemo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.start(qEnvironmentVariable("CUTOVER_CLI"), arguments);
        Run run;
        if (!process.waitForFinished(120000))
            return run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(qEnvironmentVariable("CUTOVER_CLI")).isExecutable(),
                 "CUTOVER_CLI must name the built cutover-cli");
        QVERIFY(m_root.isValid());
    }

    void help()
    {
        const Run run = cli({QStringLiteral("demo"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("--rows")));
        QVERIFY(run.out.contains(QLatin1String("--seed")));
        QVERIFY(run.out.contains(QLatin1String("DIR")));
        const Run top = cli({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("demo")));
    }

    void writesTheDemo()
    {
        const QString dir = m_root.filePath(QStringLiteral("new/sub"));
        const Run run = cli({QStringLiteral("demo"), dir, QStringLiteral("--rows"),
                             QStringLiteral("150"), QStringLiteral("--seed"), QStringLiteral("9")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        for (const char *name : {"legacy.sqlite", "modern.sqlite", "demo.cutover"}) {
            QVERIFY2(QFileInfo(dir + QLatin1Char('/') + QLatin1String(name)).size() > 0, name);
            QVERIFY2(run.out.contains(QLatin1String(name)), qPrintable(run.out));
        }
        QVERIFY(run.out.contains(QLatin1String("PATIENTS")));
        QVERIFY(run.out.contains(QLatin1String(" 150 rows")));
        QVERIFY(!run.out.contains(QLatin1String("replaced")));
        const QByteArray project = readAll(dir + QStringLiteral("/demo.cutover"));
        QVERIFY(project.contains("\"sqlite:legacy.sqlite\""));
        QVERIFY(project.contains("\"sqlite:modern.sqlite\""));
    }

    void replacesAndSaysSo()
    {
        const QString dir = m_root.filePath(QStringLiteral("again"));
        QVERIFY(QDir().mkpath(dir));
        QFile other(dir + QStringLiteral("/keep.txt"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QCOMPARE(cli({QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("40")})
                     .exitCode,
                 0);
        const QByteArray first = readAll(dir + QStringLiteral("/legacy.sqlite"));
        const Run again =
            cli({QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("40")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.count(QLatin1String("replaced")), 3);
        QCOMPARE(readAll(dir + QStringLiteral("/legacy.sqlite")), first); // same seed, same bytes
        QVERIFY(QFileInfo::exists(dir + QStringLiteral("/keep.txt")));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString dir = QDir::tempPath() + QStringLiteral("/cutover-demo-never-written");
        QTest::newRow("rows not a number") << QStringList{
            QStringLiteral("demo"), dir, QStringLiteral("--rows"), QStringLiteral("many")};
        QTest::newRow("rows zero")
            << QStringList{QStringLiteral("demo"), dir, QStringLiteral("--rows=0")};
        QTest::newRow("rows negative")
            << QStringList{QStringLiteral("demo"), dir, QStringLiteral("--rows=-5")};
        QTest::newRow("rows too many")
            << QStringList{QStringLiteral("demo"), dir, QStringLiteral("--rows=99999999999")};
        QTest::newRow("seed not a number")
            << QStringList{QStringLiteral("demo"), dir, QStringLiteral("--seed=x")};
        QTest::newRow("no folder") << QStringList{QStringLiteral("demo")};
        QTest::newRow("two folders") << QStringList{QStringLiteral("demo"), dir, dir};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("demo"), dir, QStringLiteral("--colour")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(
            !QFileInfo::exists(QDir::tempPath() + QStringLiteral("/cutover-demo-never-written")));
    }

    void cannotWrite()
    {
        const QString file = m_root.filePath(QStringLiteral("plain-file"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const Run run = cli({QStringLiteral("demo"), file + QStringLiteral("/demo"),
                             QStringLiteral("--rows"), QStringLiteral("10")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains(QLatin1String("cannot")));
    }
};

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_cli_demo.moc"
