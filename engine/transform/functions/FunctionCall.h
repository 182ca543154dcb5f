#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_context;
struct sqlite3_value;

namespace cutover {

struct TransformEnvironment;

// One call of a registered SQLite function, seen from Qt: typed access to the arguments, the
// TransformEnvironment the function was registered with, and the ways to answer. A function
// that refuses a value calls refuse(): the value is reported to the environment's violation
// sink and the result is NULL, so one bad row never fails the statement.
//
// Speed: most values are ASCII, for which the UTF-8 SQLite holds and the QString a function works
// on are the same characters. Functions on the hot path of a run look at utf8View() first and
// work on the bytes when they are ASCII (isAscii()), which gives exactly what the QString way
// gives, without converting there and back; anything else takes the QString way.
class FunctionCall
{
public:
    using Implementation = void (*)(sqlite3_context *, int, sqlite3_value **);

    FunctionCall(sqlite3_context *context, int argc, sqlite3_value **argv)
        : m_context(context)
        , m_argc(argc)
        , m_argv(argv)
    {}

    // Registers implementation under name with nArg arguments (-1: any number) in UTF-8.
    // pure: cannot fail and depends only on its arguments (SQLITE_DETERMINISTIC, SQLITE_INNOCUOUS).
    static int define(sqlite3 *db, const char *name, int nArg, bool pure,
                      Implementation implementation, TransformEnvironment *env);
    // Registers each arity from minArgs to maxArgs, so SQLite refuses a call with too few or too
    // many arguments when the expression is compiled, not row by row.
    static int defineRange(sqlite3 *db, const char *name, int minArgs, int maxArgs, bool pure,
                           Implementation implementation, TransformEnvironment *env);
    // The most arguments a variadic function (uuid5, parse_datetime) accepts.
    static constexpr int kMaxVariadicArgs = 32;

    int count() const { return m_argc; }
    sqlite3_value *value(int i) const { return m_argv[i]; }
    sqlite3_context *context() const { return m_context; }
    int type(int i) const; // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
    bool isNull(int i) const;
    bool anyNull() const;
    // SQLite's text form of the value. Bytes that are not valid UTF-8 (SQLite never checks) are
    // reported as a violation of the row, with the bytes in hex: never a silent U+FFFD.
    QString text(int i) const;
    QByteArray utf8(int i) const;
    // The same bytes as utf8(i), without a copy: valid until the function returns or asks for
    // the value in another form.
    QByteArrayView utf8View(int i) const;
    qint64 integer(int i) const;
    double real(int i) const;
    // The value as a person reads it in a violation: text, number, x'..' for a blob or for text
    // that is not valid UTF-8, NULL.
    QString display(int i) const;

    TransformEnvironment &env() const;
    // The most bytes a value may have on this connection (SQLITE_LIMIT_LENGTH).
    qint64 maxBytes() const;
    // Why a value that would pass maxBytes() is refused.
    static QString tooLongReason();

    void setNull() const;
    void setText(const QString &text) const;
    // Text given as UTF-8 (copied). terminated: a NUL byte follows the view, which lets SQLite
    // keep the copy as it is where it would otherwise copy it again to add one.
    void setUtf8(QByteArrayView utf8, bool terminated = false) const;
    void setInteger(qint64 value) const;
    // Reports a violation for this row and returns NULL: refuse() for a text value,
    // refuseArgument() for argument i, refuseCall() for a call that is wrong as a whole.
    void refuse(const QString &function, const QString &value, const QString &reason) const;
    void refuseArgument(const QString &function, int i, const QString &reason) const;
    void refuseCall(const QString &function, const QString &reason) const;

    // Per-statement cache for a constant argument i (a compiled pattern, a time zone): SQLite
    // keeps it while the argument stays the same and drops it otherwise.
    static bool isAscii(QByteArrayView bytes)
    {
        for (const char c : bytes)
            if (uchar(c) >= 0x80)
                return false;
        return true;
    }

    template <typename T>
    const T *cached(int i) const
    {
        return static_cast<const T *>(auxData(i));
    }
    template <typename T>
    void cache(int i, const T &value) const
    {
        setAuxData(i, new T(value), [](void *p) { delete static_cast<T *>(p); });
    }

private:
    // Argument i as the engine holds values; text that is not UTF-8 as its bytes.
    QVariant variant(int i) const;
    void *auxData(int i) const;
    // Call last: SQLite may destroy data at once.
    void setAuxData(int i, void *data, void (*destroy)(void *)) const;

    sqlite3_context *m_context;
    int m_argc;
    sqlite3_value **m_argv;
};

} // namespace cutover
