#pragma once

#include "NormalizedType.h"

#include <QString>

namespace cutover {

// One column as introspected from a database or inferred from a CSV file.
struct ColumnInfo
{
    QString name;
    QString declaredType; // as the database spells it, e.g. "VARCHAR(255)"
    NormalizedType type;
    bool nullable = true;
    QString defaultValue;       // SQL text of the default, empty when there is none
    bool hasDefault = false;    // distinguishes DEFAULT '' from no default
    bool autoIncrement = false; // identity, serial, AUTO_INCREMENT, SQLite rowid alias
    int primaryKeyPosition = 0; // 1-based position in the primary key, 0 if not part of it

    bool operator==(const ColumnInfo &) const = default;
};

} // namespace cutover
