#include "SqliteFile.h"
#include "connect/introspect/IntrospectorFactory.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

class TestSqliteIntrospector : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    DatabaseSchema introspect()
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + m_path);
        auto schema = IntrospectorFactory::create(*spec)->introspect();
        if (!schema.ok())
            qWarning() << schema.error().toString();
        return schema.ok() ? *schema : DatabaseSchema{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("awkward db.sqlite"));
        const QString error = test::SqliteFile::create(
            m_path,
            {
                QStringLiteral(R"(CREATE TABLE "Order Details" (
                     "Order ID" INTEGER NOT NULL, "line.no" INTEGER NOT NULL,
                     "select" TEXT DEFAULT 'it''s', "We""ird" VARCHAR(20) NOT NULL DEFAULT '',
                     "CamelCase" DECIMAL(12,2), created DATETIME DEFAULT CURRENT_TIMESTAMP,
                     PRIMARY KEY ("Order ID", "line.no"), UNIQUE ("We""ird", "select")))"),
                QStringLiteral(R"(CREATE TABLE "Shipment" (
                     id INTEGER PRIMARY KEY, order_id INTEGER, line INTEGER, weight REAL,
                     payload BLOB, notes,
                     FOREIGN KEY (order_id, line) REFERENCES "Order Details" ("Order ID", "line.no")))"),
                QStringLiteral(R"(CREATE INDEX "idx ""weight""" ON "Shipment" (weight, id))"),
                QStringLiteral(R"(CREATE TABLE parent_implicit (k TEXT PRIMARY KEY))"),
                QStringLiteral(
                    R"(CREATE TABLE child_implicit (p TEXT REFERENCES parent_implicit))"),
                QStringLiteral(
                    R"(CREATE VIEW "heavy shipments" AS SELECT * FROM "Shipment" WHERE weight > 10)"),
                QStringLiteral(
                    R"(INSERT INTO "Order Details" ("Order ID", "line.no", "We""ird") VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c'))"),
                QStringLiteral(
                    R"(INSERT INTO "Shipment" (order_id, line, weight) VALUES (1, 1, 12.5))"),
            });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void listsTablesAndViewsSortedWithRowCounts()
    {
        const DatabaseSchema schema = introspect();
        QCOMPARE(schema.tableNames(), (QStringList{"Order Details", "Shipment", "child_implicit",
                                                   "heavy shipments", "parent_implicit"}));
        QVERIFY(schema.table(QStringLiteral("heavy shipments"))->isView);
        QVERIFY(!schema.table(QStringLiteral("Shipment"))->isView);
        QCOMPARE(schema.table(QStringLiteral("Order Details"))->rowEstimate, 3);
        QCOMPARE(schema.table(QStringLiteral("Shipment"))->rowEstimate, 1);
    }

    void readsColumnsWithAwkwardNames()
    {
        const DatabaseSchema schema = introspect();
        const TableInfo *orders = schema.table(QStringLiteral("Order Details"));
        QVERIFY(orders);
        QCOMPARE(orders->columns.size(), 6);
        const ColumnInfo *weird = orders->column(QStringLiteral("We\"ird"));
        QVERIFY(weird);
        QCOMPARE(weird->declaredType, QStringLiteral("VARCHAR(20)"));
        QCOMPARE(weird->type.toString(), QStringLiteral("text(20)"));
        QVERIFY(!weird->nullable);
        QVERIFY(weird->hasDefault);
        QCOMPARE(weird->defaultValue, QStringLiteral("''"));
        const ColumnInfo *select = orders->column(QStringLiteral("select"));
        QCOMPARE(select->defaultValue, QStringLiteral("'it''s'"));
        QVERIFY(select->nullable);
        QCOMPARE(orders->column(QStringLiteral("CamelCase"))->type.toString(),
                 QStringLiteral("decimal(12,2)"));
        QCOMPARE(orders->column(QStringLiteral("created"))->type.toString(),
                 QStringLiteral("timestamp"));
        QCOMPARE(orders->column(QStringLiteral("created"))->defaultValue,
                 QStringLiteral("CURRENT_TIMESTAMP"));
        const TableInfo *shipment = schema.table(QStringLiteral("Shipment"));
        QCOMPARE(shipment->column(QStringLiteral("notes"))->type.kind(),
                 NormalizedType::Kind::Unknown);
        QCOMPARE(shipment->column(QStringLiteral("payload"))->type.kind(),
                 NormalizedType::Kind::Blob);
        QCOMPARE(shipment->column(QStringLiteral("weight"))->type.kind(),
                 NormalizedType::Kind::Real);
    }

    void readsKeysAndIndexes()
    {
        const DatabaseSchema schema = introspect();
        const TableInfo *orders = schema.table(QStringLiteral("Order Details"));
        QCOMPARE(orders->primaryKey, (QStringList{"Order ID", "line.no"}));
        QCOMPARE(orders->column(QStringLiteral("line.no"))->primaryKeyPosition, 2);
        QVERIFY(!orders->column(QStringLiteral("Order ID"))->autoIncrement);
        const QList<IndexInfo> uniques = orders->uniqueConstraints();
        QCOMPARE(uniques.size(), 1);
        QCOMPARE(uniques.first().columns, (QStringList{"We\"ird", "select"}));
        QVERIFY(uniques.first().isConstraint);

        const TableInfo *shipment = schema.table(QStringLiteral("Shipment"));
        QCOMPARE(shipment->primaryKey, QStringList{"id"});
        QVERIFY(shipment->column(QStringLiteral("id"))->autoIncrement);
        QVERIFY(!shipment->column(QStringLiteral("id"))->nullable);
        QCOMPARE(shipment->foreignKeys.size(), 1);
        const ForeignKeyInfo &fk = shipment->foreignKeys.first();
        QCOMPARE(fk.columns, (QStringList{"order_id", "line"}));
        QCOMPARE(fk.referencedTable, QStringLiteral("Order Details"));
        QCOMPARE(fk.referencedColumns, (QStringList{"Order ID", "line.no"}));
        QCOMPARE(shipment->indexes.size(), 1);
        QCOMPARE(shipment->indexes.first().name, QStringLiteral("idx \"weight\""));
        QCOMPARE(shipment->indexes.first().columns, (QStringList{"weight", "id"}));
        QVERIFY(!shipment->indexes.first().unique);
    }

    // What SQLite keeps only in the CREATE text: checks, index expressions and conditions.
    void readsChecksAndPartialAndExpressionIndexes()
    {
        const QString path = m_dir.filePath(QStringLiteral("checks.sqlite"));
        const QString error = test::SqliteFile::create(
            path, {QStringLiteral(R"(CREATE TABLE "t x" (
                 id INTEGER PRIMARY KEY,
                 a TEXT CHECK (a <> 'CHECK (no)') CONSTRAINT a_short CHECK (length(a) < 9),
                 "b c" DECIMAL(10, 2) NOT NULL CHECK ("b c" >= 0), -- CHECK (commented)
                 CONSTRAINT "both ok" CHECK (a IS NOT NULL OR "b c" > 1),
                 CHECK ((id > 0)), UNIQUE (a)))"),
                   QStringLiteral(
                       R"(CREATE UNIQUE INDEX live ON "t x" (a COLLATE NOCASE DESC, lower("b c"))
                 WHERE "b c" > 0 AND a <> 'x')")});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + path);
        auto schema = IntrospectorFactory::create(*spec)->introspect();
        QVERIFY(schema.ok());
        const TableInfo *t = schema->table(QStringLiteral("t x"));
        QVERIFY(t);
        const QList<CheckInfo> expected = {
            {QStringLiteral("t x_a_check"), QStringLiteral("a <> 'CHECK (no)'")},
            {QStringLiteral("a_short"), QStringLiteral("length(a) < 9")},
            {QStringLiteral("t x_b c_check"), QStringLiteral("\"b c\" >= 0")},
            {QStringLiteral("both ok"), QStringLiteral("a IS NOT NULL OR \"b c\" > 1")},
            {QStringLiteral("t x_check"), QStringLiteral("(id > 0)")}};
        QCOMPARE(t->checks, expected);
        const IndexInfo *live = nullptr;
        for (const IndexInfo &index : t->indexes)
            if (index.name == QLatin1String("live"))
                live = &index;
        QVERIFY(live);
        QVERIFY(live->partial);
        QCOMPARE(live->where, QStringLiteral("\"b c\" > 0 AND a <> 'x'"));
        QCOMPARE(live->columns, (QStringList{"a", "<expression>"}));
        QCOMPARE(live->expressions, (QStringList{QString(), "lower(\"b c\")"}));
        QVERIFY(!live->isPlain());
        QCOMPARE(t->uniqueConstraints().size(), 1); // UNIQUE (a); the partial index is no key
    }

    void resolvesImplicitForeignKeyColumns()
    {
        const DatabaseSchema schema = introspect();
        const TableInfo *child = schema.table(QStringLiteral("child_implicit"));
        QCOMPARE(child->foreignKeys.size(), 1);
        QCOMPARE(child->foreignKeys.first().referencedColumns, QStringList{"k"});
    }

    void missingOrCorruptFileIsAConnectionError()
    {
        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") +
                                          m_dir.filePath(QStringLiteral("none.sqlite")));
        auto schema = IntrospectorFactory::create(*spec)->introspect();
        QVERIFY(!schema.ok());
        QCOMPARE(schema.error().code(), Error::Code::Connection);
        QVERIFY(schema.error().toString().contains(QLatin1String("none.sqlite")));

        const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto bad =
            IntrospectorFactory::create(*ConnectionSpec::parse(QStringLiteral("sqlite:") + garbage))
                ->introspect();
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code(), Error::Code::Connection);
    }

    void introspectionDoesNotModifyTheFile()
    {
        const QByteArray before = [this] {
            QFile f(m_path);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        introspect();
        QFile after(m_path);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), before);
    }
};

QTEST_GUILESS_MAIN(TestSqliteIntrospector)
#include "tst_sqliteintrospector.moc"
