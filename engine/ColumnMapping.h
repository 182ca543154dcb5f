#pragma once

#include <QString>

namespace cutover {

// One target column and the transform expression (SQLite SQL over the source row) producing it.
struct ColumnMapping
{
    QString target;
    QString expression;
    QString defaultValue;    // used when the expression yields NULL for a NOT NULL column
    bool hasDefault = false; // distinguishes a default of '' from none
    bool sensitive = false;  // masked in reports and previews
    QString note;
    // The encoding of the source text the expression reads (cp1252, latin1, ...); empty: the
    // connection's. See ColumnEncodings.
    QString encoding;

    bool operator==(const ColumnMapping &) const = default;
};

} // namespace cutover
