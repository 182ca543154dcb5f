#include "core/SqlLiteral.h"
#include "transform/convert/RowConverter.h"

#include <QTest>

using namespace cutover;

namespace {

ColumnInfo column(const char *name, const char *type, bool nullable,
                  const char *dbDefault = nullptr)
{
    ColumnInfo c;
    c.name = QString::fromLatin1(name);
    c.type = NormalizedType::fromString(QString::fromLatin1(type));
    c.nullable = nullable;
    if (dbDefault) {
        c.hasDefault = true;
        c.defaultValue = QString::fromLatin1(dbDefault);
    }
    return c;
}

TableInfo patients()
{
    TableInfo table;
    table.name = QStringLiteral("patients");
    table.columns = {column("id", "integer", false),
                     column("full_name", "text(10)", false),
                     column("status", "text(10)", false),
                     column("balance", "decimal(8,2)", true),
                     column("created_at", "timestamptz", false, "CURRENT_TIMESTAMP"),
                     column("notes", "text", true)};
    return table;
}

ColumnMapping mapping(const char *target, const char *defaultLiteral = nullptr)
{
    ColumnMapping m;
    m.target = QString::fromLatin1(target);
    m.expression = m.target;
    if (defaultLiteral) {
        m.hasDefault = true;
        m.defaultValue = QString::fromLatin1(defaultLiteral);
    }
    return m;
}

TransformedBatch batch(const QList<QVariantList> &rows)
{
    TransformedBatch b;
    b.values.columns = {QStringLiteral("id"),         QStringLiteral("full_name"),
                        QStringLiteral("status"),     QStringLiteral("balance"),
                        QStringLiteral("created_at"), QStringLiteral("notes")};
    b.values.rows = rows;
    b.violations = QList<QList<Violation>>(rows.size());
    return b;
}

QList<ColumnMapping> mappings()
{
    return {mapping("id"),      mapping("full_name"),  mapping("status", "'unknown'"),
            mapping("balance"), mapping("created_at"), mapping("notes", "'n/a'")};
}

} // namespace

class TestRowConverter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convertsEveryValue()
    {
        auto converter = RowConverter::create(patients(), mappings(), ConnectionSpec::Kind::Sqlite);
        QVERIFY(converter.ok());
        const auto result = converter->convert(
            batch({{QStringLiteral("7"), QStringLiteral("Müller"), QStringLiteral("active"), 12.5,
                    QStringLiteral("2024-03-01 10:00+01:00"), QString()}}));
        QVERIFY(result.ok());
        QCOMPARE(result->values.rows.size(), 1);
        const QVariantList row = result->values.rows.first();
        QCOMPARE(row.at(0), QVariant::fromValue<qint64>(7));
        QCOMPARE(row.at(1), QVariant(QStringLiteral("Müller")));
        QCOMPARE(row.at(3), QVariant(QStringLiteral("12.50")));
        QCOMPARE(row.at(4), QVariant(QStringLiteral("2024-03-01 09:00:00Z"))); // SQLite's form
        QCOMPARE(row.at(5), QVariant(QString())); // '' stays '', not NULL
        QVERIFY(!row.at(5).isNull());
        QVERIFY(result->violations.first().isEmpty());
        QVERIFY(!result->lossRisks.first().at(3).isEmpty()); // a float became a decimal
    }

    // SQLite keeps a timestamp as the text it is given, and its own functions write and compare
    // "2009-01-01 00:00:00": with a 'T', WHERE ts > datetime('now') would change meaning. The
    // servers parse either form; a mapping may ask for ISO 8601's 'T' in SQLite.
    void timestampsTakeTheTargetsTextForm_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("iso");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sqlite") << int(ConnectionSpec::Kind::Sqlite) << false
                                << "2009-01-01 00:00:00.500";
        QTest::newRow("sqlite, iso8601 asked")
            << int(ConnectionSpec::Kind::Sqlite) << true << "2009-01-01T00:00:00.500";
        QTest::newRow("postgresql")
            << int(ConnectionSpec::Kind::PostgreSql) << false << "2009-01-01T00:00:00.500";
    }
    void timestampsTakeTheTargetsTextForm()
    {
        QFETCH(int, kind);
        QFETCH(bool, iso);
        QFETCH(QString, expected);
        TableInfo table;
        table.name = QStringLiteral("t");
        table.columns = {column("ts", "timestamp", true), column("d", "date", true),
                         column("fallback", "timestamp", false)};
        QList<ColumnMapping> columns = {mapping("ts"), mapping("d"),
                                        mapping("fallback", "'2000-01-02T03:04:05'")};
        columns[0].isoTimestamps = iso;
        columns[2].isoTimestamps = iso;
        auto converter =
            RowConverter::create(table, columns, static_cast<ConnectionSpec::Kind>(kind));
        QVERIFY(converter.ok());
        TransformedBatch in;
        in.values.columns = {QStringLiteral("ts"), QStringLiteral("d"), QStringLiteral("fallback")};
        in.values.rows = {
            {QStringLiteral("2009-01-01T00:00:00.5"), QStringLiteral("2009-01-01"), QVariant()}};
        in.violations = {{}};
        const auto result = converter->convert(in);
        QVERIFY(result.ok());
        const QVariantList row = result->values.rows.first();
        QCOMPARE(row.at(0).toString(), expected);
        QCOMPARE(row.at(1).toString(), QStringLiteral("2009-01-01"));
        QCOMPARE(row.at(2).toString().at(10), expected.at(10)); // the mapping default too
    }

    void nullsTakeDefaultsOrViolate()
    {
        auto converter = RowConverter::create(patients(), mappings(), ConnectionSpec::Kind::Sqlite);
        QVERIFY(converter.ok());
        const auto result =
            converter->convert(batch({{QVariant::fromValue<qint64>(1), QVariant(), QVariant(),
                                       QVariant(), QVariant(), QVariant()}}));
        QVERIFY(result.ok());
        const QVariantList row = result->values.rows.first();
        QCOMPARE(row.at(2), QVariant(QStringLiteral("unknown"))); // mapping default
        QVERIFY(row.at(3).isNull());                              // nullable: NULL
        QVERIFY(row.at(5).isNull()); // nullable: the mapping default is for NOT NULL only
        QVERIFY(result->databaseDefaults.first().testBit(4)); // created_at: database default
        QVERIFY(!result->databaseDefaults.first().testBit(2));
        const QList<Violation> violations = result->violations.first();
        QCOMPARE(violations.size(), 1);
        QCOMPARE(violations.first().kind, Violation::Kind::Conversion);
        QCOMPARE(violations.first().column, QStringLiteral("full_name"));
        QCOMPARE(violations.first().reason,
                 QStringLiteral("full_name is required (NOT NULL) and the expression gave NULL"));
        QVERIFY(violations.first().blocking);
    }

    void failedConversionsAreViolations()
    {
        auto converter = RowConverter::create(patients(), mappings(), ConnectionSpec::Kind::Sqlite);
        QVERIFY(converter.ok());
        const auto result = converter->convert(
            batch({{QStringLiteral("4.2"), QStringLiteral("Bartholomew-Smith"), QStringLiteral("x"),
                    QStringLiteral("12.345"), QStringLiteral("2024-03-01 10:00"), QVariant()},
                   {QVariant::fromValue<qint64>(2), QStringLiteral("Ann"), QStringLiteral("x"), 0.1,
                    QStringLiteral("2024-03-01T10:00:00Z"), QVariant()}}));
        QVERIFY(result.ok());
        const QList<Violation> bad = result->violations.at(0);
        QCOMPARE(bad.size(), 4);
        QCOMPARE(bad.at(0).column, QStringLiteral("id"));
        QCOMPARE(bad.at(0).value, QStringLiteral("4.2"));
        QCOMPARE(bad.at(1).column, QStringLiteral("full_name"));
        QVERIFY(bad.at(1).reason.contains(QStringLiteral("17 characters")));
        QCOMPARE(bad.at(2).column, QStringLiteral("balance"));
        QVERIFY(bad.at(2).reason.contains(QStringLiteral("would lose digits")));
        QCOMPARE(bad.at(3).column, QStringLiteral("created_at"));
        QVERIFY(bad.at(3).reason.contains(QStringLiteral("to_utc")));
        QVERIFY(result->values.rows.at(0).at(0).isNull()); // never a half-converted value
        QVERIFY(result->hasBlockingViolation(0));
        QVERIFY(!result->hasBlockingViolation(1));
        QCOMPARE(result->values.rows.at(1).at(3), QVariant(QStringLiteral("0.10")));
        QVERIFY(!result->lossRisks.at(1).at(3).isEmpty()); // a float became a decimal
    }

    void functionRefusalIsNotReportedTwice()
    {
        auto converter = RowConverter::create(patients(), mappings(), ConnectionSpec::Kind::Sqlite);
        QVERIFY(converter.ok());
        TransformedBatch input = batch({{QVariant::fromValue<qint64>(1), QStringLiteral("Ann"),
                                         QVariant(), QVariant(), QVariant(), QVariant()}});
        input.violations[0].append({Violation::Kind::Function, QStringLiteral("status"),
                                    QStringLiteral("lookup"), QStringLiteral("Z"),
                                    QStringLiteral("not in the map"), true});
        const auto result = converter->convert(input);
        QVERIFY(result.ok());
        QVERIFY(result->violations.first().isEmpty());
        QVERIFY(result->values.rows.first().at(2).isNull()); // no default over a refusal
    }

    void badDefaultsFailToCreate()
    {
        QList<ColumnMapping> columns = mappings();
        columns[0] = mapping("id", "'abc'");
        auto converter = RowConverter::create(patients(), columns, ConnectionSpec::Kind::Sqlite);
        QVERIFY(!converter.ok());
        QVERIFY(converter.error().toString().contains(QStringLiteral("patients.id")));
        columns[0] = mapping("id", "CURRENT_TIMESTAMP");
        QVERIFY(!RowConverter::create(patients(), columns, ConnectionSpec::Kind::Sqlite).ok());
        columns[0] = mapping("nope");
        QVERIFY(!RowConverter::create(patients(), columns, ConnectionSpec::Kind::Sqlite).ok());
    }

    void unknownBatchColumnIsAnError()
    {
        auto converter =
            RowConverter::create(patients(), {mapping("id")}, ConnectionSpec::Kind::Sqlite);
        QVERIFY(converter.ok());
        TransformedBatch input;
        input.values.columns = {QStringLiteral("other")};
        input.values.rows = {{QVariant()}};
        QVERIFY(!converter->convert(input).ok());
    }

    void literals_data()
    {
        QTest::addColumn<QString>("literal");
        QTest::addColumn<QVariant>("expected");
        QTest::newRow("text") << "'unknown'" << QVariant(QStringLiteral("unknown"));
        QTest::newRow("quote") << "'O''Brien'" << QVariant(QStringLiteral("O'Brien"));
        QTest::newRow("empty") << "''" << QVariant(QString(""));
        QTest::newRow("integer") << "0" << QVariant::fromValue<qint64>(0);
        QTest::newRow("negative") << "-12" << QVariant::fromValue<qint64>(-12);
        QTest::newRow("decimal stays text") << "0.10" << QVariant(QStringLiteral("0.10"));
        QTest::newRow("NULL") << "NULL" << QVariant();
        QTest::newRow("true") << "TRUE" << QVariant::fromValue<qint64>(1);
        QTest::newRow("blob") << "X'0a1B'" << QVariant(QByteArray("\x0a\x1b"));
    }
    void literals()
    {
        QFETCH(QString, literal);
        QFETCH(QVariant, expected);
        const Result<QVariant> parsed = SqlLiteral::parse(literal);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, expected);
    }
    void notLiterals()
    {
        for (const char *text : {"'open", "'a'b'", "now()", "CURRENT_TIMESTAMP", "X'0g'", "1 + 1"})
            QVERIFY2(!SqlLiteral::parse(QString::fromLatin1(text)).ok(), text);
    }
};

QTEST_GUILESS_MAIN(TestRowConverter)
#include "tst_rowconverter.moc"
