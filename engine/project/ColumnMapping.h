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
    // A timestamp stored as text (SQLite) is written in SQLite's own form, "2009-01-01 10:00:00",
    // which its date functions write and compare; true writes ISO 8601's "2009-01-01T10:00:00".
    bool isoTimestamps = false;
    // The encoding of the source text the expression reads (cp1252, latin1, ...); empty: the
    // connection's. See ColumnEncodings.
    QString encoding;

    bool operator==(const ColumnMapping &) const = default;
};

} // namespace cutover
