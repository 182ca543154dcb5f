#include "dialect/TypeNormalizer.h"
#include "validate/ProjectValidator.h"

#include <QTest>

using namespace cutover;

namespace {

ColumnInfo column(const QString &name, const QString &type, bool nullable = true,
                  const QString &defaultValue = {})
{
    ColumnInfo c;
    c.name = name;
    c.declaredType = type;
    c.type = TypeNormalizer::normalize(type, ConnectionSpec::Kind::Sqlite);
    c.nullable = nullable;
    c.hasDefault = !defaultValue.isEmpty();
    c.defaultValue = defaultValue;
    return c;
}

DatabaseSchema sourceSchema()
{
    TableInfo patients;
    patients.name = QStringLiteral("PATIENTS");
    patients.columns = {column("PAT_ID", "INTEGER"), column("PAT_NAME", "TEXT"),
                        column("DOB", "TEXT"),       column("BALANCE", "REAL"),
                        column("PHOTO", "BLOB"),     column("VISITED", "DATETIME"),
                        column("Site Code", "TEXT")};
    DatabaseSchema schema;
    schema.tables = {patients};
    return schema;
}

DatabaseSchema targetSchema()
{
    TableInfo patient;
    patient.name = QStringLiteral("patient");
    patient.columns = {column("id", "UUID", false),
                       column("full_name", "VARCHAR(100)", false),
                       column("birth_date", "DATE"),
                       column("balance", "DECIMAL(10,2)"),
                       column("visits", "INTEGER"),
                       column("status", "TEXT", false, "'active'"),
                       column("created_at", "TIMESTAMPTZ", false),
                       column("site", "TEXT")};
    patient.primaryKey = {QStringLiteral("id")};
    patient.columns[0].primaryKeyPosition = 1;
    TableInfo audit;
    audit.name = QStringLiteral("audit_log");
    audit.columns = {column("id", "INTEGER")};
    TableInfo view;
    view.name = QStringLiteral("patient_view");
    view.isView = true;
    TableInfo ledger; // a table of Cutover's own, there after a run
    ledger.name = QStringLiteral("cutover_runs");
    ledger.columns = {column("run_id", "TEXT")};
    TableInfo crosswalk;
    crosswalk.name = QStringLiteral("cutover_key_crosswalk");
    crosswalk.columns = {column("namespace", "TEXT")};
    DatabaseSchema schema;
    schema.tables = {audit, crosswalk, ledger, patient, view};
    return schema;
}

Project baseProject()
{
    Project p;
    p.name = QStringLiteral("t");
    TableMapping m;
    m.target = QStringLiteral("patient");
    m.source = QStringLiteral("PATIENTS");
    m.columns = {
        {QStringLiteral("id"), QStringLiteral("uuid5('patient', PAT_ID)"), {}, false, false, {}},
        {QStringLiteral("full_name"),
         QStringLiteral("title_case(normalize_space(PAT_NAME))"),
         {},
         false,
         false,
         {}},
        {QStringLiteral("created_at"),
         QStringLiteral("to_utc(VISITED, 'Europe/Berlin')"),
         {},
         false,
         false,
         {}},
        {QStringLiteral("site"), QStringLiteral("[Site Code]"), {}, false, false, {}}};
    p.mappings = {m};
    return p;
}

QList<Problem> validate(const Project &project)
{
    const DatabaseSchema source = sourceSchema();
    const DatabaseSchema target = targetSchema();
    return ProjectValidator(project, source, target).validate();
}

QStringList codes(const QList<Problem> &problems,
                  Problem::Severity atLeast = Problem::Severity::Warning)
{
    QStringList result;
    for (const Problem &p : problems)
        if (int(p.severity) <= int(atLeast))
            result.append(p.code);
    return result;
}

const Problem *find(const QList<Problem> &problems, const QString &code)
{
    for (const Problem &p : problems)
        if (p.code == code)
            return &p;
    return nullptr;
}

} // namespace

class TestProjectValidator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aCorrectProjectHasNoErrorOrWarning()
    {
        const auto problems = validate(baseProject());
        QCOMPARE(codes(problems), QStringList());
        // The unmapped target table is noted; the view and Cutover's own tables are not.
        QCOMPARE(codes(problems, Problem::Severity::Info), QStringList{"unmapped-table"});
        QCOMPARE(find(problems, QStringLiteral("unmapped-table"))->table,
                 QStringLiteral("audit_log"));
    }

    // What each expression reads comes from SQLite's authorizer: columns, never the words in
    // string literals or the names of functions; an expression that does not compile has none.
    void recordsTheColumnsEachExpressionReads()
    {
        Project project = baseProject();
        project.mappings[0].columns[1].expression =
            QStringLiteral("coalesce(title_case(PAT_NAME), 'PAT_ID', [Site Code])");
        project.mappings[0].columns[2].expression = QStringLiteral("NO_SUCH_COLUMN");
        const DatabaseSchema source = sourceSchema();
        const DatabaseSchema target = targetSchema();
        ProjectValidator validator(project, source, target);
        validator.validate();
        QCOMPARE(validator.lineage().value(QStringLiteral("patient.full_name")),
                 (QStringList{QStringLiteral("PAT_NAME"), QStringLiteral("Site Code")}));
        QCOMPARE(validator.lineage().value(QStringLiteral("patient.id")),
                 QStringList{QStringLiteral("PAT_ID")});
        QVERIFY(!validator.lineage().contains(QStringLiteral("patient.created_at")));
    }

    void findsEachKindOfProblem_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown target column") << "unknown-target-column"
                                               << "fullname"
                                               << "did you mean";
        QTest::newRow("bad expression") << "bad-expression"
                                        << "birth_date"
                                        << "no such column: DOBB";
        QTest::newRow("quoted name of no column") << "bad-expression"
                                                  << "full_name"
                                                  << "no such column: PAT_NAM in source table "
                                                     "'PATIENTS' (a name in double quotes is a "
                                                     "column";
        QTest::newRow("timestamp text on another type") << "timestamp-text-unused"
                                                        << "birth_date"
                                                        << "not a timestamp";
        QTest::newRow("impossible conversion") << "type-mismatch"
                                               << "visits"
                                               << "blob cannot convert to integer";
        QTest::newRow("risky conversion") << "type-risk"
                                          << "balance"
                                          << "digits may be lost";
        QTest::newRow("duplicate column") << "duplicate-column"
                                          << "site"
                                          << "mapped twice";
        QTest::newRow("unknown lookup") << "unknown-lookup"
                                        << "status"
                                        << "no lookup map 'codes'";
        QTest::newRow("required column unfilled") << "unfilled-required-column"
                                                  << "full_name"
                                                  << "NOT NULL";
        QTest::newRow("default not a literal") << "bad-default"
                                               << "site"
                                               << "not an SQL literal";
    }
    void findsEachKindOfProblem()
    {
        QFETCH(QString, code);
        QFETCH(QString, column);
        QFETCH(QString, messagePart);
        Project p = baseProject();
        QList<ColumnMapping> &columns = p.mappings[0].columns;
        if (code == QLatin1String("unknown-target-column"))
            columns.append(
                {QStringLiteral("fullname"), QStringLiteral("PAT_NAME"), {}, false, false, {}});
        else if (code == QLatin1String("bad-expression") && column == QLatin1String("birth_date"))
            columns.append({QStringLiteral("birth_date"),
                            QStringLiteral("parse_datetime(DOBB, 'yyyy')"),
                            {},
                            false,
                            false,
                            {}});
        else if (code == QLatin1String("bad-expression") && column == QLatin1String("full_name"))
            columns[1].expression = QStringLiteral("\"PAT_NAM\"");
        else if (code == QLatin1String("timestamp-text-unused"))
            columns.append({QStringLiteral("birth_date"),
                            QStringLiteral("date(DOB)"),
                            {},
                            false,
                            false,
                            {},
                            true});
        else if (code == QLatin1String("type-mismatch"))
            columns.append(
                {QStringLiteral("visits"), QStringLiteral("PHOTO"), {}, false, false, {}});
        else if (code == QLatin1String("type-risk"))
            columns.append(
                {QStringLiteral("balance"), QStringLiteral("BALANCE"), {}, false, false, {}});
        else if (code == QLatin1String("duplicate-column"))
            columns.append({QStringLiteral("site"), QStringLiteral("'x'"), {}, false, false, {}});
        else if (code == QLatin1String("unknown-lookup"))
            columns.append({QStringLiteral("status"),
                            QStringLiteral("lookup('codes', PAT_ID)"),
                            {},
                            false,
                            false,
                            {}});
        else if (code == QLatin1String("bad-default"))
            columns[3] = {QStringLiteral("site"),
                          QStringLiteral("[Site Code]"),
                          QStringLiteral("unknown"),
                          true,
                          false,
                          {}};
        else if (code == QLatin1String("unfilled-required-column"))
            columns.removeAt(1);
        const auto problems = validate(p);
        const Problem *problem = find(problems, code);
        QVERIFY2(problem, qPrintable(codes(problems).join(QLatin1Char(','))));
        QCOMPARE(problem->table, QStringLiteral("patient"));
        QCOMPARE(problem->column, column);
        QVERIFY2(problem->message.contains(messagePart), qPrintable(problem->message));
        QVERIFY(problem->path.startsWith(QLatin1String("mappings[0]")));
        QCOMPARE(codes(problems).size(), 1);
    }

    // An encoding names one iconv knows, applies where the source's bytes carry none of their
    // own, and is one per source column.
    void checksEncodings()
    {
        Project p = baseProject();
        p.mappings[0].columns[1].encoding = QStringLiteral("cp9999");
        auto problems = validate(p);
        QCOMPARE(codes(problems), QStringList{QStringLiteral("unknown-encoding")});
        const Problem *unknown = find(problems, QStringLiteral("unknown-encoding"));
        QCOMPARE(unknown->path, QStringLiteral("mappings[0].columns[1].encoding"));
        QCOMPARE(unknown->column, QStringLiteral("full_name"));
        QVERIFY2(unknown->message.contains(QStringLiteral("unknown encoding 'cp9999'")),
                 qPrintable(unknown->message));

        p.mappings[0].columns[1].encoding = QStringLiteral("cp1252");
        QCOMPARE(codes(validate(p)), QStringList());
        ColumnMapping other{QStringLiteral("status"),
                            QStringLiteral("upper(PAT_NAME)"),
                            {},
                            false,
                            false,
                            {},
                            false,
                            QStringLiteral("latin1")};
        p.mappings[0].columns.append(other);
        problems = validate(p);
        QCOMPARE(codes(problems), QStringList{QStringLiteral("encoding-conflict")});
        QCOMPARE(find(problems, QStringLiteral("encoding-conflict"))->path,
                 QStringLiteral("mappings[0]"));
        QVERIFY(find(problems, QStringLiteral("encoding-conflict"))
                    ->message.contains(QStringLiteral("source column 'PAT_NAME'")));

        Project q = baseProject();
        q.connections = {
            {QStringLiteral("old"), QStringLiteral("sqlite:old.db?encoding=cp9999"), {}},
            {QStringLiteral("my"), QStringLiteral("mysql://u@h/db?encoding=latin1"), {}},
            {QStringLiteral("ok"), QStringLiteral("sqlite:x.db?encoding=Latin1"), {}}};
        problems = validate(q);
        QCOMPARE(codes(problems), (QStringList{QStringLiteral("unknown-encoding"),
                                               QStringLiteral("encoding-not-applicable")}));
        QCOMPARE(problems.at(0).path, QStringLiteral("connections[0].url"));
        QCOMPARE(problems.at(1).path, QStringLiteral("connections[1].url"));
    }

    void reportsTheOffsetOfAnExpressionError()
    {
        Project p = baseProject();
        p.mappings[0].columns[1].expression = QStringLiteral("upper(PAT_NAME) || PAT_NAM");
        const auto problems = validate(p); // find() points into it: it must outlive problem
        const Problem *problem = find(problems, QStringLiteral("bad-expression"));
        QVERIFY(problem);
        QCOMPARE(problem->offset, 19);
        QCOMPARE(problem->path, QStringLiteral("mappings[0].columns[1].expression"));
    }

    void unknownTablesSuggestTheRightName()
    {
        Project p = baseProject();
        p.mappings[0].target = QStringLiteral("Patient");
        p.mappings[0].source = QStringLiteral("patients");
        auto problems = validate(p);
        QVERIFY(find(problems, QStringLiteral("unknown-target-table")));
        QVERIFY(find(problems, QStringLiteral("unknown-target-table"))
                    ->message.contains(QLatin1String("did you mean 'patient'")));
        p.mappings[0].target = QStringLiteral("patient");
        problems = validate(p);
        QVERIFY(find(problems, QStringLiteral("unknown-source-table"))
                    ->message.contains(QLatin1String("did you mean 'PATIENTS'")));
    }

    void aGeneratedKeyNeedsNoMapping()
    {
        Project p = baseProject();
        p.mappings[0].columns.removeAt(0);
        QVERIFY(find(validate(p), QStringLiteral("unfilled-required-column")));
        p.mappings[0].keyStrategy = TableMapping::KeyStrategy::Generate;
        QVERIFY(!find(validate(p), QStringLiteral("unfilled-required-column")));
    }

    void checksRulesAndPhases()
    {
        Project p = baseProject();
        Rule bad;
        bad.name = QStringLiteral("r1");
        bad.table = QStringLiteral("patient");
        bad.column = QStringLiteral("email");
        bad.kind = Rule::Kind::Pattern;
        bad.pattern = QStringLiteral("([a-z");
        Rule ref;
        ref.name = QStringLiteral("r2");
        ref.table = QStringLiteral("patient");
        ref.column = QStringLiteral("site");
        ref.kind = Rule::Kind::ReferenceExists;
        ref.reference = QStringLiteral("site.code");
        Rule expression;
        expression.name = QStringLiteral("r3");
        expression.table = QStringLiteral("patient");
        expression.kind = Rule::Kind::Expression;
        expression.expression = QStringLiteral("birth_date <= created_at AND nope > 0");
        p.rules = {bad, ref, expression};
        p.phases = {{QStringLiteral("wave-1"),
                     {},
                     {QStringLiteral("patient"), QStringLiteral("invoice")},
                     QStringLiteral("SITE = 1")}};
        const QStringList found = codes(validate(p));
        QVERIFY2(found.contains(QLatin1String("unknown-rule-column")), qPrintable(found.join(',')));
        QVERIFY(found.contains(QLatin1String("bad-pattern")));
        QVERIFY(found.contains(QLatin1String("unknown-reference")));
        QVERIFY(found.contains(QLatin1String("bad-expression")));
        QVERIFY(found.contains(QLatin1String("unknown-phase-table")));
        QVERIFY(found.contains(QLatin1String("bad-filter")));
        QVERIFY(!found.contains(QLatin1String("truncate-in-phase")));
        p.mappings[0].mode = TableMapping::Mode::TruncateLoad; // patient, in the filtered phase
        QVERIFY(codes(validate(p)).contains(QLatin1String("truncate-in-phase")));
    }
};

QTEST_GUILESS_MAIN(TestProjectValidator)
#include "tst_projectvalidator.moc"
