#include "ExpressionChecker.h"

#include "FunctionCatalog.h"
#include "SqlDialect.h"

#include <sqlite3.h>

namespace cutover {

namespace {

const char kRowTable[] = "source_row";

// Stands in for a catalog function while only preparing; never called.
void notEvaluated(sqlite3_context *context, int, sqlite3_value **)
{
    sqlite3_result_error(context, "expression checker does not evaluate", -1);
}

// sqlite3_error_offset counts bytes of UTF-8; the editor wants characters.
int characterOffset(const QByteArray &utf8, int byteOffset)
{
    return int(QString::fromUtf8(utf8.left(byteOffset)).size());
}

} // namespace

ExpressionChecker::ExpressionChecker(const QStringList &sourceColumns)
{
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) !=
        SQLITE_OK) {
        m_setupError = QStringLiteral("cannot open an in-memory SQLite database");
        return;
    }
    QStringList definitions;
    for (const QString &column : sourceColumns)
        definitions.append(SqlDialect::quoteIdentifier(column, ConnectionSpec::Kind::Sqlite));
    if (definitions.isEmpty())
        definitions.append(QStringLiteral("\"__no_columns__\""));
    const QByteArray ddl =
        QStringLiteral("CREATE TABLE %1 (%2)")
            .arg(QLatin1String(kRowTable), definitions.join(QStringLiteral(", ")))
            .toUtf8();
    char *error = nullptr;
    if (sqlite3_exec(m_db, ddl.constData(), nullptr, nullptr, &error) != SQLITE_OK) {
        m_setupError = QString::fromUtf8(error);
        sqlite3_free(error);
    }
    registerCatalog();
    sqlite3_set_authorizer(m_db, &ExpressionChecker::authorize, this);
}

ExpressionChecker::~ExpressionChecker()
{
    sqlite3_close(m_db);
}

void ExpressionChecker::registerCatalog()
{
    for (const FunctionCatalog::Function &f : FunctionCatalog::functions()) {
        const QByteArray name = f.name.toUtf8();
        if (f.maxArgs < 0) {
            sqlite3_create_function_v2(m_db, name.constData(), -1, SQLITE_UTF8, nullptr,
                                       &notEvaluated, nullptr, nullptr, nullptr);
            continue;
        }
        for (int n = f.minArgs; n <= f.maxArgs; ++n)
            sqlite3_create_function_v2(m_db, name.constData(), n, SQLITE_UTF8, nullptr,
                                       &notEvaluated, nullptr, nullptr, nullptr);
    }
}

int ExpressionChecker::authorize(void *self, int action, const char *a, const char *b, const char *,
                                 const char *)
{
    auto *checker = static_cast<ExpressionChecker *>(self);
    switch (action) {
    case SQLITE_SELECT:
        return SQLITE_OK;
    case SQLITE_FUNCTION:
        // b is the function's name. These reach outside the database.
        for (const char *banned :
             {"load_extension", "readfile", "writefile", "edit", "fts3_tokenizer"})
            if (b && qstricmp(b, banned) == 0) {
                checker->m_refusal = QStringLiteral("function %1() is not allowed in an expression")
                                         .arg(QString::fromUtf8(b));
                return SQLITE_DENY;
            }
        return SQLITE_OK;
    case SQLITE_READ:
        if (qstrcmp(a, kRowTable) != 0) {
            checker->m_refusal = QStringLiteral("reads table '%1', but an expression may only read "
                                                "the source row")
                                     .arg(QString::fromUtf8(a));
            return SQLITE_DENY;
        }
        if (b && *b) {
            const QString column = QString::fromUtf8(b);
            if (!checker->m_columnsRead.contains(column))
                checker->m_columnsRead.append(column);
        }
        return SQLITE_OK;
    default:
        checker->m_refusal =
            QStringLiteral("only reading the source row is allowed in an expression");
        return SQLITE_DENY;
    }
}

ExpressionChecker::Outcome ExpressionChecker::check(const QString &expression)
{
    Outcome outcome;
    if (!m_setupError.isEmpty()) {
        outcome.message = m_setupError;
        return outcome;
    }
    if (expression.trimmed().isEmpty()) {
        outcome.message = QStringLiteral("the expression is empty");
        outcome.offset = 0;
        return outcome;
    }
    const QByteArray prefix = "SELECT (";
    const QByteArray body = expression.toUtf8();
    const QByteArray sql = prefix + body + "\n) FROM " + kRowTable;
    m_columnsRead.clear();
    m_refusal.clear();
    sqlite3_stmt *statement = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), 0, &statement, &tail);
    if (rc == SQLITE_OK && tail && !QByteArray(tail).trimmed().isEmpty()) {
        sqlite3_finalize(statement);
        outcome.message = QStringLiteral("an expression must be a single SQL expression");
        outcome.offset = characterOffset(body, int(tail - sql.constData()) - int(prefix.size()));
        return outcome;
    }
    if (rc == SQLITE_OK) {
        outcome.ok = true;
        outcome.columnsRead = m_columnsRead;
        sqlite3_finalize(statement);
        return outcome;
    }
    outcome.message = m_refusal.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_refusal;
    const int byteOffset = sqlite3_error_offset(m_db) - int(prefix.size());
    if (byteOffset >= 0 && byteOffset <= body.size())
        outcome.offset = characterOffset(body, byteOffset);
    return outcome;
}

} // namespace cutover
