#include "automap/AutoMapper.h"
#include "automap/NameMatcher.h"
#include "automap/SampleProfile.h"
#include "automap/SampleProvider.h"
#include "automap/SqlSampleProvider.h"
#include "connect/SqlConnection.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "demo/DemoGenerator.h"
#include "dialect/ConnectionSpec.h"
#include "project/ProjectReader.h"
#include "transform/ExpressionChecker.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

using Shape = SampleProfile::Shape;

ColumnInfo column(const char *name, NormalizedType type, int pk = 0)
{
    ColumnInfo c;
    c.name = QLatin1String(name);
    c.type = type;
    c.primaryKeyPosition = pk;
    return c;
}

NormalizedType kind(NormalizedType::Kind k)
{
    return NormalizedType(k);
}

const auto Int = NormalizedType::integer();
const auto Text = NormalizedType::text();

// Sample values from memory, keyed "TABLE.COLUMN".
class FakeSamples : public SampleProvider
{
public:
    QHash<QString, QStringList> data;
    int reads = 0;
    Result<QStringList> values(const QString &table, const QString &column, int limit) override
    {
        ++reads;
        return data.value(table + QLatin1Char('.') + column).mid(0, limit);
    }
};

// A legacy shop and its modern schema, written by hand.
DatabaseSchema legacyShop()
{
    TableInfo customers;
    customers.name = QStringLiteral("tblCustomers");
    customers.columns = {
        column("CustNo", Int, 1),   column("CustName", Text),     column("E_Mail", Text),
        column("DOB", Text),        column("Tel", Text),          column("Zip", Text),
        column("Created", Text),    column("LastModified", Text), column("Gender", Text),
        column("ActiveFlag", Text), column("Remarks", Text)};
    customers.primaryKey = {QStringLiteral("CustNo")};
    TableInfo orders;
    orders.name = QStringLiteral("ORDERS");
    orders.columns = {column("ORD_NO", Int, 1), column("CUST_NO_FK", Int), column("ORD_DATE", Text),
                      column("AMT", kind(NormalizedType::Kind::Real)), column("QTY", Int)};
    orders.primaryKey = {QStringLiteral("ORD_NO")};
    TableInfo log;
    log.name = QStringLiteral("AUDIT_LOG");
    log.columns = {column("LOG_ID", Int, 1), column("MSG", Text)};
    log.primaryKey = {QStringLiteral("LOG_ID")};
    DatabaseSchema schema;
    schema.tables = {customers, orders, log};
    return schema;
}

DatabaseSchema modernShop()
{
    TableInfo customer;
    customer.name = QStringLiteral("customer");
    customer.columns = {column("id", kind(NormalizedType::Kind::Uuid), 1),
                        column("legacy_id", Int),
                        column("full_name", Text),
                        column("email", Text),
                        column("birth_date", kind(NormalizedType::Kind::Date)),
                        column("phone", Text),
                        column("postal_code", Text),
                        column("created_at", kind(NormalizedType::Kind::TimestampTz)),
                        column("updated_at", kind(NormalizedType::Kind::TimestampTz)),
                        column("sex", Text),
                        column("active", kind(NormalizedType::Kind::Boolean)),
                        column("loyalty_tier", Text)};
    customer.primaryKey = {QStringLiteral("id")};
    TableInfo order;
    order.name = QStringLiteral("order");
    order.columns = {column("id", kind(NormalizedType::Kind::Uuid), 1),
                     column("customer_id", kind(NormalizedType::Kind::Uuid)),
                     column("ordered_on", kind(NormalizedType::Kind::Date)),
                     column("amount_cents", Int), column("quantity", Int)};
    order.primaryKey = {QStringLiteral("id")};
    order.foreignKeys = {{QStringLiteral("fk"),
                          {QStringLiteral("customer_id")},
                          QStringLiteral("customer"),
                          {QStringLiteral("id")}}};
    DatabaseSchema schema;
    schema.tables = {customer, order};
    return schema;
}

FakeSamples shopSamples()
{
    FakeSamples samples;
    samples.data[QStringLiteral("tblCustomers.DOB")] = {
        QStringLiteral("1980-02-29"), QStringLiteral("03.04.1975"), QStringLiteral("12/31/1990"),
        QStringLiteral("1966-07-01"), QStringLiteral("01.12.2001")};
    samples.data[QStringLiteral("tblCustomers.Created")] = {QStringLiteral("2020-01-02 03:04:05"),
                                                            QStringLiteral("2021-11-12 13:14:15")};
    samples.data[QStringLiteral("tblCustomers.E_Mail")] = {QStringLiteral("a@b.de"),
                                                           QStringLiteral(" X@Y.COM ")};
    samples.data[QStringLiteral("tblCustomers.ActiveFlag")] = {
        QStringLiteral("Y"), QStringLiteral("N"), QStringLiteral("Y")};
    samples.data[QStringLiteral("ORDERS.ORD_DATE")] = {QStringLiteral("02.01.2020"),
                                                       QStringLiteral("13.12.2021")};
    return samples;
}

const AutoMapper::ColumnSuggestion *find(const QList<AutoMapper::ColumnSuggestion> &list,
                                         const QString &target)
{
    for (const auto &s : list)
        if (s.target == target)
            return &s;
    return nullptr;
}

} // namespace

class TestAutoMapper : public QObject
{
    Q_OBJECT

    QTemporaryDir m_demo;

private Q_SLOTS:
    void words_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("snake") << "PAT_NAME" << QStringList{"pat", "name"};
        QTest::newRow("camel") << "tblInvoice" << QStringList{"tbl", "invoice"};
        QTest::newRow("pascal") << "HiredOn" << QStringList{"hired", "on"};
        QTest::newRow("acronym tail") << "DocID" << QStringList{"doc", "id"};
        QTest::newRow("acronym head") << "HTTPServer" << QStringList{"http", "server"};
        QTest::newRow("spaces, digits") << "address line1" << QStringList{"address", "line", "1"};
        QTest::newRow("fk") << "PAT_ID_FK" << QStringList{"pat", "id", "fk"};
    }
    void words()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, words);
        QCOMPARE(NameMatcher::words(name), words);
    }

    void normalized_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("plural upper") << "PATIENTS"
                                      << "patient";
        QTest::newRow("tbl prefix") << "tblInvoices"
                                    << "invoice";
        QTest::newRow("ies") << "Categories"
                             << "category";
        QTest::newRow("status stays") << "STATUS"
                                      << "status";
        QTest::newRow("addresses") << "addresses"
                                   << "address";
        QTest::newRow("short word stays") << "obs"
                                          << "obs";
        QTest::newRow("fk suffix") << "PAT_ID_FK"
                                   << "pat_id";
        QTest::newRow("camel") << "LastModified"
                               << "last_modified";
    }
    void normalized()
    {
        QFETCH(QString, name);
        QFETCH(QString, normalized);
        QCOMPARE(NameMatcher::normalized(name), normalized);
    }

    void columnNames_data()
    {
        QTest::addColumn<QString>("sourceTable");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("targetTable");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("minimum");
        QTest::addColumn<double>("maximum");
        QTest::newRow("same") << "PATIENTS"
                              << "EMAIL"
                              << "patient"
                              << "email" << 1.0 << 1.0;
        QTest::newRow("table prefix") << "PATIENTS"
                                      << "PAT_ID"
                                      << "patient"
                                      << "id" << 1.0 << 1.0;
        QTest::newRow("prefix + synonym") << "PATIENTS"
                                          << "PAT_NAME"
                                          << "patient"
                                          << "full_name" << 0.9 << 0.9;
        QTest::newRow("dob") << "PATIENTS"
                             << "DOB"
                             << "patient"
                             << "birth_date" << 0.9 << 0.9;
        QTest::newRow("date of birth") << "people"
                                       << "DateOfBirth"
                                       << "person"
                                       << "birth_date" << 0.9 << 0.9;
        QTest::newRow("e_mail") << "x"
                                << "E_Mail"
                                << "y"
                                << "email" << 0.9 << 0.9;
        QTest::newRow("tel") << "x"
                             << "Tel"
                             << "y"
                             << "phone" << 0.9 << 0.9;
        QTest::newRow("zip") << "x"
                             << "ZIP"
                             << "y"
                             << "postal_code" << 0.9 << 0.9;
        QTest::newRow("last_upd") << "x"
                                  << "LAST_UPD"
                                  << "y"
                                  << "updated_at" << 0.9 << 0.9;
        QTest::newRow("created") << "x"
                                 << "CREATED"
                                 << "y"
                                 << "created_at" << 0.9 << 0.9;
        QTest::newRow("sex") << "x"
                             << "SEX"
                             << "y"
                             << "gender" << 0.9 << 0.9;
        QTest::newRow("amt") << "x"
                             << "AMT"
                             << "y"
                             << "amount" << 0.9 << 0.9;
        QTest::newRow("camel vs snake") << "x"
                                        << "firstName"
                                        << "y"
                                        << "first_name" << 1.0 << 1.0;
        QTest::newRow("abbreviations") << "PATIENTS"
                                       << "INS_NO"
                                       << "patient"
                                       << "insurance_number" << 0.6 << 0.85;
        QTest::newRow("foreign key") << "ENCOUNTERS"
                                     << "PAT_ID_FK"
                                     << "encounter"
                                     << "patient_id" << 0.6 << 0.85;
        QTest::newRow("doc ~ practitioner") << "ENCOUNTERS"
                                            << "DOC_ID_FK"
                                            << "encounter"
                                            << "practitioner_id" << 0.6 << 0.85;
        QTest::newRow("part") << "x"
                              << "SITE_CODE"
                              << "y"
                              << "site" << 0.5 << 0.95;
        QTest::newRow("unrelated") << "x"
                                   << "EMAIL"
                                   << "y"
                                   << "birth_date" << 0.0 << 0.0;
        QTest::newRow("unrelated 2") << "x"
                                     << "PHONE"
                                     << "y"
                                     << "status" << 0.0 << 0.0;
    }
    void columnNames()
    {
        QFETCH(QString, sourceTable);
        QFETCH(QString, source);
        QFETCH(QString, targetTable);
        QFETCH(QString, target);
        QFETCH(double, minimum);
        QFETCH(double, maximum);
        const NameMatcher matcher;
        const auto m =
            matcher.compareColumns(source, NameMatcher::normalized(sourceTable).split('_'), target,
                                   NameMatcher::normalized(targetTable).split('_'));
        QVERIFY2(
            m.score >= minimum - 1e-9 && m.score <= maximum + 1e-9,
            qPrintable(
                QStringLiteral("%1 ~ %2: %3 (%4)").arg(source, target).arg(m.score).arg(m.reason)));
        QCOMPARE(m.reason.isEmpty(), m.score == 0);
    }

    void tableNames_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("target");
        QTest::addColumn<double>("minimum");
        QTest::newRow("plural") << "PATIENTS"
                                << "patient" << 1.0;
        QTest::newRow("tbl") << "tblInvoice"
                             << "invoice" << 1.0;
        QTest::newRow("abbreviation") << "obs"
                                      << "observation" << 0.6;
        QTest::newRow("synonym") << "Doctors"
                                 << "practitioner" << 0.9;
        QTest::newRow("none") << "STATUS_CODES"
                              << "patient" << 0.0;
    }
    void tableNames()
    {
        QFETCH(QString, source);
        QFETCH(QString, target);
        QFETCH(double, minimum);
        const auto m = NameMatcher().compareTables(source, target);
        QVERIFY2(m.score >= minimum && (minimum > 0 || m.score == 0),
                 qPrintable(QStringLiteral("%1 ~ %2: %3").arg(source, target).arg(m.score)));
    }

    void sampleShapes()
    {
        const auto dates = SampleProfile::of(
            {"1980-02-29", "03.04.1975", "12/31/1990", "7 Mar 2001", "1999-01-01", "", "  "});
        QCOMPARE(dates.count(), 5);
        QCOMPARE(dates.blanks(), 2);
        QVERIFY(dates.looksLike(Shape::Date));
        QCOMPARE(dates.dateFormats(),
                 (QStringList{"yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "d MMM yyyy"}));
        QVERIFY(!dates.ambiguousDayMonth());
        QVERIFY(SampleProfile::of({"01/02/2003", "04/05/2006"}).ambiguousDayMonth());
        QCOMPARE(SampleProfile::of({"13/01/2003"}).dateFormats(), QStringList{"dd/MM/yyyy"});

        const auto stamps = SampleProfile::of({"2021-03-28 02:30:00", "2021-03-28 03:30:00"});
        QVERIFY(stamps.looksLike(Shape::Timestamp));
        QVERIFY(!stamps.looksLike(Shape::Date));
        QCOMPARE(stamps.timestampFormats(), QStringList{"yyyy-MM-dd HH:mm:ss"});

        const auto mails = SampleProfile::of({"a@b.de", "x.y@example.com", "n/a"});
        QCOMPARE(mails.matching(Shape::Email), 2);
        QVERIFY(!mails.looksLike(Shape::Email));
        QVERIFY(SampleProfile::of({"6f1c2a7e-8a3b-4c1d-9e2f-0123456789ab"}).looksLike(Shape::Uuid));
        QVERIFY(SampleProfile::of({"1", "-42", "+7"}).looksLike(Shape::Integer));
        const auto money = SampleProfile::of({"1.234,50", "12,00", "€ 12.00", "EUR 3.10"});
        QVERIFY(money.hasDecimalComma());
        QVERIFY(money.hasCurrencySigns());
        QCOMPARE(money.matching(Shape::Decimal), 2);
        QCOMPARE(money.matching(Shape::Money), 2);
        QVERIFY(SampleProfile::of({"Y", "N", "y", "yes"}).looksLike(Shape::Flag));
        const auto names = SampleProfile::of({"LEON LEHMANN", "michael  koch", " Ann"});
        QVERIFY(names.hasPadding());
        QVERIFY(names.hasMixedCase());
    }

    void handMadeTables()
    {
        const DatabaseSchema source = legacyShop();
        const DatabaseSchema target = modernShop();
        const AutoMapper mapper(source, target);
        const auto tables = mapper.suggestTables();
        QCOMPARE(tables.size(), 2);
        QCOMPARE(tables[0].target, QStringLiteral("customer"));
        QCOMPARE(tables[0].source, QStringLiteral("tblCustomers"));
        QCOMPARE(tables[1].target, QStringLiteral("order"));
        QCOMPARE(tables[1].source, QStringLiteral("ORDERS"));
        for (const auto &t : tables) {
            QVERIFY2(t.confidence >= 0.8, qPrintable(t.reason));
            QVERIFY(t.reason.contains(QLatin1String("same name after normalisation")));
        }
        QCOMPARE(mapper.suggestTables({QStringLiteral("order")}).size(), 1);
        QVERIFY(mapper.suggestTables({QStringLiteral("nope")}).isEmpty());
    }

    void handMadeColumns()
    {
        const DatabaseSchema source = legacyShop();
        const DatabaseSchema target = modernShop();
        FakeSamples samples = shopSamples();
        AutoMapper::Options options;
        options.timeZone = QStringLiteral("Europe/Berlin");
        options.lookups = {{QStringLiteral("gender"), {}, {}, false}};
        const AutoMapper mapper(source, target, &samples, options);
        const auto columns =
            mapper.suggestColumns(QStringLiteral("tblCustomers"), QStringLiteral("customer"));
        for (const auto &c : columns)
            qInfo().noquote() << c.target << "<-" << c.source << c.confidence << c.expression << "|"
                              << c.reason;
        const QHash<QString, QString> expected = {
            {"id", "CustNo"},       {"legacy_id", "CustNo"},   {"full_name", "CustName"},
            {"email", "E_Mail"},    {"birth_date", "DOB"},     {"phone", "Tel"},
            {"postal_code", "Zip"}, {"created_at", "Created"}, {"updated_at", "LastModified"},
            {"sex", "Gender"},      {"active", "ActiveFlag"}};
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const auto *s = find(columns, it.key());
            QVERIFY2(s, qPrintable(it.key()));
            QCOMPARE(s->source, it.value());
            QVERIFY2(s->confidence >= 0.6, qPrintable(it.key() + QLatin1Char(' ') + s->reason));
            QVERIFY(!s->reason.isEmpty());
        }
        QVERIFY(!find(columns, QStringLiteral("loyalty_tier")));
        QCOMPARE(find(columns, "id")->expression, QStringLiteral("uuid5('customer', CustNo)"));
        QCOMPARE(find(columns, "legacy_id")->expression, QStringLiteral("CustNo"));
        // Copied as they are; the cleanings are offered apart, since they change data.
        QCOMPARE(find(columns, "full_name")->expression, QStringLiteral("CustName"));
        QCOMPARE(find(columns, "full_name")->cleanExpression,
                 QStringLiteral("title_case(normalize_space(CustName))"));
        QCOMPARE(find(columns, "email")->expression, QStringLiteral("E_Mail"));
        QCOMPARE(find(columns, "email")->cleanExpression, QStringLiteral("lower(trim(E_Mail))"));
        QCOMPARE(find(columns, "birth_date")->expression,
                 QStringLiteral("date(parse_datetime(DOB, 'yyyy-MM-dd', 'dd.MM.yyyy', "
                                "'MM/dd/yyyy'))"));
        QVERIFY(find(columns, "birth_date")
                    ->reason.contains(QLatin1String("synonym dob ~ birth_date")));
        QVERIFY(find(columns, "birth_date")->reason.contains(QLatin1String("dates in 3 formats")));
        QCOMPARE(find(columns, "created_at")->expression,
                 QStringLiteral("to_utc(Created, 'Europe/Berlin')"));
        QCOMPARE(find(columns, "sex")->expression,
                 QStringLiteral("lookup('gender', upper(trim(Gender)))"));
        QCOMPARE(find(columns, "active")->expression, QStringLiteral("to_bool(ActiveFlag)"));
        QVERIFY(find(columns, "active")->cleanExpression.isEmpty()); // a conversion, not a cleaning

        // Asked to clean, it applies them and says so.
        options.clean = true;
        const AutoMapper cleaner(source, target, &samples, options);
        const auto cleaned =
            cleaner.suggestColumns(QStringLiteral("tblCustomers"), QStringLiteral("customer"));
        QCOMPARE(find(cleaned, "full_name")->expression,
                 QStringLiteral("title_case(normalize_space(CustName))"));
        QVERIFY(find(cleaned, "full_name")->reason.contains(QLatin1String("changes data")));
        QCOMPARE(find(cleaned, "email")->expression, QStringLiteral("lower(trim(E_Mail))"));
        QCOMPARE(find(cleaned, "birth_date")->expression, find(columns, "birth_date")->expression);

        // Each target at most once; a source column twice only for the key.
        QSet<QString> targets;
        QHash<QString, int> sources;
        for (const auto &c : columns) {
            QVERIFY(!targets.contains(c.target));
            targets.insert(c.target);
            ++sources[c.source];
        }
        for (auto it = sources.cbegin(); it != sources.cend(); ++it)
            QVERIFY2(it.value() == 1 || it.key() == QLatin1String("CustNo"), qPrintable(it.key()));

        // Every proposed expression compiles against the source row.
        QStringList sourceColumns;
        for (const ColumnInfo &c : source.tables[0].columns)
            sourceColumns << c.name;
        ExpressionChecker checker(sourceColumns);
        for (const auto &c : columns)
            QVERIFY2(checker.check(c.expression).ok, qPrintable(c.expression));
    }

    void foreignKeysAndFallbacks()
    {
        const DatabaseSchema source = legacyShop();
        const DatabaseSchema target = modernShop();
        FakeSamples samples = shopSamples();
        const AutoMapper mapper(source, target, &samples);
        const auto columns =
            mapper.suggestColumns(QStringLiteral("ORDERS"), QStringLiteral("order"));
        for (const auto &c : columns)
            qInfo().noquote() << c.target << "<-" << c.source << c.confidence << c.expression << "|"
                              << c.reason;
        QCOMPARE(find(columns, "id")->source, QStringLiteral("ORD_NO"));
        QCOMPARE(find(columns, "customer_id")->expression,
                 QStringLiteral("uuid5('customer', CUST_NO_FK)"));
        QCOMPARE(find(columns, "amount_cents")->source, QStringLiteral("AMT"));
        QVERIFY(find(columns, "amount_cents")->expression.startsWith(QLatin1String("to_int(")));
        QCOMPARE(find(columns, "quantity")->source, QStringLiteral("QTY"));
        // ordered_on has no name match: the only date-shaped column left.
        const auto *ordered = find(columns, "ordered_on");
        QVERIFY(ordered);
        QCOMPARE(ordered->source, QStringLiteral("ORD_DATE"));
        QVERIFY(ordered->confidence < 0.6);
        QCOMPARE(ordered->expression,
                 QStringLiteral("date(parse_datetime(ORD_DATE, 'dd.MM.yyyy'))"));
    }

    void applyWritesPlainMappings()
    {
        const DatabaseSchema source = legacyShop();
        const DatabaseSchema target = modernShop();
        const AutoMapper mapper(source, target);
        const auto all = mapper.suggest({QStringLiteral("customer")});
        QCOMPARE(all.size(), 1);
        const auto &suggestion = all.first();
        QCOMPARE(suggestion.sourceKey, QStringLiteral("CustNo"));
        QVERIFY(suggestion.remapKeys);
        QVERIFY(suggestion.unmatched.contains(QStringLiteral("loyalty_tier")));
        const TableMapping m = AutoMapper::toTableMapping(suggestion, 0.6);
        QCOMPARE(m.target, QStringLiteral("customer"));
        QCOMPARE(m.source, QStringLiteral("tblCustomers"));
        QCOMPARE(m.keyStrategy, TableMapping::KeyStrategy::RemapUuid);
        QCOMPARE(m.keyNamespace, QStringLiteral("customer"));
        int strong = 0;
        for (const auto &c : suggestion.columns)
            strong += c.confidence >= 0.6;
        QCOMPARE(m.columns.size(), strong);
        QVERIFY(m.column(QStringLiteral("email")));
        QVERIFY(m.column(QStringLiteral("email"))
                    ->note.startsWith(QLatin1String("auto-mapped from E_Mail")));

        TableMapping existing;
        existing.columns = {{QStringLiteral("email"), QStringLiteral("old"), {}, false, false, {}}};
        AutoMapper::apply(suggestion.columns.first(), existing);
        AutoMapper::apply(*find(suggestion.columns, "email"), existing);
        QCOMPARE(existing.columns.size(), 2);
        QCOMPARE(existing.column(QStringLiteral("email"))->expression,
                 find(suggestion.columns, "email")->expression);
    }

    void noSamplesNoCrash()
    {
        const DatabaseSchema nothing;
        const DatabaseSchema source = legacyShop();
        const DatabaseSchema target = modernShop();
        const AutoMapper empty(nothing, target);
        QVERIFY(empty.suggestTables().isEmpty());
        QVERIFY(empty.suggestColumns(QStringLiteral("x"), QStringLiteral("customer")).isEmpty());
        FakeSamples none;
        const AutoMapper mapper(source, target, &none);
        const auto columns =
            mapper.suggestColumns(QStringLiteral("tblCustomers"), QStringLiteral("customer"));
        QCOMPARE(find(columns, "birth_date")->expression,
                 QStringLiteral("date(parse_datetime(DOB, 'yyyy-MM-dd'))"));
        QVERIFY(none.reads > 0);
    }

    void demo()
    {
        QVERIFY(m_demo.isValid());
        DemoGenerator::Options options;
        options.directory = m_demo.path();
        options.patients = 200;
        auto files = DemoGenerator::generate(options);
        QVERIFY2(files.ok(), qPrintable(files.ok() ? QString() : files.error().toString()));
        auto project = ProjectReader::load(m_demo.filePath(DemoGenerator::projectFileName()));
        QVERIFY(project.ok());
        auto sourceSpec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                                m_demo.filePath(DemoGenerator::sourceFileName()));
        auto targetSpec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                                m_demo.filePath(DemoGenerator::targetFileName()));
        QVERIFY(sourceSpec.ok() && targetSpec.ok());
        auto source = IntrospectorFactory::create(*sourceSpec)->introspect();
        auto target = IntrospectorFactory::create(*targetSpec)->introspect();
        QVERIFY(source.ok() && target.ok());
        auto connection = SqlConnection::open(*sourceSpec);
        QVERIFY(connection.ok());
        SqlSampleProvider samples(**connection);
        AutoMapper::Options mapperOptions;
        mapperOptions.lookups = project->lookups;
        mapperOptions.timeZone = QStringLiteral("Europe/Berlin");
        const AutoMapper mapper(*source, *target, &samples, mapperOptions);

        const QHash<QString, QString> pairs = {{"patient", "PATIENTS"},
                                               {"practitioner", "Practitioners"},
                                               {"encounter", "ENCOUNTERS"},
                                               {"observation", "obs"},
                                               {"invoice", "tblInvoice"}};
        const auto tables = mapper.suggestTables();
        QCOMPARE(tables.size(), pairs.size());
        for (const auto &t : tables) {
            qInfo().noquote() << "table" << t.target << "<-" << t.source << t.confidence << "|"
                              << t.reason;
            QCOMPARE(t.source, pairs.value(t.target));
            QVERIFY(t.confidence >= 0.6);
        }

        int total = 0, same = 0, totalAll = 0, sameAll = 0;
        for (const TableMapping &handWritten : project->mappings) {
            const TableInfo *sourceTable = source->table(handWritten.source);
            QVERIFY(sourceTable);
            QStringList sourceColumns;
            for (const ColumnInfo &c : sourceTable->columns)
                sourceColumns << c.name;
            ExpressionChecker checker(sourceColumns);
            const auto suggested = mapper.suggestColumns(handWritten.source, handWritten.target);
            for (const ColumnMapping &c : handWritten.columns) {
                const QStringList read = checker.check(c.expression).columnsRead;
                const auto *s = find(suggested, c.target);
                const bool hit = s && read.size() == 1 && read.first() == s->source;
                qInfo().noquote() << (hit ? "  =" : "  x") << handWritten.target << c.target
                                  << "hand:" << read.join(',') << "suggested:"
                                  << (s ? s->source + QStringLiteral(" ") +
                                              QString::number(s->confidence) + QStringLiteral(" ") +
                                              s->expression
                                        : QStringLiteral("-"));
                totalAll += 1, sameAll += hit;
                if (handWritten.target == QLatin1String("patient"))
                    total += 1, same += hit;
            }
            for (const auto &s : suggested)
                QVERIFY2(checker.check(s.expression).ok, qPrintable(s.expression));
        }
        qInfo("patient: %d of %d target columns get the hand-written source column", same, total);
        qInfo("all demo tables: %d of %d", sameAll, totalAll);
        QCOMPARE(total, 12);
        // Measured with seed 42 and 200 patients: 12 of 12 for patient, 42 of 43 overall (only
        // invoice.status <- PaidFlag is not found).
        QCOMPARE(same, 12);
        QVERIFY(sameAll >= 40);
    }
};

QTEST_GUILESS_MAIN(TestAutoMapper)
#include "tst_automapper.moc"
