#include "project/ProjectReader.h"
#include "project/ProjectWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

Project fullProject()
{
    Project p;
    p.name = QStringLiteral("Clinic — wave 1");
    p.description = QStringLiteral("Legacy \"PMS\" onto the new platform\nwith notes");
    p.connections = {{QStringLiteral("legacy"), QStringLiteral("sqlite:legacy.sqlite"), {}},
                     {QStringLiteral("modern"), QStringLiteral("postgresql://etl@db:5432/clinic"),
                      QStringLiteral("production target")}};
    p.sourceConnection = QStringLiteral("legacy");
    p.targetConnection = QStringLiteral("modern");
    TableMapping m;
    m.target = QStringLiteral("patient");
    m.source = QStringLiteral("PATIENTS");
    m.filter = QStringLiteral("DELETED = 0");
    m.keyStrategy = TableMapping::KeyStrategy::RemapUuid;
    m.keyNamespace = QStringLiteral("patient");
    m.mode = TableMapping::Mode::Upsert;
    m.watermark = QStringLiteral("UPDATED");
    m.maxErrorRate = 0.25;
    m.maxQuarantined = 40;
    ColumnMapping id{
        QStringLiteral("id"), QStringLiteral("uuid5('patient', PAT_ID)"), {}, false, false, {}};
    ColumnMapping name{QStringLiteral("full_name"),
                       QStringLiteral("title_case(\"PAT NAME\")"),
                       QStringLiteral("'unknown'"),
                       true,
                       false,
                       QStringLiteral("ü and 李"),
                       true,
                       QStringLiteral("cp1252")};
    ColumnMapping email{
        QStringLiteral("email"), QStringLiteral("lower(trim(EMAIL))"), {}, false, true, {}};
    m.columns = {id, name, email};
    TableMapping q;
    q.target = QStringLiteral("invoice");
    q.query = QStringLiteral("SELECT * FROM INV JOIN ENC USING (ENC_ID)");
    q.mode = TableMapping::Mode::TruncateLoad;
    q.keyStrategy = TableMapping::KeyStrategy::Generate;
    p.mappings = {m, q};
    const auto column = [](const char *name, NormalizedType type, bool nullable = true) {
        ColumnInfo c;
        c.name = QLatin1String(name);
        c.type = type;
        c.declaredType = type.toString();
        c.nullable = nullable;
        return c;
    };
    TableInfo invoice;
    invoice.name = QStringLiteral("invoice");
    invoice.columns = {column("id", NormalizedType::integer(), false),
                       column("patient_id", NormalizedType(NormalizedType::Kind::Uuid)),
                       column("amount", NormalizedType::decimal(12, 2)),
                       column("issued", NormalizedType(NormalizedType::Kind::Timestamp))};
    invoice.columns[0].autoIncrement = true;
    invoice.columns[0].primaryKeyPosition = 1;
    invoice.columns[2].hasDefault = true;
    invoice.columns[2].defaultValue = QStringLiteral("0");
    invoice.columns[3].hasDefault = true;
    invoice.columns[3].defaultValue = QStringLiteral("CURRENT_TIMESTAMP");
    invoice.primaryKey = {QStringLiteral("id")};
    invoice.indexes = {{QStringLiteral("invoice_patient_idx"), {QStringLiteral("patient_id")}},
                       {QStringLiteral("invoice_issued_key"),
                        {QStringLiteral("issued"), QStringLiteral("id")},
                        true,
                        true}};
    invoice.foreignKeys = {{QStringLiteral("invoice_patient_fkey"),
                            {QStringLiteral("patient_id")},
                            QStringLiteral("patient"),
                            {QStringLiteral("id")}}};
    p.targetTables = {invoice};
    LookupMap status{QStringLiteral("status_codes"),
                     {{QStringLiteral("A"), QStringLiteral("active")},
                      {QStringLiteral("I"), QStringLiteral("inactive")}},
                     {},
                     false};
    LookupMap gender{QStringLiteral("gender"),
                     {{QStringLiteral("m"), QStringLiteral("male")}},
                     QStringLiteral("unknown"),
                     true};
    p.lookups = {status, gender};
    Rule unique;
    unique.name = QStringLiteral("unique-email");
    unique.table = QStringLiteral("patient");
    unique.column = QStringLiteral("email");
    unique.kind = Rule::Kind::Unique;
    unique.severity = Rule::Severity::Warning;
    Rule allowed;
    allowed.name = QStringLiteral("known-status");
    allowed.table = QStringLiteral("patient");
    allowed.column = QStringLiteral("status");
    allowed.kind = Rule::Kind::AllowedValues;
    allowed.allowed = {QStringLiteral("active"), QStringLiteral("inactive")};
    Rule range;
    range.name = QStringLiteral("amount");
    range.table = QStringLiteral("invoice");
    range.column = QStringLiteral("amount_cents");
    range.kind = Rule::Kind::Range;
    range.minimum = QStringLiteral("0");
    range.maximum = QStringLiteral("10000000");
    p.rules = {unique, allowed, range};
    p.phases = {{QStringLiteral("wave-1"),
                 QStringLiteral("site A"),
                 {QStringLiteral("patient")},
                 QStringLiteral("SITE = 'A'")}};
    p.settings.batchSize = 10000;
    p.settings.maxErrorRate = 0.015;
    p.settings.maxRunErrorRate = 0.01;
    RunbookStep backup;
    backup.id = QStringLiteral("backup");
    backup.title = QStringLiteral("Back up the target");
    backup.section = RunbookStep::Section::PreMigration;
    backup.owner = {QStringLiteral("Jo Lee"), QStringLiteral("DBA")};
    backup.action = RunbookStep::Action::Backup;
    backup.durationMinutes = 20;
    RunbookStep run;
    run.id = QStringLiteral("run-1");
    run.title = QStringLiteral("Run wave 1");
    run.owner.role = QStringLiteral("Data engineer");
    run.description = QStringLiteral("Loads site A");
    run.action = RunbookStep::Action::Run;
    run.phase = QStringLiteral("wave-1");
    run.durationMinutes = 90;
    run.durationFromRehearsals = true;
    run.after = {QStringLiteral("backup")};
    RunbookStep gate;
    gate.id = QStringLiteral("go-no-go");
    gate.title = QStringLiteral("Go / no-go");
    gate.section = RunbookStep::Section::Decision;
    gate.after = {QStringLiteral("run-1")};
    gate.gate.enabled = true;
    gate.gate.signoffs = {QStringLiteral("Data owner"), QStringLiteral("CTO")};
    gate.gate.maxErrorRate = 0.02;
    p.runbook.strategy = QStringLiteral("phased");
    p.runbook.windowMinutes = 240;
    p.runbook.plannedStart = QDateTime(QDate(2026, 12, 12), QTime(22, 0), Qt::UTC);
    p.runbook.steps = {backup, run, gate};
    p.advisor.answers.rows = 1200000;
    p.advisor.answers.downtimeMinutes = 240;
    p.advisor.answers.riskTolerance = AdvisorAnswers::Level::Low;
    p.advisor.answers.sideBySide = AdvisorAnswers::Answer::Yes;
    p.advisor.answers.hosting = AdvisorAnswers::Hosting::OnPremises;
    p.advisor.recommended = QStringLiteral("phased");
    p.advisor.scores = {{QStringLiteral("phased"), 80}, {QStringLiteral("big-bang"), 35}};
    p.advisor.decidedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    return p;
}

QByteArray validBytes()
{
    return ProjectWriter::toBytes(fullProject());
}

// A target table with CHECK constraints, a partial index and an expression index.
Project projectWithChecks()
{
    Project p = fullProject();
    TableInfo account;
    account.name = QStringLiteral("account");
    for (const char *name : {"id", "email", "deleted_at", "balance"}) {
        ColumnInfo c;
        c.name = QString::fromLatin1(name);
        c.type = NormalizedType(NormalizedType::Kind::Text);
        c.declaredType = c.type.toString();
        account.columns.append(c);
    }
    IndexInfo live{QStringLiteral("account_live_email_key"), {QStringLiteral("email")}, true};
    live.where = QStringLiteral("\"deleted_at\" IS NULL");
    live.partial = true;
    IndexInfo lower{QStringLiteral("account_lower_email_idx"),
                    {QStringLiteral("id"), QStringLiteral("<expression>")}};
    lower.expressions = {QString(), QStringLiteral("lower(\"email\")")};
    account.indexes = {live, lower};
    account.checks = {{QStringLiteral("account_balance_check"), QStringLiteral("\"balance\" >= 0")},
                      {QStringLiteral("email_has_at"), QStringLiteral("\"email\" LIKE '%@%'")}};
    p.targetTables.append(account);
    return p;
}

} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsByteIdentical()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.cutover"));
        QVERIFY(ProjectWriter::save(fullProject(), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();

        const auto loaded = ProjectReader::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        Project expected = fullProject();
        expected.baseDir = dir.path();
        QCOMPARE(loaded->baseDir, dir.path());
        QVERIFY(*loaded == expected);
        QCOMPARE(ProjectWriter::toBytes(*loaded), written);
    }

    // Checks, partial and expression indexes round-trip; a table without them is written as
    // before (no empty keys).
    void canvasPositionsRoundTrip()
    {
        Project project = fullProject();
        project.canvas.sources.insert(QStringLiteral("PATIENTS"), QPointF(0, 140));
        project.canvas.targets.insert(QStringLiteral("patient"), QPointF(560, -20));
        const QByteArray bytes = ProjectWriter::toBytes(project);
        const auto loaded = ProjectReader::parse(bytes, QStringLiteral("c.cutover"), {});
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->canvas, project.canvas);
        QCOMPARE(ProjectWriter::toBytes(*loaded), bytes);
        QVERIFY(!validBytes().contains("\"canvas\"")); // no layout, no member
    }

    void checksAndIndexExpressionsRoundTrip()
    {
        const QByteArray bytes = ProjectWriter::toBytes(projectWithChecks());
        QVERIFY(!validBytes().contains("\"checks\""));
        QVERIFY(!validBytes().contains("\"where\""));
        QVERIFY2(bytes.contains("\"where\": \"\\\"deleted_at\\\" IS NULL\""), bytes.constData());
        QVERIFY2(bytes.contains("\"expression\": \"lower(\\\"email\\\")\""), bytes.constData());
        QVERIFY(bytes.contains("\"name\": \"email_has_at\""));
        const auto loaded = ProjectReader::parse(bytes, QStringLiteral("c.cutover"), {});
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const TableInfo *account = loaded->targetTable(QStringLiteral("account"));
        QVERIFY(account);
        QCOMPARE(account->checks, projectWithChecks().targetTables.last().checks);
        QCOMPARE(account->indexes.size(), 2);
        QVERIFY(account->indexes[0].partial);
        QCOMPARE(account->indexes[1].expression(1), QStringLiteral("lower(\"email\")"));
        QCOMPARE(ProjectWriter::toBytes(*loaded), bytes);
    }

    void refusesBadChecksAndIndexes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const QByteArray valid = ProjectWriter::toBytes(projectWithChecks());
        auto replaced = [&](const char *from, const char *to) {
            QByteArray copy = valid;
            Q_ASSERT(copy.contains(from));
            return copy.replace(from, to);
        };
        QTest::newRow("a check without its expression")
            << replaced("\"expression\": \"\\\"balance\\\" >= 0\"", "\"expression\": \"\"")
            << "(targetTables[1].checks[0].expression)"
            << "must not be empty";
        QTest::newRow("a check's expression not a string")
            << replaced("\"expression\": \"\\\"balance\\\" >= 0\"", "\"expression\": 0")
            << "(targetTables[1].checks[0].expression)"
            << "expected a string, found a number";
        QTest::newRow("two checks of one name")
            << replaced("\"name\": \"email_has_at\"", "\"name\": \"account_balance_check\"")
            << "(targetTables[1].checks[1])"
            << "a second check named 'account_balance_check'";
        QTest::newRow("an index term neither name nor expression")
            << replaced("\"id\",\n            {", "5,\n            {")
            << "(targetTables[1].indexes[1].columns[0])"
            << "expected a column's name or {\"expression\": SQL}, found a number";
        QTest::newRow("an expression term with an unknown key")
            << replaced("\"expression\": \"lower(\\\"email", "\"expresion\": \"lower(\\\"email")
            << "(targetTables[1].indexes[1].columns[1])"
            << "missing required key 'expression'";
        QTest::newRow("an empty condition")
            << replaced("\"where\": \"\\\"deleted_at\\\" IS NULL\"", "\"where\": \" \"")
            << "(targetTables[1].indexes[0].where)"
            << "must not be empty";
        QTest::newRow("a partial unique constraint")
            << replaced("\"unique\": true,\n          \"where\"",
                        "\"constraint\": true, \"unique\": true,\n          \"where\"")
            << "(targetTables[1].indexes[0].constraint)"
            << "a unique constraint has columns only";
    }
    void refusesBadChecksAndIndexes()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto loaded =
            ProjectReader::parse(text, QStringLiteral("bad.cutover"), QStringLiteral("/tmp"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), Error::Code::Parse);
        QVERIFY2(loaded.error().where().contains(where), qPrintable(loaded.error().toString()));
        QVERIFY2(loaded.error().where().contains(QStringLiteral("bad.cutover:")),
                 qPrintable(loaded.error().toString()));
        QVERIFY2(loaded.error().message().contains(message), qPrintable(loaded.error().toString()));
    }

    void formatIsStableAndReadable()
    {
        const QByteArray bytes = validBytes();
        QVERIFY(bytes.startsWith("{\n  \"formatVersion\": 2,\n  \"name\": "));
        QVERIFY(bytes.endsWith("}\n"));
        QVERIFY(bytes.contains("\"note\": \"ü and 李\"")); // UTF-8, not \u escapes
        QCOMPARE(ProjectWriter::toBytes(fullProject()), bytes);
        // Keys are written in a fixed order: connections before mappings before runbook.
        QVERIFY(bytes.indexOf("\"connections\"") < bytes.indexOf("\"mappings\""));
        QVERIFY(bytes.indexOf("\"mappings\"") < bytes.indexOf("\"runbook\""));
        // A column's encoding follows its expression.
        QVERIFY(bytes.contains("\"expression\": \"title_case(\\\"PAT NAME\\\")\",\n"
                               "          \"encoding\": \"cp1252\",\n"));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const QByteArray valid = validBytes();
        auto replaced = [&](const char *from, const char *to) {
            QByteArray copy = valid;
            Q_ASSERT(copy.contains(from));
            return copy.replace(from, to);
        };
        QTest::newRow("empty") << QByteArray() << "bad.cutover:1:1"
                               << "not valid JSON";
        QTest::newRow("truncated")
            << valid.left(valid.indexOf("\"mappings\"") + 30) << "bad.cutover:"
            << "not valid JSON";
        QTest::newRow("array at the top") << QByteArray("[1, 2]") << "bad.cutover:1:1"
                                          << "expected an object, found an array";
        QTest::newRow("no version") << replaced("\"formatVersion\": 2,", "") << "bad.cutover:1:1"
                                    << "missing required key 'formatVersion'";
        QTest::newRow("newer version") << replaced("\"formatVersion\": 2,", "\"formatVersion\": 7,")
                                       << "bad.cutover:2:20 (formatVersion)"
                                       << "newer Cutover";
        QTest::newRow("version not a number")
            << replaced("\"formatVersion\": 2,", "\"formatVersion\": \"1\",")
            << "bad.cutover:2:20 (formatVersion)"
            << "whole number";
        QTest::newRow("name not a string")
            << replaced("\"name\": \"Clinic — wave 1\"", "\"name\": 5") << "bad.cutover:3:11 (name)"
            << "expected a string, found a number";
        QTest::newRow("unknown key (typo)")
            << replaced("\"columns\": [", "\"colums\": [") << "(mappings[0].colums)"
            << "unknown key 'colums'";
        QTest::newRow("bad enum") << replaced("\"mode\": \"upsert\"", "\"mode\": \"merge\"")
                                  << "(mappings[0].mode)"
                                  << "'merge' is not one of: insert, upsert, truncate-load";
        QTest::newRow("wrong type deep inside")
            << replaced("\"sensitive\": true", "\"sensitive\": \"yes\"")
            << "(mappings[0].columns[2].sensitive)"
            << "expected true or false";
        QTest::newRow("unknown source connection")
            << replaced("\"source\": \"legacy\"", "\"source\": \"old\"") << "(source)"
            << "no connection named 'old'";
        QTest::newRow("two mappings for one table")
            << replaced("\"target\": \"invoice\"", "\"target\": \"patient\"") << "(mappings[1])"
            << "a second mapping for target table 'patient'";
        QTest::newRow("negative batch size")
            << replaced("\"batchSize\": 10000", "\"batchSize\": -5") << "(settings.batchSize)"
            << "at least 1";
        QTest::newRow("a table's error rate above 1")
            << replaced("\"maxErrorRate\": 0.25", "\"maxErrorRate\": 25")
            << "(mappings[0].maxErrorRate)"
            << "a share between 0 and 1";
        QTest::newRow("a table's count not whole")
            << replaced("\"maxQuarantined\": 40", "\"maxQuarantined\": 4.5")
            << "(mappings[0].maxQuarantined)"
            << "whole number";
        QTest::newRow("the run's error rate negative")
            << replaced("\"maxRunErrorRate\": 0.01", "\"maxRunErrorRate\": -0.5")
            << "(settings.maxRunErrorRate)"
            << "a share between 0 and 1";
        // JSON parsers keep one of two equal keys without a word: which mode was meant?
        QTest::newRow("a key given twice")
            << replaced("\"mode\": \"upsert\"", "\"mode\": \"upsert\", \"mode\": \"truncate-load\"")
            << "(mappings[0].mode)"
            << "the key 'mode' is given twice";
        QTest::newRow("a key given twice at the top")
            << replaced("\"formatVersion\": 2,", "\"formatVersion\": 2, \"formatVersion\": 2,")
            << "bad.cutover:2:23 (formatVersion)"
            << "the key 'formatVersion' is given twice";
        QTest::newRow("a target table's type misspelled")
            << replaced("\"type\": \"decimal(12,2)\"", "\"type\": \"money\"")
            << "(targetTables[0].columns[2].type)"
            << "'money' is not a type";
        QTest::newRow("a target table's key naming no column")
            << replaced("\"primaryKey\": [\"id\"]", "\"primaryKey\": [\"idx\"]")
            << "(targetTables[0].primaryKey)"
            << "the table has no column 'idx'";
        QTest::newRow("a foreign key with one column for two")
            << replaced("\"referencedColumns\": [\"id\"]", "\"referencedColumns\": [\"id\", \"x\"]")
            << "(targetTables[0].foreignKeys[0])"
            << "as many columns";
        QTest::newRow("a canvas position that is not [x, y]")
            << replaced("\"formatVersion\": 2,",
                        "\"formatVersion\": 2, \"canvas\": {\"sources\": {\"PATIENTS\": [10]}},")
            << "(canvas.sources.PATIENTS)"
            << "expected [x, y]";
        QTest::newRow("an unknown canvas member")
            << replaced("\"formatVersion\": 2,", "\"formatVersion\": 2, \"canvas\": {\"zoom\": 2},")
            << "(canvas.zoom)"
            << "unknown";
        QTest::newRow("both source and query")
            << replaced("\"source\": \"PATIENTS\"",
                        "\"source\": \"PATIENTS\", \"query\": \"SELECT 1\"")
            << "(mappings[0])"
            << "exactly one of 'source'";
    }
    // Format 1 kept the runbook as a list of steps with the owner as text and the gate as a
    // flag; it is read as format 2.
    void formatOneIsUpgraded()
    {
        const QByteArray v1 = R"({"formatVersion": 1, "name": "old",
            "connections": [{"name": "a", "url": "sqlite:a.db"}], "source": "a", "target": "a",
            "runbook": [{"id": "backup", "title": "Back up", "owner": "DBA", "action": "backup"},
                        {"id": "go", "title": "Go / no-go", "owner": "CTO", "gate": true},
                        {"id": "tidy", "title": "Tidy up", "gate": false}]})";
        const auto loaded =
            ProjectReader::parse(v1, QStringLiteral("old.cutover"), QStringLiteral("/tmp"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const QList<RunbookStep> &steps = loaded->runbook.steps;
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps.at(0).owner.name, QStringLiteral("DBA"));
        QCOMPARE(steps.at(0).action, RunbookStep::Action::Backup);
        QVERIFY(steps.at(1).gate.enabled);
        QVERIFY(steps.at(1).gate.passReport);
        QVERIFY(!steps.at(2).gate.enabled);
        QVERIFY(ProjectWriter::toBytes(*loaded).startsWith("{\n  \"formatVersion\": 2,"));
    }

    void refusesBadRunbooks_data()
    {
        QTest::addColumn<QByteArray>("steps");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown predecessor")
            << QByteArray(R"([{"id": "a", "title": "A", "after": ["b"]}])")
            << "runbook.steps[0].after"
            << "no step with id 'b'";
        QTest::newRow("a circle") << QByteArray(R"([{"id": "a", "title": "A", "after": ["c"]},
                             {"id": "b", "title": "B", "after": ["a"]},
                             {"id": "c", "title": "C", "after": ["b"]}])")
                                  << "runbook.steps"
                                  << "in a circle: a -> c -> b -> a";
        QTest::newRow("a second id")
            << QByteArray(R"([{"id": "a", "title": "A"}, {"id": "a", "title": "B"}])")
            << "runbook.steps[1]"
            << "a second step with id 'a'";
        QTest::newRow("unknown section")
            << QByteArray(R"([{"id": "a", "title": "A", "section": "lunch"}])")
            << "runbook.steps[0].section"
            << "'lunch' is not one of: pre-migration";
        QTest::newRow("bad gate limit")
            << QByteArray(R"([{"id": "a", "title": "A", "gate": {"maxErrorRate": 3}}])")
            << "runbook.steps[0].gate.maxErrorRate"
            << "between 0 and 1";
        QTest::newRow("unknown gate member")
            << QByteArray(R"([{"id": "a", "title": "A", "gate": {"signoff": ["CTO"]}}])")
            << "runbook.steps[0].gate"
            << "signoff";
    }

    void refusesBadRunbooks()
    {
        QFETCH(QByteArray, steps);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const QByteArray text = R"({"formatVersion": 2, "name": "x",
            "connections": [{"name": "a", "url": "sqlite:a.db"}], "source": "a", "target": "a",
            "runbook": {"steps": )" +
                                steps + "}}";
        const auto loaded =
            ProjectReader::parse(text, QStringLiteral("bad.cutover"), QStringLiteral("/tmp"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().where().contains(where), qPrintable(loaded.error().toString()));
        QVERIFY2(loaded.error().message().contains(message), qPrintable(loaded.error().toString()));
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto loaded =
            ProjectReader::parse(text, QStringLiteral("bad.cutover"), QStringLiteral("/tmp"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), Error::Code::Parse);
        QVERIFY2(loaded.error().where().contains(where), qPrintable(loaded.error().toString()));
        QVERIFY2(loaded.error().message().contains(message), qPrintable(loaded.error().toString()));
    }

    // Names are read as the Unicode they are, whatever the letters (they were once read as
    // Latin-1 bytes of their UTF-8, so a column "größe" was "missing").
    void reconcileNamesBeyondAsciiRoundTrip()
    {
        Project project = fullProject();
        ColumnCompareOverride tolerance;
        tolerance.tolerance = 0.5;
        project.reconcile.columns.insert(QStringLiteral("maß.größe"), tolerance);
        project.reconcile.keys.insert(QStringLiteral("maß"), {QStringLiteral("schlüssel")});
        const auto loaded =
            ProjectReader::parse(ProjectWriter::toBytes(project), QStringLiteral("p.cutover"), {});
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->reconcile.columns, project.reconcile.columns);
        QCOMPARE(loaded->reconcile.keys, project.reconcile.keys);
    }

    // A 10 MB value in the wrong place: the error quotes its start, not all of it.
    void aHugeBadValueIsQuotedInPart()
    {
        QByteArray text = validBytes();
        const QByteArray huge(10 * 1024 * 1024, 'x');
        text.replace("\"mode\": \"upsert\"", "\"mode\": \"" + huge + "\"");
        const auto loaded = ProjectReader::parse(text, QStringLiteral("p.cutover"), {});
        QVERIFY(!loaded.ok());
        const QString said = loaded.error().toString();
        QVERIFY2(said.size() < 2000, qPrintable(QString::number(said.size())));
        // The quoted value: 10,485,760 characters and its two quotes.
        QVERIFY2(said.contains(QStringLiteral("(10,485,762 characters)")), qPrintable(said));
        QVERIFY2(said.contains(QLatin1String("is not one of: insert, upsert, truncate-load")),
                 qPrintable(said));
    }

    void errorLinePointsAtTheOffendingValue()
    {
        QByteArray text = validBytes();
        text.replace("\"mode\": \"upsert\"", "\"mode\": \"merge\"");
        const auto loaded = ProjectReader::parse(text, QStringLiteral("p.cutover"), {});
        const QList<QByteArray> lines = text.split('\n');
        const QString where = loaded.error().where(); // p.cutover:LINE:COL (path)
        const int line = where.section(QLatin1Char(':'), 1, 1).toInt();
        const int column =
            where.section(QLatin1Char(':'), 2, 2).section(QLatin1Char(' '), 0, 0).toInt();
        QVERIFY(line > 0);
        QCOMPARE(lines.at(line - 1).mid(column - 1, 7), QByteArray("\"merge\""));
    }

    void missingFileIsAnIoError()
    {
        const auto loaded = ProjectReader::load(QStringLiteral("/nonexistent/x.cutover"));
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), Error::Code::Io);
        QVERIFY(loaded.error().where().contains(QLatin1String("/nonexistent/x.cutover")));
    }

    void saveIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ro/p.cutover"));
        const auto saved = ProjectWriter::save(fullProject(), path); // folder does not exist
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), Error::Code::Io);
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
