#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "reconcile/TableReconciliation.h"
#include "schema/TableInfo.h"

class QSqlDatabase;

namespace cutover {

// Target rows whose foreign key points at no parent row, counted inside the target database (one
// NOT EXISTS query per foreign key of the table, with a few of the orphaned values).
class OrphanFinder
{
public:
    static constexpr int kSamples = 5;
    static Result<QList<OrphanFinding>> find(const QSqlDatabase &db, ConnectionSpec::Kind kind,
                                             const TableInfo &table);

private:
    static QString orphanCondition(ConnectionSpec::Kind kind, const TableInfo &table,
                                   const ForeignKeyInfo &key);
};

} // namespace cutover
