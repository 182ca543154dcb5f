#include "SqliteFile.h"
#include "transform/rules/RuleChecker.h"
#include "transform/rules/RunReferenceIndex.h"
#include "transform/rules/SqlReferenceLookup.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

// A SQLite target file made from statements and open on a QSQLITE connection of the given name
// while it lives; error() is empty when both worked.
class TargetDatabase
{
public:
    TargetDatabase(const QString &name, const QStringList &statements)
        : m_name(name)
    {
        const QString path = m_dir.filePath(QStringLiteral("target.sqlite"));
        m_error = m_dir.isValid() ? test::SqliteFile::create(path, statements)
                                  : QStringLiteral("no temporary directory");
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (m_error.isEmpty() && !db.open())
            m_error = db.lastError().text();
    }
    ~TargetDatabase()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    TargetDatabase(const TargetDatabase &) = delete;
    TargetDatabase &operator=(const TargetDatabase &) = delete;

    const QString &error() const { return m_error; }
    // Runs sql on the connection; empty when it worked.
    QString exec(const QString &sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : query.lastError().text();
    }

private:
    QTemporaryDir m_dir;
    QString m_name;
    QString m_error;
};

ColumnInfo column(const char *name, const char *type, bool hasDefault = false)
{
    ColumnInfo c;
    c.name = QString::fromLatin1(name);
    c.type = NormalizedType::fromString(QString::fromLatin1(type));
    c.hasDefault = hasDefault;
    return c;
}

TableInfo visits()
{
    TableInfo table;
    table.name = QStringLiteral("visits");
    table.columns = {column("id", "integer"),        column("patient_id", "integer"),
                     column("code", "text(10)"),     column("amount", "decimal(8,2)"),
                     column("visited_on", "date"),   column("seen_at", "timestamptz"),
                     column("status", "text", true), column("tenant", "integer")};
    return table;
}

Rule rule(const char *name, Rule::Kind kind, const char *columnName,
          Rule::Severity severity = Rule::Severity::Blocking)
{
    Rule r;
    r.name = QString::fromLatin1(name);
    r.table = QStringLiteral("visits");
    r.column = QString::fromLatin1(columnName);
    r.kind = kind;
    r.severity = severity;
    return r;
}

QVariant integer(qint64 value)
{
    return QVariant::fromValue<qint64>(value);
}

// Rows over (id, patient_id, code, amount, visited_on, seen_at).
RowBatch rows(const QList<QVariantList> &values)
{
    RowBatch batch;
    batch.columns = {QStringLiteral("id"),         QStringLiteral("patient_id"),
                     QStringLiteral("code"),       QStringLiteral("amount"),
                     QStringLiteral("visited_on"), QStringLiteral("seen_at")};
    batch.rows = values;
    return batch;
}

QVariantList visit(qint64 id, const QVariant &patient, const QVariant &code,
                   const QVariant &amount = QStringLiteral("10.00"),
                   const QVariant &day = QStringLiteral("2024-02-29"),
                   const QVariant &seen = QStringLiteral("2024-02-29T10:00:00Z"))
{
    return {integer(id), patient, code, amount, day, seen};
}

std::unique_ptr<RuleChecker> make(const QList<Rule> &rules,
                                  const QList<ReferenceLookup *> &references = {})
{
    auto created = RuleChecker::create(visits(), rules, {}, references);
    if (!created.ok()) {
        qWarning("%s", qPrintable(created.error().toString()));
        return nullptr;
    }
    return std::move(created).value();
}

QStringList sources(const QList<Violation> &violations)
{
    QStringList names;
    for (const Violation &v : violations)
        names.append(v.source);
    return names;
}

} // namespace

class TestRuleChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueRules()
    {
        Rule notNull = rule("code_required", Rule::Kind::NotNull, "code");
        Rule pattern = rule("code_format", Rule::Kind::Pattern, "code");
        pattern.pattern = QStringLiteral("^[A-Z]{2}[0-9]+$");
        Rule partial = rule("code_has_digit", Rule::Kind::Pattern, "code", Rule::Severity::Warning);
        partial.pattern = QStringLiteral("[0-9]");
        Rule amount = rule("amount_range", Rule::Kind::Range, "amount");
        amount.minimum = QStringLiteral("0");
        amount.maximum = QStringLiteral("999.5");
        Rule day = rule("day_range", Rule::Kind::Range, "visited_on");
        day.minimum = QStringLiteral("2000-01-01");
        Rule seen = rule("seen_range", Rule::Kind::Range, "seen_at");
        seen.maximum = QStringLiteral("2024-02-29T10:00:00.500Z");
        Rule allowed = rule("patient_known", Rule::Kind::AllowedValues, "patient_id");
        allowed.allowed = {QStringLiteral("1"), QStringLiteral("2")};
        allowed.message = QStringLiteral("unknown patient");
        auto checker = make({notNull, pattern, partial, amount, day, seen, allowed});
        QVERIFY(checker);

        const auto check = checker->checkBatch(rows({
            visit(1, integer(1), QStringLiteral("AB12")),                         // passes
            visit(2, integer(3), QVariant()),                                     // null code
            visit(3, integer(2), QStringLiteral("ab"), QStringLiteral("999.51")), // pattern, range
            visit(4, integer(2), QStringLiteral("AB1"), QStringLiteral("-0.01"),
                  QStringLiteral("1999-12-31"), QStringLiteral("2024-02-29T10:00:01Z")),
            visit(5, integer(2), QStringLiteral("AB1"), QStringLiteral("999.50"),
                  QStringLiteral("2000-01-01"), QStringLiteral("2024-02-29T10:00:00.500Z")),
        }));
        QVERIFY(check.ok());
        const auto &v = check->violations;
        QCOMPARE(v.size(), 5);
        QVERIFY(v.at(0).isEmpty());
        QCOMPARE(sources(v.at(1)), QStringList({"code_required", "patient_known"}));
        QCOMPARE(v.at(1).at(1).reason, QStringLiteral("unknown patient"));
        QCOMPARE(v.at(1).at(1).value, QStringLiteral("3"));
        QCOMPARE(sources(v.at(2)), QStringList({"code_format", "code_has_digit", "amount_range"}));
        QVERIFY(v.at(2).at(0).blocking);
        QVERIFY(!v.at(2).at(1).blocking); // a warning
        QCOMPARE(v.at(2).at(0).kind, Violation::Kind::Rule);
        QCOMPARE(v.at(2).at(0).column, QStringLiteral("code"));
        QVERIFY(v.at(2).at(2).reason.contains(QStringLiteral("999.51")));
        QCOMPARE(sources(v.at(3)), QStringList({"amount_range", "day_range", "seen_range"}));
        QVERIFY(v.at(4).isEmpty()); // bounds are inclusive
    }

    // A value the pattern backtracks on past PCRE2's match limit is not "does not match": the
    // violation says the check gave up, so nobody fixes a value that was never wrong.
    void aPatternThatGivesUpSaysSo()
    {
        Rule pattern = rule("code_format", Rule::Kind::Pattern, "code");
        pattern.pattern = QStringLiteral("^(a+)+$");
        auto checker = make({pattern});
        QVERIFY(checker);
        const QString hostile = QString(40, QLatin1Char('a')) + QLatin1Char('!');
        const auto check = checker->checkBatch(
            rows({visit(1, integer(1), QStringLiteral("aaa")), visit(2, integer(1), hostile),
                  visit(3, integer(1), QStringLiteral("ab"))}));
        QVERIFY(check.ok());
        const auto &v = check->violations;
        QVERIFY(v.at(0).isEmpty());
        QCOMPARE(sources(v.at(1)), QStringList({"code_format"}));
        QVERIFY2(v.at(1).at(0).reason.contains(QLatin1String("match limit")),
                 qPrintable(v.at(1).at(0).reason));
        QVERIFY(v.at(1).at(0).blocking);
        QVERIFY(v.at(2).at(0).reason.contains(QLatin1String("does not match")));
    }

    // Timestamps for a SQLite target come in SQLite's form ("2024-02-29 10:00:00Z"); the rule's
    // bounds and allowed values, written either way, compare by time, not by the separator.
    void timestampRulesIgnoreTheSeparator()
    {
        Rule seen = rule("seen_range", Rule::Kind::Range, "seen_at");
        seen.minimum = QStringLiteral("2024-02-29 09:00:00Z");
        seen.maximum = QStringLiteral("2024-02-29T10:00:00.500Z");
        Rule known =
            rule("seen_known", Rule::Kind::AllowedValues, "seen_at", Rule::Severity::Warning);
        known.allowed = {QStringLiteral("2024-02-29T10:00:00Z")};
        auto checker = make({seen, known});
        QVERIFY(checker);
        const auto check = checker->checkBatch(rows({
            visit(1, integer(1), QStringLiteral("A"), QStringLiteral("1"),
                  QStringLiteral("2024-02-29"), QStringLiteral("2024-02-29 10:00:00Z")),
            visit(2, integer(1), QStringLiteral("A"), QStringLiteral("1"),
                  QStringLiteral("2024-02-29"), QStringLiteral("2024-02-29 10:00:01Z")),
            visit(3, integer(1), QStringLiteral("A"), QStringLiteral("1"),
                  QStringLiteral("2024-02-29"), QStringLiteral("2024-02-29 08:59:59Z")),
        }));
        QVERIFY(check.ok());
        const auto &v = check->violations;
        QVERIFY2(v.at(0).isEmpty(), qPrintable(v.at(0).value(0).reason));
        QCOMPARE(sources(v.at(1)), QStringList({"seen_range", "seen_known"}));
        QCOMPARE(sources(v.at(2)), QStringList({"seen_range", "seen_known"}));
    }

    void notNullLetsTheDatabaseFill()
    {
        auto checker = make({rule("status_required", Rule::Kind::NotNull, "status"),
                             rule("tenant_required", Rule::Kind::NotNull, "tenant")});
        QVERIFY(checker);
        // status has a database default and the mapping leaves it out; tenant has none.
        const auto check = checker->checkBatch(rows({visit(1, integer(1), QStringLiteral("A"))}));
        QVERIFY(check.ok());
        QCOMPARE(sources(check->violations.first()), QStringList({"tenant_required"}));
    }

    void uniqueAcrossBatches()
    {
        Rule unique = rule("unique_code", Rule::Kind::Unique, "code");
        Rule soft =
            rule("unique_pair", Rule::Kind::Unique, "patient_id, code", Rule::Severity::Warning);
        auto checker = make({unique, soft});
        QVERIFY(checker);
        const auto first = checker->checkBatch(rows(
            {visit(1, integer(1), QStringLiteral("A")), visit(2, integer(1), QStringLiteral("A")),
             visit(3, integer(1), QVariant()), visit(4, integer(1), QVariant())}));
        QVERIFY(first.ok());
        QVERIFY(first->violations.at(0).isEmpty());
        QCOMPARE(sources(first->violations.at(1)), QStringList({"unique_code", "unique_pair"}));
        QVERIFY(first->violations.at(1).at(0).blocking);
        QVERIFY(!first->violations.at(1).at(1).blocking);
        QCOMPARE(first->violations.at(1).at(1).value, QStringLiteral("1, A"));
        QVERIFY(first->violations.at(3).isEmpty()); // NULLs never collide
        const auto second = checker->checkBatch(rows({visit(5, integer(2), QStringLiteral("A")),
                                                      visit(6, integer(2), QStringLiteral("B"))}));
        QVERIFY(second.ok());
        QCOMPARE(sources(second->violations.at(0)), QStringList({"unique_code"}));
        QVERIFY(second->violations.at(1).isEmpty());
    }

    void quarantinedRowsClaimNothing()
    {
        Rule unique = rule("unique_code", Rule::Kind::Unique, "code");
        Rule amount = rule("amount_range", Rule::Kind::Range, "amount");
        amount.minimum = QStringLiteral("0");
        auto checker = make({unique, amount});
        QVERIFY(checker);
        // Row 0 breaks a blocking rule, row 1 had a conversion violation: neither claims "A".
        const QList<QList<Violation>> earlier = {
            {},
            {{Violation::Kind::Conversion, QStringLiteral("id"), QStringLiteral("conversion"),
              QStringLiteral("x"), QStringLiteral("bad"), true}}};
        const auto first = checker->checkBatch(
            rows({visit(1, integer(1), QStringLiteral("A"), QStringLiteral("-1.00")),
                  visit(2, integer(1), QStringLiteral("A"))}),
            {}, earlier);
        QVERIFY(first.ok());
        QCOMPARE(sources(first->violations.at(0)), QStringList({"amount_range"}));
        QVERIFY(first->violations.at(1).isEmpty());
        QVERIFY(first->claims.isEmpty());
        const auto second = checker->checkBatch(rows({visit(3, integer(1), QStringLiteral("A"))}));
        QVERIFY(second.ok());
        QVERIFY(second->violations.at(0).isEmpty());
        QCOMPARE(second->claims.size(), 1);
        // The writer failed to load it: its value is free again.
        checker->release(*second, {0});
        const auto third = checker->checkBatch(rows({visit(4, integer(1), QStringLiteral("A")),
                                                     visit(5, integer(1), QStringLiteral("A"))}));
        QVERIFY(third.ok());
        QVERIFY(third->violations.at(0).isEmpty());
        QCOMPARE(sources(third->violations.at(1)), QStringList({"unique_code"}));
    }

    void referenceInMemory()
    {
        RunReferenceIndex index;
        RowBatch patients;
        patients.columns = {QStringLiteral("id")};
        patients.rows = {{integer(1)}, {integer(2)}};
        index.addBatch(QStringLiteral("patients"), QStringLiteral("id"), patients);
        Rule reference = rule("patient_exists", Rule::Kind::ReferenceExists, "patient_id");
        reference.reference = QStringLiteral("patients.id");
        auto checker = make({reference}, {&index});
        QVERIFY(checker);
        const auto check = checker->checkBatch(rows({visit(1, integer(2), QStringLiteral("A")),
                                                     visit(2, integer(9), QStringLiteral("A")),
                                                     visit(3, QVariant(), QStringLiteral("A"))}));
        QVERIFY(check.ok());
        QVERIFY(check->violations.at(0).isEmpty());
        QCOMPARE(check->violations.at(1).size(), 1);
        QCOMPARE(check->violations.at(1).first().reason, QStringLiteral("9 is not in patients.id"));
        QVERIFY(check->violations.at(2).isEmpty()); // NULL references nothing
        index.add(QStringLiteral("patients"), QStringLiteral("id"), integer(9));
        const auto later = checker->checkBatch(rows({visit(4, integer(9), QStringLiteral("A"))}));
        QVERIFY(later.ok());
        QVERIFY(later->violations.at(0).isEmpty());
    }

    void referenceInTargetDatabase()
    {
        const QString name = QStringLiteral("rulechecker-target");
        TargetDatabase database(
            name, {QStringLiteral("CREATE TABLE \"patients\" (id INTEGER PRIMARY KEY)"),
                   QStringLiteral("INSERT INTO patients VALUES (1), (2)")});
        QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
        RunReferenceIndex run;
        run.add(QStringLiteral("patients"), QStringLiteral("id"), integer(3));
        SqlReferenceLookup target(name);
        Rule reference = rule("patient_exists", Rule::Kind::ReferenceExists, "patient_id",
                              Rule::Severity::Warning);
        reference.reference = QStringLiteral("patients.id");
        auto checker = make({reference}, {&run, &target});
        QVERIFY(checker);
        const auto check = checker->checkBatch(rows({visit(1, integer(1), QStringLiteral("A")),
                                                     visit(2, integer(3), QStringLiteral("A")),
                                                     visit(3, integer(4), QStringLiteral("A")),
                                                     visit(4, integer(1), QStringLiteral("A"))}));
        QVERIFY(check.ok());
        QVERIFY(check->violations.at(0).isEmpty()); // in the target
        QVERIFY(check->violations.at(1).isEmpty()); // loaded by this run
        QCOMPARE(check->violations.at(2).size(), 1);
        QVERIFY(!check->violations.at(2).first().blocking);
        QVERIFY(check->violations.at(3).isEmpty()); // cached
        Rule missing = reference;
        missing.reference = QStringLiteral("nowhere.id");
        auto broken = make({missing}, {&target});
        QVERIFY(broken);
        QVERIFY(!broken->checkBatch(rows({visit(1, integer(1), QStringLiteral("A"))})).ok());
    }

    // A value found missing is asked again by default (this run may write it); remembered only
    // when the caller says nothing writes it behind the lookup's back.
    void missingValuesAskedAgainOrRemembered()
    {
        const QString name = QStringLiteral("rulechecker-missing");
        TargetDatabase database(
            name, {QStringLiteral("CREATE TABLE \"patients\" (id INTEGER PRIMARY KEY)"),
                   QStringLiteral("INSERT INTO patients VALUES (1)")});
        QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
        SqlReferenceLookup askAgain(name);
        SqlReferenceLookup remember(name, SqlReferenceLookup::Missing::Remember);
        const QString table = QStringLiteral("patients");
        const QString id = QStringLiteral("id");
        QCOMPARE(askAgain.exists(table, id, integer(2)).value(), false);
        QCOMPARE(remember.exists(table, id, integer(2)).value(), false);
        QCOMPARE(remember.exists(table, id, integer(1)).value(), true);
        QCOMPARE(database.exec(QStringLiteral("INSERT INTO patients VALUES (2)")), QString());
        QCOMPARE(askAgain.exists(table, id, integer(2)).value(), true);
        QCOMPARE(remember.exists(table, id, integer(2)).value(), false);
        QCOMPARE(remember.exists(table, id, integer(1)).value(), true);
    }

    // A batch's values are asked in chunks of PrefetchChunk (the last one padded); the answers
    // last until the next batch's prefetch. Probed by emptying the table in between: what the
    // prefetch found is still found, and nothing else.
    void prefetchAsksForABatchAtOnce()
    {
        QStringList setup{QStringLiteral("CREATE TABLE \"patients\" (id TEXT PRIMARY KEY)")};
        const int present = SqlReferenceLookup::PrefetchChunk + 7;
        for (int i = 0; i < present; ++i)
            setup.append(QStringLiteral("INSERT INTO patients VALUES ('p%1')").arg(i * 2));
        const QString name = QStringLiteral("rulechecker-prefetch");
        TargetDatabase database(name, setup);
        QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
        SqlReferenceLookup lookup(name);
        const QString table = QStringLiteral("patients");
        const QString id = QStringLiteral("id");
        QVariantList asked; // p0, p1, ..., even ones exist: more than two chunks
        for (int i = 0; i < 2 * present; ++i)
            asked.append(QStringLiteral("p%1").arg(i));
        QVERIFY(lookup.prefetch(table, id, asked).ok());
        QCOMPARE(database.exec(QStringLiteral("DELETE FROM patients")), QString());
        for (int i = 0; i < 2 * present; ++i)
            QCOMPARE(lookup.exists(table, id, asked.at(i)).value(), i % 2 == 0);
        QVERIFY(lookup.prefetch(table, id, {QStringLiteral("p1")}).ok());
        QCOMPARE(lookup.exists(table, id, QStringLiteral("p0")).value(), false);
    }

    // What a prefetch did not find is remembered like what exists() did not find, so an orphan
    // costs one question, not a prefetch and then one of its own. A skipped table (empty before
    // the run, known whole to the run's index) is never asked.
    void prefetchRemembersMissingAndSkippedTablesAreNotAsked()
    {
        const QString name = QStringLiteral("rulechecker-prefetch-missing");
        TargetDatabase database(
            name, {QStringLiteral("CREATE TABLE \"patients\" (id INTEGER PRIMARY KEY)"),
                   QStringLiteral("CREATE TABLE \"sites\" (code TEXT PRIMARY KEY)"),
                   QStringLiteral("INSERT INTO patients VALUES (1)"),
                   QStringLiteral("INSERT INTO sites VALUES ('BER')")});
        QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
        SqlReferenceLookup askAgain(name);
        SqlReferenceLookup remember(name, SqlReferenceLookup::Missing::Remember);
        const QString table = QStringLiteral("patients");
        const QString id = QStringLiteral("id");
        QVERIFY(askAgain.prefetch(table, id, {integer(1), integer(2)}).ok());
        QVERIFY(remember.prefetch(table, id, {integer(1), integer(2)}).ok());
        QCOMPARE(database.exec(QStringLiteral("INSERT INTO patients VALUES (2)")), QString());
        QCOMPARE(askAgain.exists(table, id, integer(2)).value(), true);
        QCOMPARE(remember.exists(table, id, integer(2)).value(), false);
        QCOMPARE(remember.exists(table, id, integer(1)).value(), true);

        SqlReferenceLookup skipping(name, SqlReferenceLookup::Missing::Remember);
        skipping.skipTables({table});
        QVERIFY(skipping.prefetch(table, id, {integer(1)}).ok());
        QCOMPARE(skipping.exists(table, id, integer(1)).value(), false);
        QCOMPARE(
            skipping.exists(QStringLiteral("sites"), QStringLiteral("code"), QStringLiteral("BER"))
                .value(),
            true);
    }

    void expressionRules()
    {
        Rule positive = rule("amount_positive", Rule::Kind::Expression, "amount");
        positive.expression = QStringLiteral("amount > 0");
        Rule order = rule("seen_on_day", Rule::Kind::Expression, "", Rule::Severity::Warning);
        order.expression = QStringLiteral("date(seen_at) = visited_on");
        order.message = QStringLiteral("seen on another day");
        auto checker = make({positive, order});
        QVERIFY(checker);
        const auto check = checker->checkBatch(
            rows({visit(1, integer(1), QStringLiteral("A")),
                  visit(2, integer(1), QStringLiteral("A"), QStringLiteral("-5.00"),
                        QStringLiteral("2024-03-01")),
                  visit(3, integer(1), QStringLiteral("A"), QVariant())})); // NULL passes
        QVERIFY(check.ok());
        QVERIFY(check->violations.at(0).isEmpty());
        QCOMPARE(sources(check->violations.at(1)), QStringList({"amount_positive", "seen_on_day"}));
        QVERIFY(check->violations.at(1).at(0).blocking);
        QCOMPARE(check->violations.at(1).at(1).reason, QStringLiteral("seen on another day"));
        QVERIFY(!check->violations.at(1).at(1).blocking);
        QVERIFY(check->violations.at(2).isEmpty());
    }

    void badRulesFailToCreate()
    {
        Rule pattern = rule("bad_pattern", Rule::Kind::Pattern, "code");
        pattern.pattern = QStringLiteral("([a-z");
        QVERIFY(!RuleChecker::create(visits(), {pattern}, {}, {}).ok());
        Rule range = rule("bad_range", Rule::Kind::Range, "visited_on");
        range.minimum = QStringLiteral("N/A");
        QVERIFY(!RuleChecker::create(visits(), {range}, {}, {}).ok());
        Rule missing = rule("missing", Rule::Kind::NotNull, "nope");
        QVERIFY(!RuleChecker::create(visits(), {missing}, {}, {}).ok());
        Rule expression = rule("bad_sql", Rule::Kind::Expression, "");
        expression.expression = QStringLiteral("amount >");
        const auto created = RuleChecker::create(visits(), {expression}, {}, {});
        QVERIFY(!created.ok());
        QVERIFY(created.error().message().contains(QStringLiteral("bad_sql")));
        Rule other = missing;
        other.table = QStringLiteral("elsewhere"); // other tables' rules are ignored
        const auto ignored = RuleChecker::create(visits(), {other}, {}, {});
        QVERIFY(ignored.ok());
        QCOMPARE((*ignored)->ruleCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRuleChecker)
#include "tst_rulechecker.moc"
