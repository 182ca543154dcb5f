#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// A secondary index or a unique constraint (unique constraints are reported as unique indexes
// with isConstraint set).
struct IndexInfo
{
    QString name;
    QStringList columns;
    bool unique = false;
    bool isConstraint = false;
    bool partial = false; // a SQLite index with a WHERE clause: unique only among its rows

    bool operator==(const IndexInfo &) const = default;
};

} // namespace cutover
