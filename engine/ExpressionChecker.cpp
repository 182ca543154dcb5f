#include "ExpressionChecker.h"

#include "TransformProgram.h"

namespace cutover {

ExpressionChecker::Outcome ExpressionChecker::check(const QString &expression) const
{
    QList<TransformProgram::CompileError> errors;
    const auto program = TransformProgram::compile(
        m_columns, {{QStringLiteral("expression"), expression}}, {}, &errors);
    Outcome outcome;
    if (program) {
        outcome.ok = true;
        outcome.columnsRead = program->lineage(0);
    } else if (!errors.isEmpty()) {
        outcome.message = errors.first().message;
        outcome.offset = errors.first().offset;
    }
    return outcome;
}

} // namespace cutover
