#include "transform/functions/FunctionCall.h"

#include "core/TextEncoding.h"
#include "core/ValueText.h"
#include "transform/functions/TransformEnvironment.h"

#include <QLocale>
#include <climits>
#include <cstring>
#include <sqlite3.h>

namespace cutover {

namespace {

struct Registration
{
    TransformEnvironment *env = nullptr;
    FunctionCall::Implementation implementation = nullptr;
};

// Every registered function: a row that is to stop (cancelled, out of time) stops here.
void dispatch(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const auto *registration = static_cast<const Registration *>(sqlite3_user_data(context));
    if (registration->env->rowClock.stopped())
        return sqlite3_result_error_code(context, SQLITE_INTERRUPT);
    registration->implementation(context, argc, argv);
}

} // namespace

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
    // SQLite deletes the registration when the function is replaced, the connection closes, or
    // the call fails.
    return sqlite3_create_function_v2(
        db, name, nArg, flags, new Registration{env, implementation}, &dispatch, nullptr, nullptr,
        [](void *registration) { delete static_cast<Registration *>(registration); });
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
    const QByteArrayView bytes = utf8View(i);
    if (isAscii(bytes))
        return QString::fromLatin1(bytes);
    if (auto text = TextEncoding::utf8(bytes))
        return *text;
    // Bytes that are not UTF-8 (a blob, or text SQLite never checked) have no text: the row is
    // refused with them in hex, and the function works on what QString makes of them, which
    // then goes nowhere.
    env().sink.report(QStringLiteral("text"), display(i), TextEncoding::utf8Problem(bytes),
                      Violation::ValueForm::Literal);
    return QString::fromUtf8(bytes);
}

QByteArrayView FunctionCall::utf8View(int i) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_value_text(m_argv[i]));
    const int size = sqlite3_value_bytes(m_argv[i]);
    return data ? QByteArrayView(data, size) : QByteArrayView();
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
    return ValueText::display(variant(i));
}

QVariant FunctionCall::variant(int i) const
{
    switch (type(i)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_INTEGER:
        return integer(i);
    case SQLITE_FLOAT:
        return real(i);
    case SQLITE_BLOB:
        return QByteArray(static_cast<const char *>(sqlite3_value_blob(m_argv[i])),
                          sqlite3_value_bytes(m_argv[i]));
    default: {
        const QByteArrayView bytes = utf8View(i);
        if (isAscii(bytes))
            return QString::fromLatin1(bytes);
        if (const auto text = TextEncoding::utf8(bytes))
            return *text;
        return bytes.toByteArray();
    }
    }
}

qint64 FunctionCall::maxBytes() const
{
    return sqlite3_limit(sqlite3_context_db_handle(m_context), SQLITE_LIMIT_LENGTH, -1);
}

QString FunctionCall::tooLongReason()
{
    return QStringLiteral("the result would be larger than an expression may make (%1 MiB, or "
                          "%2 times the largest value of its row)")
        .arg(TransformEnvironment::kMinValueBytes / (1024 * 1024))
        .arg(TransformEnvironment::kInputFactor);
}

TransformEnvironment &FunctionCall::env() const
{
    return *static_cast<const Registration *>(sqlite3_user_data(m_context))->env;
}

void FunctionCall::setNull() const
{
    sqlite3_result_null(m_context);
}

void FunctionCall::setText(const QString &text) const
{
    const qsizetype size = text.size();
    if (size == 0 || !QtPrivate::isAscii(QStringView(text))) {
        const QByteArray bytes = text.toUtf8();
        sqlite3_result_text64(m_context, bytes.constData(), sqlite3_uint64(bytes.size()),
                              SQLITE_TRANSIENT, SQLITE_UTF8);
        return;
    }
    // ASCII: UTF-8 written straight into memory SQLite takes over, no copy in between.
    auto *bytes = static_cast<char *>(sqlite3_malloc64(sqlite3_uint64(size) + 1));
    if (!bytes) {
        sqlite3_result_error_nomem(m_context);
        return;
    }
    const ushort *chars = text.utf16();
    bool nul = false;
    for (qsizetype i = 0; i < size; ++i) {
        bytes[i] = char(chars[i]);
        nul = nul || chars[i] == 0;
    }
    bytes[size] = 0;
    // Length -1: SQLite knows the text ends in a NUL and never copies it to add one.
    if (!nul && size < INT_MAX)
        sqlite3_result_text(m_context, bytes, -1, sqlite3_free);
    else
        sqlite3_result_text64(m_context, bytes, sqlite3_uint64(size), sqlite3_free, SQLITE_UTF8);
}

void FunctionCall::setUtf8(QByteArrayView utf8, bool terminated) const
{
    if (terminated && utf8.size() < INT_MAX && !memchr(utf8.data(), 0, size_t(utf8.size())))
        return sqlite3_result_text(m_context, utf8.data(), -1, SQLITE_TRANSIENT);
    sqlite3_result_text64(m_context, utf8.data() ? utf8.data() : "", sqlite3_uint64(utf8.size()),
                          SQLITE_TRANSIENT, SQLITE_UTF8);
}

void FunctionCall::setInteger(qint64 value) const
{
    sqlite3_result_int64(m_context, value);
}

void FunctionCall::refuse(const QString &function, const QString &value,
                          const QString &reason) const
{
    const auto [shown, form] = ValueText::shown(value);
    env().sink.report(function, shown, reason, form);
    sqlite3_result_null(m_context);
}

void FunctionCall::refuseArgument(const QString &function, int i, const QString &reason) const
{
    const auto [shown, form] = ValueText::shown(variant(i));
    env().sink.report(function, shown, reason, form);
    sqlite3_result_null(m_context);
}

void FunctionCall::refuseCall(const QString &function, const QString &reason) const
{
    env().sink.report(function, QString(), reason, Violation::ValueForm::None);
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
