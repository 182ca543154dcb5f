#include "FunctionCall.h"

#include "TransformEnvironment.h"

#include <QLocale>
#include <sqlite3.h>

namespace cutover {

int FunctionCall::defineRange(sqlite3 *db, const char *name, int minArgs, int maxArgs, bool pure,
                              Implementation implementation, TransformEnvironment *env)
{
    int rc = 0;
    for (int n = minArgs; n <= maxArgs && rc == 0; ++n)
        rc = define(db, name, n, pure, implementation, env);
    return rc;
}

int FunctionCall::define(sqlite3 *db, const char *name, int nArg, bool pure,
                         Implementation implementation, TransformEnvironment *env)
{
    const int flags = SQLITE_UTF8 | (pure ? SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS : 0);
    return sqlite3_create_function_v2(db, name, nArg, flags, env, implementation, nullptr, nullptr,
                                      nullptr);
}

int FunctionCall::type(int i) const
{
    return sqlite3_value_type(m_argv[i]);
}

bool FunctionCall::isNull(int i) const
{
    return type(i) == SQLITE_NULL;
}

bool FunctionCall::anyNull() const
{
    for (int i = 0; i < m_argc; ++i)
        if (isNull(i))
            return true;
    return false;
}

QString FunctionCall::text(int i) const
{
    return QString::fromUtf8(utf8(i));
}

QByteArray FunctionCall::utf8(int i) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_value_text(m_argv[i]));
    const int size = sqlite3_value_bytes(m_argv[i]);
    return data ? QByteArray(data, size) : QByteArray();
}

qint64 FunctionCall::integer(int i) const
{
    return sqlite3_value_int64(m_argv[i]);
}

double FunctionCall::real(int i) const
{
    return sqlite3_value_double(m_argv[i]);
}

QString FunctionCall::display(int i) const
{
    switch (type(i)) {
    case SQLITE_NULL:
        return QStringLiteral("NULL");
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_value_blob(m_argv[i]));
        const QByteArray bytes(data, sqlite3_value_bytes(m_argv[i]));
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(bytes.toHex()));
    }
    case SQLITE_FLOAT:
        return QString::number(real(i), 'g', QLocale::FloatingPointShortest);
    default:
        return text(i);
    }
}

TransformEnvironment &FunctionCall::env() const
{
    return *static_cast<TransformEnvironment *>(sqlite3_user_data(m_context));
}

void FunctionCall::setNull() const
{
    sqlite3_result_null(m_context);
}

void FunctionCall::setText(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    sqlite3_result_text64(m_context, bytes.constData(), sqlite3_uint64(bytes.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
}

void FunctionCall::setInteger(qint64 value) const
{
    sqlite3_result_int64(m_context, value);
}

void FunctionCall::refuse(const QString &function, const QString &value,
                          const QString &reason) const
{
    env().sink.report(function, value, reason);
    sqlite3_result_null(m_context);
}

void *FunctionCall::auxData(int i) const
{
    return sqlite3_get_auxdata(m_context, i);
}

void FunctionCall::setAuxData(int i, void *data, void (*destroy)(void *)) const
{
    sqlite3_set_auxdata(m_context, i, data, destroy);
}

} // namespace cutover
