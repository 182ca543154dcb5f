#pragma once

#include "core/TextExcerpt.h"

#include <QString>

namespace cutover {

// An error a user can act on: what went wrong, where, and what to do about it.
class Error
{
public:
    enum class Code
    {
        Usage,      // bad arguments or options
        Connection, // cannot connect, authenticate or open
        Io,         // cannot read or write a file
        Parse,      // malformed input (project file, CSV, URL)
        Schema,     // something missing or wrong in a schema
        Validation, // a check failed
        Busy,       // another process holds what this needs (a target's run lock)
        Cancelled,
        Internal,
    };

    Error() = default;
    // Each part may quote a value, of any size: at most its start is kept (TextExcerpt).
    Error(Code code, const QString &message, const QString &where = {}, const QString &hint = {})
        : m_code(code)
        , m_message(TextExcerpt::of(message))
        , m_where(TextExcerpt::of(where))
        , m_hint(TextExcerpt::of(hint))
    {}

    Code code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &where() const { return m_where; }
    const QString &hint() const { return m_hint; }

    // "where: message (hint)" on one line, for logs and the command line.
    QString toString() const
    {
        QString text = m_where.isEmpty() ? m_message : m_where + QStringLiteral(": ") + m_message;
        if (!m_hint.isEmpty())
            text += QStringLiteral(" (") + m_hint + QLatin1Char(')');
        return text;
    }

private:
    Code m_code = Code::Internal;
    QString m_message;
    QString m_where;
    QString m_hint;
};

} // namespace cutover
