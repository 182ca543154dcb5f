#include "IntrospectorConformance.h"

#include "ConformanceCheck.h"
#include "SchemaProbe.h"
#include "connect/introspect/IntrospectorFactory.h"

#include <QTest>

namespace cutover::test {

namespace {

// The tables and the view of the sample schema, sorted by name.
QStringList sampleTables()
{
    return {"Active Patients", "CamelCase", "Patient Records", "all_types", "order", "visit.log"};
}

// The column's place in table's primary key (0: not in it), -1 when table has no such column.
int keyPosition(const TableInfo &table, const QString &column)
{
    const ColumnInfo *c = table.column(column);
    return c ? c->primaryKeyPosition : -1;
}

} // namespace

IntrospectorConformance::IntrospectorConformance(const Expectations &expected)
    : m_expected(expected)
{}

void IntrospectorConformance::setServer(const ConnectionSpec &spec, const QString &password)
{
    m_spec = spec;
    m_password = password;
    m_passwords.set(spec, password);
}

Result<DatabaseSchema> IntrospectorConformance::introspect(const ConnectionSpec &spec) const
{
    return IntrospectorFactory::create(spec, &m_passwords)->introspect();
}

void IntrospectorConformance::addTypeRows(const QList<TypeCase> &cases)
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("normalized");
    for (const TypeCase &c : cases)
        QTest::newRow(c.row) << c.column << c.declared << c.normalized;
}

bool IntrospectorConformance::hasSampleTables() const
{
    for (const QString &name : sampleTables())
        if (!table(name))
            return false;
    return true;
}

QString IntrospectorConformance::introspectsTheSampleSchema()
{
    auto schema = introspect();
    CONFORMANCE_VERIFY2(schema.ok(), CONFORMANCE_ERROR(schema));
    m_schema = std::move(schema.value());
    return {};
}

QString IntrospectorConformance::listsTablesAndViewsSortedByName() const
{
    CONFORMANCE_COMPARE(SchemaProbe::tableNames(m_schema.tables), sampleTables());
    CONFORMANCE_VERIFY(table("Active Patients")->isView);
    CONFORMANCE_VERIFY(!table("Patient Records")->isView);
    CONFORMANCE_COMPARE(SchemaProbe::columnNames(*table("Active Patients")),
                        QStringList({"Patient No", "Status"}));
    return {};
}

QString IntrospectorConformance::columnsInOrderWithNullabilityAndDefaults() const
{
    const TableInfo *patients = table("Patient Records");
    CONFORMANCE_VERIFY(patients);
    CONFORMANCE_COMPARE(SchemaProbe::columnNames(*patients), m_expected.patientColumns);
    const QString select = selectColumn(*patients);
    return select.isEmpty() ? optionalColumns(*patients) : select;
}

QString IntrospectorConformance::selectColumn(const TableInfo &patients) const
{
    const ColumnInfo *select = patients.column("select");
    CONFORMANCE_VERIFY(select);
    CONFORMANCE_COMPARE(select->declaredType, m_expected.selectDeclaredType);
    CONFORMANCE_COMPARE(select->type, NormalizedType::text(40));
    CONFORMANCE_VERIFY(!select->nullable);
    CONFORMANCE_VERIFY(select->hasDefault);
    CONFORMANCE_COMPARE(select->defaultValue, m_expected.selectDefault);
    CONFORMANCE_VERIFY(!select->autoIncrement);
    return {};
}

// The weird column, "CamelCase" and created: nullability and defaults, a DEFAULT NULL (explicit
// or implicit) counting as none.
QString IntrospectorConformance::optionalColumns(const TableInfo &patients) const
{
    const ColumnInfo *weird = patients.column(m_expected.weirdColumn);
    CONFORMANCE_VERIFY(weird);
    CONFORMANCE_VERIFY(weird->nullable);
    CONFORMANCE_VERIFY(!weird->hasDefault);
    CONFORMANCE_COMPARE(weird->defaultValue, QString());

    const ColumnInfo *camel = patients.column("CamelCase");
    CONFORMANCE_VERIFY(camel);
    CONFORMANCE_COMPARE(camel->declaredType, m_expected.camelDeclaredType);
    CONFORMANCE_COMPARE(camel->type, NormalizedType::decimal(12, 2));
    CONFORMANCE_COMPARE(camel->defaultValue, m_expected.camelDefault);
    const ColumnInfo *created = patients.column("created");
    CONFORMANCE_VERIFY(created);
    CONFORMANCE_COMPARE(created->defaultValue, m_expected.createdDefault);
    CONFORMANCE_VERIFY(!created->nullable);
    return {};
}

QString IntrospectorConformance::autoIncrement() const
{
    const TableInfo *visits = table("visit.log");
    CONFORMANCE_VERIFY(visits);
    const ColumnInfo *id = visits->column("Visit Id");
    CONFORMANCE_VERIFY(id);
    CONFORMANCE_VERIFY(id->autoIncrement);
    CONFORMANCE_VERIFY(!id->nullable);
    CONFORMANCE_VERIFY(!id->hasDefault); // an identity or AUTO_INCREMENT has no default expression
    const ColumnInfo *clinic = visits->column("Clinic");
    CONFORMANCE_VERIFY(clinic);
    CONFORMANCE_VERIFY(!clinic->autoIncrement);
    return {};
}

QString IntrospectorConformance::types(const QString &column, const QString &declared,
                                       const QString &normalized) const
{
    const TableInfo *allTypes = table("all_types");
    CONFORMANCE_VERIFY(allTypes);
    const ColumnInfo *c = allTypes->column(column);
    CONFORMANCE_VERIFY2(c, column);
    CONFORMANCE_COMPARE(c->declaredType, declared);
    CONFORMANCE_COMPARE(c->type.toString(), normalized);
    CONFORMANCE_VERIFY(c->nullable);
    CONFORMANCE_VERIFY(!c->hasDefault);
    CONFORMANCE_COMPARE(c->primaryKeyPosition, 0);
    return {};
}

QString IntrospectorConformance::primaryKeyInKeyOrder() const
{
    CONFORMANCE_VERIFY(hasSampleTables());
    const TableInfo *patients = table("Patient Records");
    CONFORMANCE_COMPARE(patients->primaryKey, QStringList({"Patient No", "Clinic Id"}));
    CONFORMANCE_COMPARE(keyPosition(*patients, "Patient No"), 1);
    CONFORMANCE_COMPARE(keyPosition(*patients, "Clinic Id"), 2);
    CONFORMANCE_COMPARE(keyPosition(*patients, "select"), 0);
    CONFORMANCE_COMPARE(table("visit.log")->primaryKey, QStringList({"Visit Id"}));
    CONFORMANCE_VERIFY(table("order")->primaryKey.isEmpty());
    CONFORMANCE_VERIFY(table("Active Patients")->primaryKey.isEmpty());
    return {};
}

QString IntrospectorConformance::foreignKeysInKeyOrder() const
{
    CONFORMANCE_VERIFY(hasSampleTables());
    const TableInfo *visits = table("visit.log");
    CONFORMANCE_COMPARE(visits->foreignKeys.size(), 1);
    const ForeignKeyInfo &fk = visits->foreignKeys.first();
    CONFORMANCE_COMPARE(fk.name, m_expected.foreignKeyName);
    CONFORMANCE_COMPARE(fk.columns, QStringList({"Patient", "Clinic"}));
    CONFORMANCE_COMPARE(fk.referencedTable, QStringLiteral("Patient Records"));
    CONFORMANCE_COMPARE(fk.referencedColumns, QStringList({"Patient No", "Clinic Id"}));
    CONFORMANCE_VERIFY(table("Patient Records")->foreignKeys.isEmpty());
    return {};
}

QString IntrospectorConformance::uniqueConstraintsAndIndexes() const
{
    const TableInfo *patients = table("Patient Records");
    CONFORMANCE_VERIFY(patients);
    CONFORMANCE_COMPARE(patients->indexes.size(), m_expected.patientIndexes);
    IndexInfo constraint{QStringLiteral("Patient \"uq\""),
                         {QStringLiteral("select"), m_expected.weirdColumn}};
    constraint.unique = true;
    constraint.isConstraint = true;
    const IndexInfo secondary{QStringLiteral("ix.Camel"),
                              {QStringLiteral("CamelCase"), QStringLiteral("dotted.name")}};
    for (const IndexInfo &expected : {constraint, secondary}) {
        const QString failure = indexLike(*patients, expected);
        if (!failure.isEmpty())
            return failure;
    }
    CONFORMANCE_COMPARE(patients->uniqueConstraints().size(), 1);
    return {};
}

// The index of table called expected.name: as unique, as much a constraint and on the same
// columns as expected.
QString IntrospectorConformance::indexLike(const TableInfo &table, const IndexInfo &expected)
{
    const IndexInfo *index = SchemaProbe::index(table, expected.name);
    CONFORMANCE_VERIFY2(index, expected.name);
    CONFORMANCE_COMPARE(index->unique, expected.unique);
    CONFORMANCE_COMPARE(index->isConstraint, expected.isConstraint);
    CONFORMANCE_COMPARE(index->columns, expected.columns);
    return {};
}

QString IntrospectorConformance::checksInOrder(const DatabaseSchema &schema,
                                               const QString &codeCheck) const
{
    const TableInfo *checked = schema.table(QStringLiteral("Checked"));
    CONFORMANCE_VERIFY(checked);
    QStringList names;
    for (const CheckInfo &check : checked->checks)
        names.append(check.name);
    CONFORMANCE_COMPARE(names, QStringList({"Checked_Code_check", "qty_range"}));
    CONFORMANCE_VERIFY2(checked->checks[0].expression.contains(codeCheck),
                        checked->checks[0].expression);
    return {};
}

QString IntrospectorConformance::rowEstimates() const
{
    CONFORMANCE_VERIFY(hasSampleTables());
    CONFORMANCE_COMPARE(table("Patient Records")->rowEstimate, qint64(5));
    CONFORMANCE_COMPARE(table("visit.log")->rowEstimate, qint64(3));
    CONFORMANCE_COMPARE(table("order")->rowEstimate, m_expected.neverAnalyzedRows);
    CONFORMANCE_COMPARE(table("Active Patients")->rowEstimate, qint64(-1));
    return {};
}

QString IntrospectorConformance::unknownNameIsAnError(const ConnectionSpec &spec,
                                                      const QString &name, Error::Code code) const
{
    FakePasswordProvider passwords;
    passwords.set(spec, m_password);
    auto schema = IntrospectorFactory::create(spec, &passwords)->introspect();
    CONFORMANCE_VERIFY(!schema.ok());
    CONFORMANCE_COMPARE(schema.error().code(), code);
    CONFORMANCE_VERIFY2(schema.error().message().contains(name), schema.error().message());
    return {};
}

QString IntrospectorConformance::passwordComesFromTheProvider() const
{
    FakePasswordProvider passwords;
    passwords.set(m_spec, m_password);
    auto schema = IntrospectorFactory::create(m_spec, &passwords)->introspect();
    CONFORMANCE_VERIFY2(schema.ok(), CONFORMANCE_ERROR(schema));
    CONFORMANCE_COMPARE(passwords.timesAsked(), 1);

    FakePasswordProvider none;
    auto withoutPassword = IntrospectorFactory::create(m_spec, &none)->introspect();
    CONFORMANCE_VERIFY(!withoutPassword.ok());
    CONFORMANCE_COMPARE(withoutPassword.error().code(), Error::Code::Connection);
    CONFORMANCE_COMPARE(none.timesAsked(), 1);
    return {};
}

QString IntrospectorConformance::wrongPasswordFailsWithoutShowingIt(const QString &refusal) const
{
    const QString wrong = QStringLiteral("Wrong-Secret-%1").arg(m_spec.port());
    FakePasswordProvider passwords;
    passwords.set(m_spec, wrong);
    auto schema = IntrospectorFactory::create(m_spec, &passwords)->introspect();
    CONFORMANCE_VERIFY(!schema.ok());
    CONFORMANCE_COMPARE(schema.error().code(), Error::Code::Connection);
    CONFORMANCE_VERIFY2(!schema.error().toString().contains(wrong), schema.error().toString());
    CONFORMANCE_VERIFY(!schema.error().toString().contains(m_password));
    CONFORMANCE_VERIFY2(schema.error().message().contains(refusal, Qt::CaseInsensitive),
                        schema.error().message());
    return {};
}

} // namespace cutover::test
