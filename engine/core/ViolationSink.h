#pragma once

#include "core/Violation.h"

#include <QList>

namespace cutover {

// Collects the violations transform functions report while SQLite evaluates a row. Functions
// report into the pending list; the transform program then claims them for the target column
// whose expression was just evaluated. One sink per evaluating thread: not thread-safe.
class ViolationSink
{
public:
    // For transform functions: value could not be transformed, and why.
    void report(const QString &function, const QString &value, const QString &reason,
                Violation::ValueForm form = Violation::ValueForm::Text)
    {
        m_pending.append(
            {Violation::Kind::Function, QString(), function, value, reason, true, form});
    }
    bool hasPending() const { return !m_pending.isEmpty(); }
    // Moves the pending violations to out, labelled with column.
    void claim(const QString &column, QList<Violation> &out)
    {
        for (Violation &v : m_pending) {
            v.column = column;
            out.append(std::move(v));
        }
        m_pending.clear();
    }
    void clear() { m_pending.clear(); }

private:
    QList<Violation> m_pending;
};

} // namespace cutover
