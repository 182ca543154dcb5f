#pragma once

#include "dialect/ConnectionSpec.h"
#include "schema/ColumnInfo.h"

#include <QString>
#include <optional>

namespace cutover {

// A column's default as the target's literal for the column's type, when the default is a
// constant that type holds: numbers for numeric columns ('42' too), quoted text for text, uuid
// and json, TRUE/FALSE for booleans, ISO dates, times and timestamps for temporal columns, and
// CURRENT_TIMESTAMP for timestamps. Anything else (function calls, sequences, a '0' for a
// timestamp, SQLite's "0" in double quotes for a number) has no such literal: the column is
// created without a default, and cutover-cli init says so.
class DefaultLiteral
{
public:
    static std::optional<QString> of(const ColumnInfo &column, ConnectionSpec::Kind kind);

private:
    static QString unwrap(const QString &defaultText);
    static std::optional<QString> constantText(const QString &text);
    static std::optional<QString> boolean(const QString &lower, ConnectionSpec::Kind kind);
    static std::optional<QString> temporal(const ColumnInfo &column, const QString &lower,
                                           const std::optional<QString> &constant,
                                           ConnectionSpec::Kind kind);
};

} // namespace cutover
