#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>

namespace cutover {

// PostgreSQL's text forms of values: for COPY ... FROM STDIN in text format (NULL as \N;
// backslash, tab, newline and carriage return escaped; bytea as \\x and hex) and for the text
// parameters of a statement. Doubles in their shortest round-trip digits (-0 keeps its sign,
// NaN and Infinity as PostgreSQL spells them), timestamps in ISO 8601 with milliseconds.
class PostgresCopyText
{
public:
    // One value of a COPY row, escaped, appended to out.
    static void appendValue(QByteArray &out, const QVariant &value);
    // The text PostgreSQL reads for a value that is neither NULL nor a byte array.
    static QByteArray valueText(const QVariant &value);
    static QByteArray doubleText(double value);
    // COPY's escapes, appended in runs between them rather than byte by byte.
    static void appendEscaped(QByteArray &out, QByteArrayView text);
};

} // namespace cutover
