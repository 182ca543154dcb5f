#include "dialect/TypeNormalizer.h"

#include <QTest>

using namespace cutover;

class TestTypeNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizes_data()
    {
        QTest::addColumn<QString>("declared");
        QTest::addColumn<int>("dialect");
        QTest::addColumn<QString>("normalized");
        const int sqlite = int(ConnectionSpec::Kind::Sqlite);
        const int pg = int(ConnectionSpec::Kind::PostgreSql);
        const int my = int(ConnectionSpec::Kind::MySql);
        QTest::newRow("sqlite INTEGER") << "INTEGER" << sqlite << "integer";
        QTest::newRow("sqlite BIGINT") << "BIGINT" << sqlite << "integer";
        QTest::newRow("sqlite VARCHAR(40)") << "VARCHAR(40)" << sqlite << "text(40)";
        QTest::newRow("sqlite TEXT") << "TEXT" << sqlite << "text";
        QTest::newRow("sqlite CLOB") << "CLOB" << sqlite << "text";
        QTest::newRow("sqlite REAL") << "REAL" << sqlite << "real";
        QTest::newRow("sqlite DOUBLE PRECISION") << "DOUBLE PRECISION" << sqlite << "real";
        QTest::newRow("sqlite DECIMAL(12,2)") << "DECIMAL(12, 2)" << sqlite << "decimal(12,2)";
        QTest::newRow("sqlite NUMERIC") << "NUMERIC" << sqlite << "decimal";
        QTest::newRow("sqlite BLOB") << "BLOB" << sqlite << "blob";
        QTest::newRow("sqlite no type") << "" << sqlite << "unknown";
        QTest::newRow("sqlite BOOLEAN") << "BOOLEAN" << sqlite << "boolean";
        QTest::newRow("sqlite DATE") << "DATE" << sqlite << "date";
        QTest::newRow("sqlite DATETIME") << "DATETIME" << sqlite << "timestamp";
        QTest::newRow("sqlite TIMESTAMP") << "TIMESTAMP" << sqlite << "timestamp";
        QTest::newRow("sqlite UUID") << "UUID" << sqlite << "uuid";
        QTest::newRow("sqlite JSON") << "JSON" << sqlite << "json";
        QTest::newRow("pg character varying(255)") << "character varying(255)" << pg << "text(255)";
        QTest::newRow("pg numeric(10,3)") << "numeric(10,3)" << pg << "decimal(10,3)";
        QTest::newRow("pg timestamp with time zone")
            << "timestamp with time zone" << pg << "timestamptz";
        QTest::newRow("pg timestamp without time zone")
            << "timestamp without time zone" << pg << "timestamp";
        QTest::newRow("pg bytea") << "bytea" << pg << "blob";
        QTest::newRow("pg jsonb") << "jsonb" << pg << "json";
        QTest::newRow("pg double precision") << "double precision" << pg << "real";
        QTest::newRow("pg smallint") << "smallint" << pg << "integer";
        QTest::newRow("pg money") << "money" << pg << "decimal(19,2)";
        QTest::newRow("mysql tinyint(1)") << "tinyint(1)" << my << "boolean";
        QTest::newRow("mysql tinyint(4)") << "tinyint(4)" << my << "integer";
        QTest::newRow("mysql int unsigned") << "int(10) unsigned" << my << "integer";
        QTest::newRow("mysql datetime") << "datetime" << my << "timestamp";
        QTest::newRow("mysql timestamp is UTC") << "timestamp" << my << "timestamptz";
        QTest::newRow("mysql enum") << "enum('a','b')" << my << "text";
        QTest::newRow("mysql longblob") << "longblob" << my << "blob";
        QTest::newRow("mysql decimal(8,2)") << "decimal(8,2)" << my << "decimal(8,2)";
    }
    void normalizes()
    {
        QFETCH(QString, declared);
        QFETCH(int, dialect);
        QFETCH(QString, normalized);
        QCOMPARE(TypeNormalizer::normalize(declared, ConnectionSpec::Kind(dialect)).toString(),
                 normalized);
    }

    void spellingRoundTrips()
    {
        for (const char *text :
             {"integer", "decimal(12,2)", "real", "text(255)", "text", "boolean", "date", "time",
              "timestamp", "timestamptz", "uuid", "json", "blob"})
            QCOMPARE(NormalizedType::fromString(QLatin1String(text)).toString(),
                     QLatin1String(text));
        QCOMPARE(NormalizedType::fromString(QStringLiteral("nonsense")).kind(),
                 NormalizedType::Kind::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestTypeNormalizer)
#include "tst_typenormalizer.moc"
