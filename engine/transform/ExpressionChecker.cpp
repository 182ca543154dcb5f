#include "transform/ExpressionChecker.h"

#include "transform/TransformProgram.h"

namespace cutover {

ExpressionChecker::ExpressionChecker(const QStringList &sourceColumns)
    : m_columns(sourceColumns)
{}

ExpressionChecker::~ExpressionChecker() = default;

ExpressionChecker::Outcome ExpressionChecker::check(const QString &expression) const
{
    Outcome outcome;
    if (!m_program) {
        m_program = TransformProgram::checker(m_columns, {}, &m_openError);
        if (!m_program) {
            outcome.message = m_openError;
            return outcome;
        }
    }
    const TransformProgram::CompileError error = m_program->check(expression, &outcome.columnsRead);
    outcome.ok = error.message.isEmpty();
    outcome.message = error.message;
    outcome.offset = error.offset;
    if (!outcome.ok)
        outcome.columnsRead.clear();
    return outcome;
}

} // namespace cutover
