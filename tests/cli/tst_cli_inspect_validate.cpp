#include "CliRunner.h"
#include "SqliteFile.h"
#include "project/ProjectWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;
using test::CliRunner;

class TestCliInspectValidate : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    Project project() const
    {
        Project p;
        p.name = QStringLiteral("cli test");
        p.connections = {{QStringLiteral("old"), QStringLiteral("sqlite:old.sqlite"), {}},
                         {QStringLiteral("new"), QStringLiteral("sqlite:new.sqlite"), {}}};
        p.sourceConnection = QStringLiteral("old");
        p.targetConnection = QStringLiteral("new");
        TableMapping m;
        m.target = QStringLiteral("person");
        m.source = QStringLiteral("PEOPLE");
        m.columns = {
            {QStringLiteral("id"), QStringLiteral("uuid5('person', P_ID)"), {}, false, false, {}},
            {QStringLiteral("name"), QStringLiteral("title_case(P_NAME)"), {}, false, false, {}}};
        p.mappings = {m};
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!CliRunner::binary().isEmpty(), "CUTOVER_CLI is not set; run through ctest");
        QCOMPARE(test::SqliteFile::create(
                     path("old.sqlite"),
                     {QStringLiteral("CREATE TABLE PEOPLE (P_ID INTEGER PRIMARY KEY, P_NAME TEXT)"),
                      QStringLiteral("INSERT INTO PEOPLE VALUES (1, 'ann'), (2, 'bob')")}),
                 QString());
        QCOMPARE(
            test::SqliteFile::create(
                path("new.sqlite"),
                {QStringLiteral(
                    "CREATE TABLE person (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)")}),
            QString());
        QVERIFY(ProjectWriter::save(project(), path("good.cutover")).ok());
        Project broken = project();
        broken.mappings[0].columns[1].expression = QStringLiteral("title_case(P_NAM)");
        QVERIFY(ProjectWriter::save(broken, path("broken.cutover")).ok());
    }

    void versionHelpAndUsage()
    {
        auto version = CliRunner::run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(QLatin1String("cutover-cli ")));
        auto help = CliRunner::run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("inspect")));
        QVERIFY(help.out.contains(QLatin1String("validate")));
        QVERIFY(help.out.contains(QLatin1String("Exit codes")));
        QCOMPARE(CliRunner::run({}).exitCode, 2);
        auto unknown = CliRunner::run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QLatin1String("unknown command 'frobnicate'")));
        auto subHelp = CliRunner::run({QStringLiteral("validate"), QStringLiteral("--help")});
        QCOMPARE(subHelp.exitCode, 0);
        QVERIFY(subHelp.out.contains(QLatin1String("PROJECT")));
        QCOMPARE(CliRunner::run({QStringLiteral("inspect")}).exitCode, 2);
        QCOMPARE(CliRunner::run(
                     {QStringLiteral("inspect"), QStringLiteral("--bogus"), QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(
            CliRunner::run({QStringLiteral("inspect"), QStringLiteral("oracle://x/y")}).exitCode,
            2);
    }

    void inspectPrintsTheSchema()
    {
        auto text = CliRunner::run({QStringLiteral("inspect"), QStringLiteral("sqlite:old.sqlite")},
                                   m_dir.path());
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("table PEOPLE  (2 rows)")), qPrintable(text.out));
        auto json = CliRunner::run({QStringLiteral("inspect"),
                                    QStringLiteral("sqlite:") + path("old.sqlite"),
                                    QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject table = root[QStringLiteral("tables")].toArray().first().toObject();
        QCOMPARE(table[QStringLiteral("name")].toString(), QStringLiteral("PEOPLE"));
        QCOMPARE(table[QStringLiteral("rowEstimate")].toInt(), 2);
        QCOMPARE(table[QStringLiteral("primaryKey")].toArray().first().toString(),
                 QStringLiteral("P_ID"));
    }

    void inspectOfAMissingFileExitsThree()
    {
        auto missing = CliRunner::run(
            {QStringLiteral("inspect"), QStringLiteral("sqlite:") + path("none.sqlite")});
        QCOMPARE(missing.exitCode, 3);
        QVERIFY(missing.err.contains(QLatin1String("none.sqlite")));
    }

    void validateGoodProjectExitsZero()
    {
        auto run = CliRunner::run({QStringLiteral("validate"), path("good.cutover")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QLatin1String("0 error(s)")));
    }

    void validateBrokenProjectExitsOneWithPlace()
    {
        auto run = CliRunner::run({QStringLiteral("validate"), QStringLiteral("broken.cutover")},
                                  m_dir.path());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(QRegularExpression(QStringLiteral(
                R"(broken\.cutover:\d+:\d+: error: mapping person, column name: no such column: P_NAM)"))),
            qPrintable(run.out));
        auto json = CliRunner::run(
            {QStringLiteral("validate"), path("broken.cutover"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(root[QStringLiteral("status")].toString(), QStringLiteral("failed"));
        QCOMPARE(root[QStringLiteral("errors")].toInt(), 1);
        const QJsonObject problem = root[QStringLiteral("problems")].toArray().first().toObject();
        QCOMPARE(problem[QStringLiteral("code")].toString(), QStringLiteral("bad-expression"));
        QVERIFY(problem[QStringLiteral("line")].toInt() > 0);
    }

    void validateUnreadableProjectExitsThreeWithLine()
    {
        QFile file(path("truncated.cutover"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\n  \"formatVersion\": 1,\n  \"name\": \"x\",\n  \"connections\": [\n");
        file.close();
        auto run = CliRunner::run({QStringLiteral("validate"), path("truncated.cutover")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QLatin1String("truncated.cutover:5:1")), qPrintable(run.err));
    }

    void validateWithAMissingDatabaseExitsThree()
    {
        Project p = project();
        p.connections[1].url = QStringLiteral("sqlite:gone.sqlite");
        QVERIFY(ProjectWriter::save(p, path("gone.cutover")).ok());
        auto run = CliRunner::run({QStringLiteral("validate"), path("gone.cutover")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.out.contains(QLatin1String("cannot-connect")));
        QVERIFY(run.out.contains(QLatin1String("gone.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestCliInspectValidate)
#include "tst_cli_inspect_validate.moc"
