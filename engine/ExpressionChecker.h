#pragma once

#include <QString>
#include <QStringList>
#include <memory>

struct sqlite3;

namespace cutover {

// Compiles transform expressions against a set of source columns without running them: SQLite
// prepares "SELECT <expression> FROM the source row" in a private in-memory database, reports a
// syntax error with its offset in the expression, and, through the authorizer, which source
// columns the expression reads. Functions of the FunctionCatalog are known by name and arity.
// The authorizer refuses everything but reading the source row, so nothing can be attached,
// written or loaded.
class ExpressionChecker
{
public:
    struct Outcome
    {
        bool ok = false;
        QString message;         // SQLite's message, when not ok
        int offset = -1;         // character offset of the error in the expression, when known
        QStringList columnsRead; // source columns the expression reads, in first-read order
    };

    explicit ExpressionChecker(const QStringList &sourceColumns);
    ~ExpressionChecker();
    ExpressionChecker(const ExpressionChecker &) = delete;
    ExpressionChecker &operator=(const ExpressionChecker &) = delete;

    Outcome check(const QString &expression);

private:
    static int authorize(void *self, int action, const char *a, const char *b, const char *c,
                         const char *d);
    void registerCatalog();

    sqlite3 *m_db = nullptr;
    QString m_setupError;
    QStringList m_columnsRead;
    QString m_refusal;
};

} // namespace cutover
