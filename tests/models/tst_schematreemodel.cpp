#include "SchemaTreeModel.h"
#include "connect/introspect/IntrospectorFactory.h"
#include "dialect/ConnectionSpec.h"
#include "schema/DatabaseSchema.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cutover;

namespace {

ColumnInfo column(const QString &name, const QString &declared, NormalizedType type,
                  bool nullable = true)
{
    ColumnInfo c;
    c.name = name;
    c.declaredType = declared;
    c.type = type;
    c.nullable = nullable;
    return c;
}

// clinics(id PK), patients(id PK auto, name NOT NULL, email UNIQUE, clinic_id FK, created
// DEFAULT), and a view.
DatabaseSchema handMadeSchema()
{
    TableInfo clinics;
    clinics.name = QStringLiteral("clinics");
    clinics.rowEstimate = 3;
    ColumnInfo clinicId =
        column(QStringLiteral("id"), QStringLiteral("INTEGER"), NormalizedType::integer(), false);
    clinicId.primaryKeyPosition = 1;
    clinics.columns << clinicId
                    << column(QStringLiteral("title"), QStringLiteral("TEXT"),
                              NormalizedType::text());
    clinics.primaryKey << QStringLiteral("id");

    TableInfo patients;
    patients.name = QStringLiteral("patients");
    patients.rowEstimate = 12345;
    ColumnInfo id =
        column(QStringLiteral("id"), QStringLiteral("INTEGER"), NormalizedType::integer(), false);
    id.primaryKeyPosition = 1;
    id.autoIncrement = true;
    ColumnInfo created = column(QStringLiteral("created"), QStringLiteral("TIMESTAMP"),
                                NormalizedType(NormalizedType::Kind::Timestamp));
    created.hasDefault = true;
    created.defaultValue = QStringLiteral("CURRENT_TIMESTAMP");
    patients.columns << id
                     << column(QStringLiteral("name"), QStringLiteral("VARCHAR(80)"),
                               NormalizedType::text(80), false)
                     << column(QStringLiteral("email"), QStringLiteral("VARCHAR(255)"),
                               NormalizedType::text(255))
                     << column(QStringLiteral("clinic_id"), QStringLiteral("INTEGER"),
                               NormalizedType::integer())
                     << created;
    patients.primaryKey << QStringLiteral("id");
    ForeignKeyInfo fk;
    fk.name = QStringLiteral("fk_patients_clinic");
    fk.columns << QStringLiteral("clinic_id");
    fk.referencedTable = QStringLiteral("clinics");
    fk.referencedColumns << QStringLiteral("id");
    patients.foreignKeys << fk;
    IndexInfo unique;
    unique.name = QStringLiteral("ux_patients_email");
    unique.columns << QStringLiteral("email");
    unique.unique = true;
    patients.indexes << unique;

    TableInfo view;
    view.name = QStringLiteral("recent_patients");
    view.isView = true;
    view.columns << column(QStringLiteral("id"), QStringLiteral("INTEGER"),
                           NormalizedType::integer());

    DatabaseSchema schema;
    schema.tables << clinics << patients << view;
    return schema;
}

QString text(const QAbstractItemModel &model, const QModelIndex &index, int column = 0,
             int role = Qt::DisplayRole)
{
    return model.data(index.siblingAtColumn(column), role).toString();
}

} // namespace

class TestSchemaTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyModel()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Type"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Details"));
        QVERIFY(!model.index(0, 0).isValid());
        QVERIFY(!model.tableIndex(QStringLiteral("nothing")).isValid());
    }

    void tablesAtTopLevel()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(handMadeSchema());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(text(model, model.index(0, 0)), QStringLiteral("clinics"));
        QCOMPARE(text(model, model.index(1, 0)), QStringLiteral("patients"));
        QCOMPARE(text(model, model.index(2, 0)), QStringLiteral("recent_patients"));
        QCOMPARE(text(model, model.index(1, 0), SchemaTreeModel::TypeColumn),
                 QStringLiteral("table"));
        QCOMPARE(text(model, model.index(2, 0), SchemaTreeModel::TypeColumn),
                 QStringLiteral("view"));
        const QString details = text(model, model.index(1, 0), SchemaTreeModel::DetailsColumn);
        QVERIFY2(details.contains(QStringLiteral("rows")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("5 columns")), qPrintable(details));
        QCOMPARE(model.data(model.index(1, 0), SchemaTreeModel::RowEstimateRole).toLongLong(),
                 12345);
        QCOMPARE(model.data(model.index(2, 0), SchemaTreeModel::IsViewRole).toBool(), true);
        QCOMPARE(model.data(model.index(2, 0), SchemaTreeModel::NodeKindRole).toInt(),
                 int(SchemaTreeModel::NodeKind::View));
        QVERIFY(!model.parent(model.index(1, 0)).isValid());
        QVERIFY(!model.index(3, 0).isValid());
        QVERIFY(!model.index(0, 3).isValid());
        // the icons come from the application's resources, which this test does not link
        QCOMPARE(model.data(model.index(0, 0), Qt::DecorationRole).metaType(),
                 QMetaType::fromType<QIcon>());
        QVERIFY(!model.data(model.index(0, 1), Qt::DecorationRole).isValid());
    }

    // After a run the target also holds Cutover's own tables: they come after the user's, typed
    // "Cutover ledger" and greyed, and are found by name as any other.
    void cutoverTablesComeLast()
    {
        DatabaseSchema schema = handMadeSchema();
        TableInfo runs;
        runs.name = QStringLiteral("cutover_runs");
        TableInfo crosswalk;
        crosswalk.name = QStringLiteral("cutover_key_crosswalk");
        schema.tables.prepend(runs);
        schema.tables.insert(2, crosswalk);
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(schema);
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << text(model, model.index(row, 0));
        QCOMPARE(names,
                 (QStringList{QStringLiteral("clinics"), QStringLiteral("patients"),
                              QStringLiteral("recent_patients"), QStringLiteral("cutover_runs"),
                              QStringLiteral("cutover_key_crosswalk")}));
        const QModelIndex ledger = model.tableIndex(QStringLiteral("cutover_runs"));
        QCOMPARE(ledger.row(), 3);
        QCOMPARE(text(model, ledger, SchemaTreeModel::TypeColumn),
                 QStringLiteral("Cutover ledger"));
        QVERIFY(model.data(ledger, Qt::ForegroundRole).isValid());
        QVERIFY(!model.data(model.index(0, 0), Qt::ForegroundRole).isValid());
        QCOMPARE(text(model, model.index(1, 0), SchemaTreeModel::TypeColumn),
                 QStringLiteral("table"));
    }

    void columnsAsChildren()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(handMadeSchema());
        const QModelIndex patients = model.tableIndex(QStringLiteral("patients"));
        QVERIFY(patients.isValid());
        QCOMPARE(patients.row(), 1);
        // five columns, then the "Keys and indexes" group
        QCOMPARE(model.rowCount(patients), 6);
        QCOMPARE(model.rowCount(patients.siblingAtColumn(1)), 0);
        const QModelIndex name = model.index(1, 0, patients);
        QCOMPARE(name.parent(), patients);
        QCOMPARE(text(model, name), QStringLiteral("name"));
        QCOMPARE(text(model, name, SchemaTreeModel::TypeColumn), QStringLiteral("text(80)"));
        const QString nameDetails = text(model, name, SchemaTreeModel::DetailsColumn);
        QVERIFY2(nameDetails.contains(QStringLiteral("VARCHAR(80)")), qPrintable(nameDetails));
        QVERIFY2(nameDetails.contains(QStringLiteral("NOT NULL")), qPrintable(nameDetails));
        QCOMPARE(model.data(name, SchemaTreeModel::TableNameRole).toString(),
                 QStringLiteral("patients"));
        QCOMPARE(model.data(name, SchemaTreeModel::ColumnNameRole).toString(),
                 QStringLiteral("name"));
        QCOMPARE(model.data(name, SchemaTreeModel::IsNullableRole).toBool(), false);
        QCOMPARE(model.data(name, SchemaTreeModel::NormalizedTypeRole).toString(),
                 QStringLiteral("text(80)"));
        QCOMPARE(model.data(name, SchemaTreeModel::NormalizedKindRole).toInt(),
                 int(NormalizedType::Kind::Text));
        QCOMPARE(model.data(name, SchemaTreeModel::DeclaredTypeRole).toString(),
                 QStringLiteral("VARCHAR(80)"));

        const QModelIndex id = model.columnIndex(QStringLiteral("patients"), QStringLiteral("id"));
        QCOMPARE(id, model.index(0, 0, patients));
        QVERIFY(model.data(id, SchemaTreeModel::IsPrimaryKeyRole).toBool());
        QVERIFY(!model.data(id, SchemaTreeModel::IsForeignKeyRole).toBool());
        QVERIFY(text(model, id, SchemaTreeModel::DetailsColumn).contains(QStringLiteral("PK")));
        QVERIFY(text(model, id, SchemaTreeModel::DetailsColumn).contains(QStringLiteral("auto")));
        QVERIFY(model.data(id, Qt::FontRole).value<QFont>().bold());

        const QModelIndex email =
            model.columnIndex(QStringLiteral("patients"), QStringLiteral("email"));
        QVERIFY(
            text(model, email, SchemaTreeModel::DetailsColumn).contains(QStringLiteral("UNIQUE")));

        const QModelIndex clinic =
            model.columnIndex(QStringLiteral("patients"), QStringLiteral("clinic_id"));
        QVERIFY(model.data(clinic, SchemaTreeModel::IsForeignKeyRole).toBool());
        QCOMPARE(model.data(clinic, SchemaTreeModel::ReferencedTableRole).toString(),
                 QStringLiteral("clinics"));
        QVERIFY(text(model, clinic, SchemaTreeModel::DetailsColumn)
                    .contains(QStringLiteral("FK \u2192 clinics(id)")));
        QVERIFY(text(model, clinic, 0, Qt::ToolTipRole).contains(QStringLiteral("clinics(id)")));

        const QModelIndex created =
            model.columnIndex(QStringLiteral("patients"), QStringLiteral("created"));
        QCOMPARE(model.data(created, SchemaTreeModel::DefaultValueRole).toString(),
                 QStringLiteral("CURRENT_TIMESTAMP"));
        QVERIFY(!model.data(id, SchemaTreeModel::DefaultValueRole).isValid());
        const QString tip = text(model, created, 0, Qt::ToolTipRole);
        QVERIFY2(tip.contains(QStringLiteral("TIMESTAMP")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Default: CURRENT_TIMESTAMP")), qPrintable(tip));
        QVERIFY(!model.columnIndex(QStringLiteral("patients"), QStringLiteral("nope")).isValid());
        QCOMPARE(model.data(created, Qt::DecorationRole).metaType(), QMetaType::fromType<QIcon>());
    }

    void keysAndIndexesGroup()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(handMadeSchema());
        const QModelIndex patients = model.tableIndex(QStringLiteral("patients"));
        const QModelIndex group = model.index(5, 0, patients);
        QCOMPARE(model.data(group, SchemaTreeModel::NodeKindRole).toInt(),
                 int(SchemaTreeModel::NodeKind::KeyGroup));
        QCOMPARE(model.rowCount(group), 3); // primary key, foreign key, unique index
        QCOMPARE(model.data(model.index(0, 0, group), SchemaTreeModel::NodeKindRole).toInt(),
                 int(SchemaTreeModel::NodeKind::PrimaryKey));
        const QModelIndex fk = model.index(1, 0, group);
        QCOMPARE(text(model, fk), QStringLiteral("fk_patients_clinic"));
        QCOMPARE(text(model, fk, SchemaTreeModel::DetailsColumn),
                 QStringLiteral("(clinic_id) \u2192 clinics(id)"));
        QCOMPARE(model.parent(fk), group.siblingAtColumn(0));
        QCOMPARE(model.parent(group), patients);
        const QModelIndex index = model.index(2, 0, group);
        QCOMPARE(text(model, index), QStringLiteral("ux_patients_email"));
        QCOMPARE(text(model, index, SchemaTreeModel::TypeColumn), QStringLiteral("unique index"));
        QCOMPARE(model.data(index, SchemaTreeModel::TableNameRole).toString(),
                 QStringLiteral("patients"));
        // a view without keys has no group
        QCOMPARE(model.rowCount(model.tableIndex(QStringLiteral("recent_patients"))), 1);
        QVERIFY(model.flags(model.index(0, 0, group)).testFlag(Qt::ItemNeverHasChildren));
    }

    void setSchemaResets()
    {
        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSchema(handMadeSchema());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(aboutToReset.count(), 1);
        DatabaseSchema smaller;
        TableInfo only;
        only.name = QStringLiteral("only");
        only.columns << column(QStringLiteral("x"), QStringLiteral("REAL"),
                               NormalizedType(NormalizedType::Kind::Real));
        smaller.tables << only;
        model.setSchema(smaller);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
        QCOMPARE(text(model, model.index(0, 0, model.index(0, 0)), 1), QStringLiteral("real"));
        QCOMPARE(model.schema().tables.size(), 1);
        model.clear();
        QCOMPARE(reset.count(), 3);
        QCOMPARE(model.rowCount(), 0);
    }

    void introspectedSqliteFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("shop.db"));
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("make"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            const QStringList statements{
                QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, "
                               "\"full name\" VARCHAR(100) NOT NULL, "
                               "status TEXT DEFAULT 'new', balance NUMERIC(10,2))"),
                QStringLiteral("CREATE TABLE \"order\" (id INTEGER PRIMARY KEY, customer_id "
                               "INTEGER NOT NULL REFERENCES customers(id), placed DATETIME)"),
                QStringLiteral("CREATE INDEX order_by_customer ON \"order\"(customer_id)"),
                QStringLiteral("CREATE VIEW big_customers AS SELECT id FROM customers"),
                QStringLiteral("INSERT INTO customers (\"full name\") VALUES ('Ada'), ('Bo')"),
            };
            for (const QString &sql : statements)
                QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("make"));

        auto spec = ConnectionSpec::parse(QStringLiteral("sqlite:") + path);
        QVERIFY(spec.ok());
        auto schema = IntrospectorFactory::create(spec.value())->introspect();
        QVERIFY2(schema.ok(), qPrintable(schema.ok() ? QString() : schema.error().toString()));

        SchemaTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSchema(schema.value());
        QCOMPARE(model.rowCount(), 3);
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names << text(model, model.index(row, 0));
        QCOMPARE(names, (QStringList{QStringLiteral("big_customers"), QStringLiteral("customers"),
                                     QStringLiteral("order")}));
        const QModelIndex customers = model.tableIndex(QStringLiteral("customers"));
        QCOMPARE(model.data(customers, SchemaTreeModel::RowEstimateRole).toLongLong(), 2);
        const QModelIndex fullName =
            model.columnIndex(QStringLiteral("customers"), QStringLiteral("full name"));
        QVERIFY(fullName.isValid());
        QCOMPARE(text(model, fullName, SchemaTreeModel::TypeColumn), QStringLiteral("text(100)"));
        QVERIFY(!model.data(fullName, SchemaTreeModel::IsNullableRole).toBool());
        const QModelIndex status =
            model.columnIndex(QStringLiteral("customers"), QStringLiteral("status"));
        QVERIFY(model.data(status, SchemaTreeModel::DefaultValueRole)
                    .toString()
                    .contains(QStringLiteral("new")));
        const QModelIndex customerId =
            model.columnIndex(QStringLiteral("order"), QStringLiteral("customer_id"));
        QVERIFY(model.data(customerId, SchemaTreeModel::IsForeignKeyRole).toBool());
        QCOMPARE(model.data(customerId, SchemaTreeModel::ReferencedTableRole).toString(),
                 QStringLiteral("customers"));
        QVERIFY(model
                    .data(model.columnIndex(QStringLiteral("order"), QStringLiteral("id")),
                          SchemaTreeModel::IsPrimaryKeyRole)
                    .toBool());
        // order: 3 columns + keys group holding primary key, foreign key and index
        const QModelIndex order = model.tableIndex(QStringLiteral("order"));
        QCOMPARE(model.rowCount(order), 4);
        QCOMPARE(model.rowCount(model.index(3, 0, order)), 3);
        QVERIFY(model
                    .data(model.tableIndex(QStringLiteral("big_customers")),
                          SchemaTreeModel::IsViewRole)
                    .toBool());
    }
};

QTEST_MAIN(TestSchemaTreeModel)
#include "tst_schematreemodel.moc"
