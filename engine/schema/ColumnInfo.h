#pragma once

#include "schema/NormalizedType.h"

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
    // A planned target column's type as the target spells it, created verbatim: set when source
    // and target are of one dialect, so that a copy keeps integer[], inet, enum(...) or
    // BIGINT UNSIGNED. Empty: DdlGenerator spells the type from `type`.
    QString nativeType;

    bool operator==(const ColumnInfo &) const = default;
};

} // namespace cutover
