#pragma once

#include "core/Result.h"

#include <QVariant>

namespace cutover {

// Parses the SQL literal a column mapping's default is written as: 'text' (with '' for a
// quote), 42, -1.5, 1e3, NULL, TRUE/FALSE, X'0A1B'. Integers become qint64; other numbers stay
// text, so that a decimal default converts exactly; TRUE/FALSE become 1/0 as in SQLite.
// Anything else (expressions, functions such as CURRENT_TIMESTAMP) is refused.
class SqlLiteral
{
public:
    static Result<QVariant> parse(const QString &literal);

private:
    static std::optional<QString> quoted(const QString &text, QChar quote);
};

} // namespace cutover
