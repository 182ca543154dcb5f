#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ConnectionSpec.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// The error of a result as text, or nothing when it succeeded (QVERIFY2 evaluates its message
// even when the check passes).
template <typename T>
QString errorText(const Result<T> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

Result<DatabaseSchema> introspect(const QString &url)
{
    auto spec = ConnectionSpec::parse(url);
    if (!spec)
        return spec.error();
    return IntrospectorFactory::create(spec.value())->introspect();
}

// tests/data/csv, from CUTOVER_TEST_DATA which ctest sets; empty when run by hand without it.
QString dataDir()
{
    const QString data = qEnvironmentVariable("CUTOVER_TEST_DATA");
    return data.isEmpty() ? QString() : QDir(data).filePath(QStringLiteral("csv"));
}

} // namespace

class TestCsvIntrospector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void folderOfFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("patients.csv"), "id,name,born,balance,active,zip\n"
                                                "1,Ann,1980-01-02,12.50,yes,01067\n"
                                                "2,\"Smith, Bob\",1975-11-30,-3.00,no,80331\n"
                                                "3,\"Multi\nLine\",,100.25,y,10115\n");
        writeFile(dir.filePath("events.tsv"), "id\tat\tpayload\n"
                                              "10\t2024-03-31T02:30:00Z\t{\"k\": [1, 2]}\n"
                                              "11\t2024-03-31T03:30:00+02:00\t[]\n");
        writeFile(dir.filePath("empty.csv"), "");
        writeFile(dir.filePath("notes.txt"), "not a table\n");
        QDir(dir.path()).mkdir("sub.csv"); // a folder is not a table

        auto schema = introspect("csv:" + dir.path());
        QVERIFY2(schema.ok(), qPrintable(errorText(schema)));
        QCOMPARE(schema->tableNames(), QStringList({"empty", "events", "patients"}));

        const TableInfo *patients = schema->table("patients");
        QVERIFY(patients);
        QCOMPARE(patients->rowEstimate, 3);
        QVERIFY(patients->primaryKey.isEmpty());
        QVERIFY(patients->foreignKeys.isEmpty());
        QVERIFY(patients->indexes.isEmpty());
        QCOMPARE(patients->columns.size(), 6);
        const auto check = [&](const QString &name, const QString &type, bool nullable) {
            const ColumnInfo *column = patients->column(name);
            QVERIFY2(column, qPrintable(name));
            QCOMPARE(column->type.toString(), type);
            QCOMPARE(column->declaredType, "csv:" + type);
            QCOMPARE(column->nullable, nullable);
        };
        check("id", "integer", false);
        check("name", "text", false);
        check("born", "date", true);
        check("balance", "decimal(5,2)", false);
        check("active", "boolean", false);
        check("zip", "text", false);

        const TableInfo *events = schema->table("events");
        QVERIFY(events);
        QCOMPARE(events->rowEstimate, 2);
        QCOMPARE(events->columns.size(), 3);
        QCOMPARE(events->columns[1].type.toString(), QStringLiteral("timestamptz"));
        QCOMPARE(events->columns[2].type.toString(), QStringLiteral("json"));

        const TableInfo *empty = schema->table("empty");
        QVERIFY(empty);
        QCOMPARE(empty->rowEstimate, 0);
        QVERIFY(empty->columns.isEmpty());
    }

    void optionsOfTheConnection()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // Latin-1, semicolon separated, no header.
        writeFile(dir.filePath("kunden.csv"), "1;M\xFCller;Gr\xF6\xDF"
                                              "e 5\n"
                                              "2;\"J\xFCrgen;Jr.\";\n");
        auto schema = introspect("csv:" + dir.path() + "?encoding=latin1&delimiter=;&header=false");
        QVERIFY2(schema.ok(), qPrintable(errorText(schema)));
        const TableInfo *kunden = schema->table("kunden");
        QVERIFY(kunden);
        QCOMPARE(kunden->rowEstimate, 2);
        QCOMPARE(kunden->columns.size(), 3);
        QCOMPARE(kunden->columns[0].name, QStringLiteral("column_1"));
        QCOMPARE(kunden->columns[0].type, NormalizedType::integer());
        QCOMPARE(kunden->columns[2].name, QStringLiteral("column_3"));
        QVERIFY(kunden->columns[2].nullable);

        // A non-ASCII header in Latin-1.
        writeFile(dir.filePath("kunden.csv"), "Kundennummer;Gr\xF6\xDF"
                                              "e\n1;1.5\n");
        schema = introspect("csv:" + dir.path() + "?encoding=latin1&delimiter=;");
        QVERIFY2(schema.ok(), qPrintable(errorText(schema)));
        QCOMPARE(schema->table("kunden")->columns[1].name, QStringLiteral("Größe"));
        QCOMPARE(schema->table("kunden")->columns[1].type, NormalizedType::decimal(2, 1));

        // The same file read as UTF-8 is refused with the file, the line and a hint.
        writeFile(dir.filePath("kunden.csv"), "id;name\n1;Ann\n2;M\xFCller\n");
        schema = introspect("csv:" + dir.path() + "?delimiter=;");
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().where(), dir.filePath("kunden.csv") + ":3");
        QVERIFY(schema.error().hint().contains("encoding"));
    }

    void sampleLimitsInferenceNotCounting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray bytes = "code\n";
        for (int i = 0; i < 50; ++i)
            bytes += QByteArray::number(i) + "\n";
        bytes += "X-1\n"; // beyond the sample
        writeFile(dir.filePath("codes.csv"), bytes);

        auto schema = introspect("csv:" + dir.path() + "?sample=50");
        QVERIFY(schema.ok());
        QCOMPARE(schema->table("codes")->columns[0].type, NormalizedType::integer());
        QCOMPARE(schema->table("codes")->rowEstimate, 51);

        schema = introspect("csv:" + dir.path());
        QVERIFY(schema.ok());
        QCOMPARE(schema->table("codes")->columns[0].type, NormalizedType::text());
    }

    void raggedRowIsAnErrorWithItsLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("a.csv"), "id,name\n1,Ann\n");
        writeFile(dir.filePath("orders.csv"), "id,item,qty\n"
                                              "1,\"Widget\nlarge\",2\n"
                                              "2,Gadget,5\n"
                                              "3,Gizmo\n");
        auto schema = introspect("csv:" + dir.path());
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Parse);
        QCOMPARE(schema.error().where(), dir.filePath("orders.csv") + ":5");
        QVERIFY2(schema.error().message().contains("2 fields, expected 3"),
                 qPrintable(errorText(schema)));
    }

    void unterminatedQuoteIsAnErrorWithItsLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("notes.csv"), "id,text\n1,fine\n2,\"open\n3,never closed\n");
        auto schema = introspect("csv:" + dir.path());
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().where(), dir.filePath("notes.csv") + ":3");
        QVERIFY(schema.error().message().contains("not closed"));
    }

    void connectionProblems()
    {
        auto schema = introspect("csv:/nonexistent/cutover/csv-folder");
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Connection);
        QVERIFY(schema.error().where().contains("/nonexistent/cutover/csv-folder"));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("file.csv"), "a\n1\n");
        schema = introspect("csv:" + dir.filePath("file.csv"));
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Connection);

        schema = introspect("csv:" + dir.path() + "?delimiter=xx");
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Usage);
        QVERIFY(schema.error().toString().contains("delimiter"));

        // Two files would make the same table.
        writeFile(dir.filePath("file.tsv"), "a\n1\n");
        schema = introspect("csv:" + dir.path());
        QVERIFY(!schema.ok());
        QVERIFY(schema.error().message().contains("file.csv"));
        QVERIFY(schema.error().message().contains("file.tsv"));
    }

    void awkwardNames()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(dir.filePath("Order Lines.csv"),
                  "\"Select\",\"my \"\"col\"\"\",MixedCase\n1,2,3\n");
        writeFile(dir.filePath("v1.2.csv"), "x\n1\n");
        auto schema = introspect("csv:" + dir.path());
        QVERIFY2(schema.ok(), qPrintable(errorText(schema)));
        QCOMPARE(schema->tableNames(), QStringList({"Order Lines", "v1.2"}));
        QCOMPARE(schema->table("Order Lines")->columns[1].name, QStringLiteral("my \"col\""));
    }

    void sampleFolder()
    {
        const QString dir = dataDir();
        if (dir.isEmpty() || !QFileInfo::exists(dir))
            QSKIP("tests/data/csv is not available (set CUTOVER_TEST_DATA)");
        auto schema = introspect("csv:" + dir);
        QVERIFY2(schema.ok(), qPrintable(errorText(schema)));
        QCOMPARE(schema->tableNames(), QStringList({"customers", "measurements"}));
        const TableInfo *customers = schema->table("customers");
        QCOMPARE(customers->rowEstimate, 5);
        QStringList types;
        for (const ColumnInfo &column : customers->columns)
            types << column.name + ":" + column.type.toString() + (column.nullable ? "?" : "");
        QCOMPARE(types,
                 QStringList({"id:integer", "customer_no:text", "name:text", "email:text?",
                              "credit_limit:decimal(7,2)", "vip:boolean", "signed_up:date",
                              "last_login:timestamptz?", "external_id:uuid", "preferences:json?"}));
        const TableInfo *measurements = schema->table("measurements");
        QCOMPARE(measurements->rowEstimate, 4);
        types.clear();
        for (const ColumnInfo &column : measurements->columns)
            types << column.name + ":" + column.type.toString() + (column.nullable ? "?" : "");
        QCOMPARE(types,
                 QStringList({"sensor:text", "taken_at:timestamp", "value:real", "note:text?"}));
    }
};

QTEST_GUILESS_MAIN(TestCsvIntrospector)
#include "tst_csvintrospector.moc"
