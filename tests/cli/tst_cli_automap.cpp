#include "CliRunner.h"
#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;

// Drives 'cutover-cli automap' on the demo: suggestions for the tables without a mapping, and
// --write adding them as ordinary mappings that load and validate.
class TestCliAutomap : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Project m_demo;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The demo's connections and lookups with only the practitioner mapping.
    Project partial() const
    {
        Project p;
        p.name = QStringLiteral("automap test");
        p.connections = m_demo.connections;
        p.sourceConnection = m_demo.sourceConnection;
        p.targetConnection = m_demo.targetConnection;
        p.lookups = m_demo.lookups;
        p.mappings = {*m_demo.mapping(QStringLiteral("practitioner"))};
        return p;
    }

    static QJsonObject json(const CliRunner::Outcome &run)
    {
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "CUTOVER_CLI is not set; run through ctest");
        QVERIFY(m_dir.isValid());
        const auto demo = CliRunner::run({QStringLiteral("demo"), m_dir.path(),
                                          QStringLiteral("--rows"), QStringLiteral("200")});
        QCOMPARE(demo.exitCode, 0);
        auto loaded = ProjectReader::load(path("demo.cutover"));
        QVERIFY(loaded.ok());
        m_demo = *loaded;
        QVERIFY(ProjectWriter::save(partial(), path("partial.cutover")).ok());
    }

    void helpAndUsage()
    {
        const auto top = CliRunner::run({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("automap")));
        const auto help = CliRunner::run({QStringLiteral("automap"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        // Named as typed, not by the binary's path.
        QVERIFY2(help.out.startsWith(QLatin1String("Usage: cutover-cli automap [options] ")),
                 qPrintable(help.out.left(200)));
        QVERIFY(help.out.contains(QLatin1String("--write")));
        QVERIFY(help.out.contains(QLatin1String("--min-confidence")));
        QCOMPARE(CliRunner::run({QStringLiteral("automap")}).exitCode, 2);
        const auto unknown = CliRunner::run({QStringLiteral("automap"), path("partial.cutover"),
                                             QStringLiteral("--table"), QStringLiteral("nope")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("nope")));
        QCOMPARE(CliRunner::run({QStringLiteral("automap"), path("partial.cutover"),
                                 QStringLiteral("--min-confidence"), QStringLiteral("2")})
                     .exitCode,
                 2);
        QCOMPARE(CliRunner::run({QStringLiteral("automap"), path("missing.cutover")}).exitCode, 3);
    }

    void printsSuggestions()
    {
        const QByteArray before = readAll(path("partial.cutover"));
        const auto run =
            CliRunner::run({QStringLiteral("automap"), path("partial.cutover"),
                            QStringLiteral("--time-zone"), QStringLiteral("Europe/Berlin")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("patient <- PATIENTS")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("encounter <- ENCOUNTERS")));
        QVERIFY(run.out.contains(QLatin1String("observation <- obs")));
        QVERIFY(run.out.contains(QLatin1String("invoice <- tblInvoice")));
        QVERIFY(!run.out.contains(QLatin1String("practitioner <- "))); // already mapped
        QVERIFY(run.out.contains(QLatin1String("synonym dob ~ birth_date")));
        QVERIFY(run.out.contains(QLatin1String("to_utc(CREATED, 'Europe/Berlin')")));
        QVERIFY(run.out.contains(QLatin1String("4 table(s)")));
        QCOMPARE(readAll(path("partial.cutover")), before); // nothing written without --write
    }

    void printsJson()
    {
        const auto run = CliRunner::run({QStringLiteral("automap"), path("partial.cutover"),
                                         QStringLiteral("--table"), QStringLiteral("patient"),
                                         QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = json(run);
        const QJsonArray tables = root.value(QStringLiteral("tables")).toArray();
        QCOMPARE(tables.size(), 1);
        const QJsonObject patient = tables.first().toObject();
        QCOMPARE(patient.value(QStringLiteral("source")).toString(), QStringLiteral("PATIENTS"));
        QCOMPARE(patient.value(QStringLiteral("sourceKey")).toString(), QStringLiteral("PAT_ID"));
        QHash<QString, QJsonObject> columns;
        for (const QJsonValue &c : patient.value(QStringLiteral("columns")).toArray())
            columns.insert(c.toObject().value(QStringLiteral("target")).toString(), c.toObject());
        QCOMPARE(columns.size(), 12);
        const QJsonObject birth = columns.value(QStringLiteral("birth_date"));
        QCOMPARE(birth.value(QStringLiteral("source")).toString(), QStringLiteral("DOB"));
        QVERIFY(birth.value(QStringLiteral("confidence")).toDouble() >= 0.6);
        QVERIFY(birth.value(QStringLiteral("accepted")).toBool());
        QVERIFY(birth.value(QStringLiteral("expression"))
                    .toString()
                    .startsWith(QLatin1String("date(parse_datetime(DOB, ")));
        QVERIFY(!birth.value(QStringLiteral("reason")).toString().isEmpty());
        QCOMPARE(columns.value(QStringLiteral("id")).value(QStringLiteral("expression")).toString(),
                 QStringLiteral("uuid5('patient', PAT_ID)"));
        QVERIFY(root.value(QStringLiteral("written")).toArray().isEmpty());
    }

    void writeAddsMappingsThatValidate()
    {
        QVERIFY(QFile::copy(path("partial.cutover"), path("write.cutover")));
        const auto run = CliRunner::run(
            {QStringLiteral("automap"), path("write.cutover"), QStringLiteral("--write")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("Wrote 4 mapping(s)")), qPrintable(run.out));

        auto written = ProjectReader::load(path("write.cutover"));
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QCOMPARE(written->mappings.size(), 5);
        QCOMPARE(*written->mapping(QStringLiteral("practitioner")),
                 *m_demo.mapping(QStringLiteral("practitioner"))); // untouched
        const TableMapping *patient = written->mapping(QStringLiteral("patient"));
        QVERIFY(patient);
        QCOMPARE(patient->source, QStringLiteral("PATIENTS"));
        QCOMPARE(patient->sourceKey, QStringLiteral("PAT_ID"));
        QCOMPARE(patient->keyStrategy, TableMapping::KeyStrategy::RemapUuid);
        QVERIFY(patient->column(QStringLiteral("full_name")));
        QCOMPARE(patient->column(QStringLiteral("email"))->expression, QStringLiteral("EMAIL"));
        // encounter.started_at (0.45, shape only) stays below the default threshold.
        QVERIFY(
            !written->mapping(QStringLiteral("encounter"))->column(QStringLiteral("started_at")));

        // A second run finds nothing left to map and leaves the file alone.
        const QByteArray once = readAll(path("write.cutover"));
        const auto again = CliRunner::run(
            {QStringLiteral("automap"), path("write.cutover"), QStringLiteral("--write")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains(QLatin1String("Wrote 0 mapping(s)")));
        QCOMPARE(readAll(path("write.cutover")), once);

        // validate accepts every column the auto-mapper wrote: no unknown column, no expression
        // that does not compile, no type that cannot convert, no duplicate.
        const auto validate = CliRunner::run(
            {QStringLiteral("validate"), path("write.cutover"), QStringLiteral("--json")});
        QVERIFY2(validate.exitCode == 0 || validate.exitCode == 1, qPrintable(validate.err));
        const QStringList refused = {"bad-expression",        "unknown-target-column",
                                     "unknown-source-column", "unknown-source-table",
                                     "unknown-target-table",  "duplicate-column",
                                     "type-mismatch",         "unknown-lookup"};
        int errors = 0;
        for (const QJsonValue &p : json(validate).value(QStringLiteral("problems")).toArray()) {
            const QJsonObject problem = p.toObject();
            const QString code = problem.value(QStringLiteral("code")).toString();
            QVERIFY2(!refused.contains(code),
                     qPrintable(code + QStringLiteral(": ") +
                                problem.value(QStringLiteral("message")).toString()));
            if (problem.value(QStringLiteral("severity")).toString() == QLatin1String("error")) {
                ++errors;
                // Only NOT NULL columns nothing fills yet (below the threshold) may remain.
                QCOMPARE(code, QStringLiteral("unfilled-required-column"));
            }
        }
        qInfo("validate after automap --write: %d error(s), exit code %d", errors,
              validate.exitCode);
    }

    void writeNeverOverwrites()
    {
        const QByteArray before = readAll(path("partial.cutover"));
        const auto run = CliRunner::run({QStringLiteral("automap"), path("partial.cutover"),
                                         QStringLiteral("--table"), QStringLiteral("practitioner"),
                                         QStringLiteral("--write")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QLatin1String("practitioner <- Practitioners")));
        QVERIFY(run.out.contains(QLatin1String("Wrote 0 mapping(s)")));
        QCOMPARE(readAll(path("partial.cutover")), before);
    }
};

QTEST_GUILESS_MAIN(TestCliAutomap)
#include "tst_cli_automap.moc"
