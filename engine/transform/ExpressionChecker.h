#pragma once

#include <QString>
#include <QStringList>
#include <memory>

namespace cutover {

class TransformProgram;

// Compiles a transform expression against a set of source columns without running it, exactly as
// the run would (TransformProgram: same functions, same sandbox), and reports a syntax error with
// its offset in the expression and which source columns the expression reads.
class ExpressionChecker
{
public:
    struct Outcome
    {
        bool ok = false;
        QString message;         // what is wrong, when not ok
        int offset = -1;         // character offset of the error in the expression, when known
        QStringList columnsRead; // source columns the expression reads, in first-read order
    };

    explicit ExpressionChecker(const QStringList &sourceColumns);
    ~ExpressionChecker();
    ExpressionChecker(const ExpressionChecker &) = delete;
    ExpressionChecker &operator=(const ExpressionChecker &) = delete;

    Outcome check(const QString &expression) const;

private:
    QStringList m_columns;
    // One compile context for every check (made on the first): opening one per expression cost
    // a table of every source column each time, quadratic in the table's width.
    mutable std::unique_ptr<TransformProgram> m_program;
    mutable QString m_openError;
};

} // namespace cutover
