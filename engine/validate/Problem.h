#pragma once

#include <QString>

namespace cutover {

// One finding of project validation: how bad, where (mapping, table, column, JSON path), what.
struct Problem
{
    enum class Severity
    {
        Error,
        Warning,
        Info
    };

    Severity severity = Severity::Error;
    QString code;     // stable identifier, e.g. "unknown-column", for scripts and filters
    QString location; // human-readable place, e.g. "mapping patient, column birth_date"
    QString path;     // JSON path in the project file, e.g. "mappings[0].columns[3]"
    QString message;  // what is wrong and what to do
    QString table;    // target table the problem belongs to, if any
    QString column;   // target column, if any
    int offset = -1;  // character offset in an expression, when the problem is in one

    static QString severityName(Severity severity)
    {
        switch (severity) {
        case Severity::Error:
            return QStringLiteral("error");
        case Severity::Warning:
            return QStringLiteral("warning");
        case Severity::Info:
            return QStringLiteral("info");
        }
        return {};
    }
};

} // namespace cutover
