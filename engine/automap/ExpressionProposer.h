#pragma once

#include "automap/SampleProfile.h"
#include "project/LookupMap.h"
#include "schema/ColumnInfo.h"
#include "schema/TableInfo.h"

#include <QList>
#include <QString>

namespace cutover {

// Proposes a starting transform expression for one target column fed from one source column,
// from what the target column is for (its role: key, name, e-mail, date, ...), the two types and
// the sample values, using the functions of the FunctionCatalog. Expressions stay simple; the
// reason says what the expression does and why.
class ExpressionProposer
{
public:
    enum class Role
    {
        Plain,
        Key,        // the target's single-column primary key
        ForeignKey, // a single-column foreign key
        LegacyKey,  // legacy_id, old_number, source_key, ...
        Name,
        Email,
        Phone,
        Date,
        Timestamp,
        Boolean,
        Cents, // money as integer cents
        Code   // status, sex, site, currency, ...: short codes, often through a lookup
    };

    struct Proposal
    {
        QString expression;
        QString reason;
        bool converts = false; // the expression itself converts to the target type
        // A cleaning the column may want (trim, case, blank to NULL, ...): it changes values
        // that the target could hold as they are, so it is offered apart and applied only on
        // request (automap --clean; one by one in the window). Empty when there is none.
        QString cleanExpression;
        QString cleanReason;
    };

    ExpressionProposer(QList<LookupMap> lookups, QString timeZone);

    static Role roleOf(const TableInfo &table, const ColumnInfo &column);
    static QString roleName(Role role);
    // The table a single-column foreign key refers to, or empty.
    static QString referencedTable(const TableInfo &table, const ColumnInfo &column);
    // A source column as an expression: bare when it is a plain identifier, else quoted.
    static QString reference(const QString &column);

    // samples may be null (no sample values available). The expression copies the value, with
    // a conversion only where the target's type needs one; a cleaning is offered apart.
    Proposal propose(const TableInfo &targetTable, const ColumnInfo &target,
                     const ColumnInfo &source, const SampleProfile *samples) const;
    // The lookup map of the project that fits a target column (gender for sex, patient_status
    // for patient.status), or empty.
    QString lookupFor(const TableInfo &table, const ColumnInfo &column) const;

private:
    Proposal proposeAny(const TableInfo &targetTable, const ColumnInfo &target,
                        const ColumnInfo &source, const SampleProfile *samples) const;
    Proposal key(const QString &nameSpace, const ColumnInfo &target, const ColumnInfo &source,
                 const QString &x, const SampleProfile *samples) const;
    Proposal date(const ColumnInfo &source, const QString &x, const SampleProfile *samples) const;
    Proposal timestamp(const ColumnInfo &target, const ColumnInfo &source, const QString &x,
                       const SampleProfile *samples) const;
    Proposal cents(const ColumnInfo &source, const QString &x, const SampleProfile *samples) const;
    Proposal code(const TableInfo &table, const ColumnInfo &target, const QString &x,
                  const SampleProfile *samples) const;
    Proposal plain(const ColumnInfo &target, const ColumnInfo &source, const QString &x,
                   const SampleProfile *samples) const;

    QList<LookupMap> m_lookups;
    QString m_timeZone;
};

} // namespace cutover
