#pragma once

#include <QString>

namespace cutover {

// A CHECK constraint: its name and its condition as SQL text, in the dialect of the database the
// table belongs to (for a project's targetTables: the target's).
struct CheckInfo
{
    QString name; // as the database names it; cutover-cli init names unnamed ones
    QString expression;

    bool operator==(const CheckInfo &) const = default;
};

} // namespace cutover
