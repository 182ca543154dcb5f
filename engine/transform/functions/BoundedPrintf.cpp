#include "transform/functions/BoundedPrintf.h"

#include "transform/functions/FunctionCall.h"
#include "transform/functions/TransformEnvironment.h"

#include <QByteArray>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kPrintf = QStringLiteral("printf");

// A width or precision written in the format, or taken from the next argument for '*'.
qint64 size(QByteArrayView format, qsizetype &at, int argc, sqlite3_value **argv, int &next)
{
    if (at < format.size() && format[at] == '*') {
        ++at;
        const qint64 value = next < argc ? sqlite3_value_int64(argv[next]) : 0;
        ++next;
        return value < 0 ? -value : value;
    }
    qint64 value = 0;
    for (; at < format.size() && format[at] >= '0' && format[at] <= '9'; ++at)
        value = std::min<qint64>(value * 10 + (format[at] - '0'), qint64(1) << 40);
    return value;
}

} // namespace

BoundedPrintf::~BoundedPrintf()
{
    for (sqlite3_stmt *statement : m_statements)
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

int BoundedPrintf::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    env->printf = std::make_shared<BoundedPrintf>();
    int rc = FunctionCall::define(db, "printf", -1, false, &BoundedPrintf::call, env);
    if (rc == SQLITE_OK)
        rc = FunctionCall::define(db, "format", -1, false, &BoundedPrintf::call, env);
    return rc;
}

bool BoundedPrintf::asksTooMuch(QByteArrayView format, int argc, sqlite3_value **argv,
                                qint64 maxBytes)
{
    int next = 1; // argv[0] is the format
    for (qsizetype at = 0; at < format.size(); ++at) {
        if (format[at] != '%')
            continue;
        if (++at < format.size() && format[at] == '%')
            continue;
        while (at < format.size() && QByteArrayView("-+ #!0,").contains(format[at]))
            ++at;
        const qint64 width = size(format, at, argc, argv, next);
        qint64 precision = 0;
        if (at < format.size() && format[at] == '.')
            precision = size(format, ++at, argc, argv, next);
        while (at < format.size() && format[at] == 'l')
            ++at;
        // A precision cuts %s, %z, %q, %Q and %w; for the other conversions it adds characters.
        const bool cuts = at < format.size() && QByteArrayView("szqQw").contains(format[at]);
        if (width > maxBytes || (!cuts && precision > maxBytes))
            return true;
        ++next;
    }
    return false;
}

sqlite3_stmt *BoundedPrintf::statement(int argc)
{
    if (!m_db && sqlite3_open_v2(":memory:", &m_db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX,
                                 nullptr) != SQLITE_OK)
        return nullptr;
    if (m_statements.size() <= size_t(argc))
        m_statements.resize(size_t(argc) + 1, nullptr);
    sqlite3_stmt *&statement = m_statements[size_t(argc)];
    if (!statement) {
        QByteArray sql = "SELECT printf(?1";
        for (int i = 2; i <= argc; ++i)
            sql += ", ?" + QByteArray::number(i);
        sql += ")";
        sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr);
    }
    return statement;
}

void BoundedPrintf::call(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (argc == 0 || call.isNull(0))
        return call.setNull();
    BoundedPrintf &self = *call.env().printf;
    const qint64 maxBytes = call.maxBytes();
    if (asksTooMuch(call.utf8View(0), argc, argv, maxBytes))
        return call.refuseArgument(kPrintf, 0, FunctionCall::tooLongReason());
    sqlite3_stmt *statement = self.statement(argc);
    if (!statement)
        return sqlite3_result_error(context, sqlite3_errmsg(self.m_db), -1);
    sqlite3_limit(self.m_db, SQLITE_LIMIT_LENGTH, int(maxBytes));
    for (int i = 0; i < argc; ++i)
        sqlite3_bind_value(statement, i + 1, argv[i]);
    const int rc = sqlite3_step(statement);
    if (rc != SQLITE_ROW)
        sqlite3_result_error(context, sqlite3_errmsg(self.m_db), -1);
    else if (sqlite3_column_type(statement, 0) == SQLITE_NULL)
        call.refuseArgument(kPrintf, 0, FunctionCall::tooLongReason());
    else
        sqlite3_result_value(context, sqlite3_column_value(statement, 0));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
}

} // namespace cutover
