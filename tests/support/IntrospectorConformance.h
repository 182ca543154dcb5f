#pragma once

#include "FakePasswordProvider.h"
#include "core/Error.h"
#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "schema/DatabaseSchema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover::test {

// The checks every server introspector (PostgreSQL, MySQL/MariaDB) must pass, on one sample
// schema that the suite creates with its own DDL, with identifiers that break naive quoting:
//
//   "Patient Records"  "Clinic Id" and "Patient No" NOT NULL integers, "select" varchar(40)
//                      NOT NULL DEFAULT 'active', a nullable column with a quote in its name and
//                      no default (Expectations::weirdColumn), "CamelCase" decimal(12,2)
//                      DEFAULT 0, "dotted.name" date, created NOT NULL DEFAULT the current time;
//                      PRIMARY KEY ("Patient No", "Clinic Id"), CONSTRAINT "Patient ""uq"""
//                      UNIQUE ("select", weirdColumn), INDEX "ix.Camel" ("CamelCase",
//                      "dotted.name"); 5 rows, analyzed
//   "visit.log"        "Visit Id" auto-increment primary key, "Clinic", "Patient" NOT NULL;
//                      a foreign key ("Patient", "Clinic") to "Patient Records" ("Patient No",
//                      "Clinic Id"); 3 rows, analyzed
//   "CamelCase"        id primary key, "Tab""le" text
//   "order"            id, no key, never analyzed
//   all_types          one nullable column a type, without default (types())
//   "Active Patients"  a view of "Patient No", "select" AS "Status" from "Patient Records"
//
// The suite starts its server, creates the schema, calls introspectsTheSampleSchema() in
// initTestCase and then one check a slot:
//
//     const QString failure = m_conformance.primaryKeyInKeyOrder();
//     QVERIFY2(failure.isEmpty(), qPrintable(failure));
//
// A check returns an empty string when it passes, otherwise what failed (the line in
// IntrospectorConformance.cpp, the check, then the condition or the two values compared: see
// ConformanceCheck.h); it stops at the first failure.
class IntrospectorConformance
{
public:
    // What differs in how the servers report the sample schema.
    struct Expectations
    {
        QStringList patientColumns;    // of "Patient Records", in order
        QString weirdColumn;           // the nullable column with a quote in its name
        QString selectDeclaredType;    // of "select" varchar(40)
        QString selectDefault;         // of "select": 'active'
        QString camelDeclaredType;     // of "CamelCase" decimal(12,2)
        QString camelDefault;          // of "CamelCase": 0
        QString createdDefault;        // of created: the current time
        QString foreignKeyName;        // of "visit.log"'s foreign key
        qsizetype patientIndexes = 0;  // of "Patient Records", its primary key not counted
        qint64 neverAnalyzedRows = -1; // the row estimate of "order"
    };

    // One row of types(): all_types's column, its declared type as the server reports it and
    // the normalized type's spelling (NormalizedType::toString()).
    struct TypeCase
    {
        const char *row;
        QString column;
        QString declared;
        QString normalized;
    };

    explicit IntrospectorConformance(const Expectations &expected);

    // The server's spec and the test user's password, once the server runs.
    void setServer(const ConnectionSpec &spec, const QString &password);
    // Knows the password of the server's spec.
    const PasswordProvider *passwords() const { return &m_passwords; }
    // Introspects spec (by default the server's) with passwords().
    Result<DatabaseSchema> introspect(const ConnectionSpec &spec) const;
    Result<DatabaseSchema> introspect() const { return introspect(m_spec); }
    // The sample schema, from introspectsTheSampleSchema(): null when there is no such table.
    const TableInfo *table(const QString &name) const { return m_schema.table(name); }

    // Adds the columns and rows of types_data().
    static void addTypeRows(const QList<TypeCase> &cases);

    // Introspects the server and keeps the sample schema for the checks below.
    QString introspectsTheSampleSchema();
    QString listsTablesAndViewsSortedByName() const;
    QString columnsInOrderWithNullabilityAndDefaults() const;
    // "visit.log"'s key is auto-increment without a default; "Clinic" is not.
    QString autoIncrement() const;
    // One column of all_types: declared and normalized type, nullable, no default, no key.
    QString types(const QString &column, const QString &declared, const QString &normalized) const;
    QString primaryKeyInKeyOrder() const;
    QString foreignKeysInKeyOrder() const;
    // The unique constraint and "ix.Camel" of "Patient Records" (other indexes are the suite's).
    QString uniqueConstraintsAndIndexes() const;
    // The checks of table "Checked" in schema, which the suite created as
    //   "Checked" (id int PRIMARY KEY, "Code" varchar(10) CHECK ("Code" <> ''), qty int,
    //              CONSTRAINT qty_range CHECK (qty BETWEEN 0 AND 9))
    // in this order, the first one's expression containing codeCheck.
    QString checksInOrder(const DatabaseSchema &schema, const QString &codeCheck) const;
    QString rowEstimates() const;
    // Introspecting spec, which names a schema or database called name that does not exist,
    // fails with code and names it.
    QString unknownNameIsAnError(const ConnectionSpec &spec, const QString &name,
                                 Error::Code code) const;
    QString passwordComesFromTheProvider() const;
    // A wrong password fails as a connection error, shows neither password and says refusal.
    QString wrongPasswordFailsWithoutShowingIt(const QString &refusal) const;

private:
    QString selectColumn(const TableInfo &patients) const;
    QString optionalColumns(const TableInfo &patients) const;
    bool hasSampleTables() const;
    static QString indexLike(const TableInfo &table, const IndexInfo &expected);

    Expectations m_expected;
    ConnectionSpec m_spec;
    QString m_password;
    FakePasswordProvider m_passwords;
    DatabaseSchema m_schema;
};

} // namespace cutover::test
