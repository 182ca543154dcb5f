#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// The names of the tables Cutover keeps in a target for itself (the run ledger, the key
// crosswalk, the report store), known below the classes that create them, so that validation and
// introspection can leave them out without reaching up into the run and report districts.
// tst_runledger checks this list against the tables those classes (LedgerSchema, KeyCrosswalk,
// ReportStore) define.
class CutoverTables
{
public:
    static const QStringList &names();
    static bool contains(const QString &table) { return names().contains(table); }
};

} // namespace cutover
