#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <memory>

struct sqlite3;

namespace cutover {

class PasswordProvider;

// A QSqlDatabase connection owned by the thread that opened it (Qt's rule), with a unique name,
// removed again on destruction. Opens SQLite files, PostgreSQL and MySQL/MariaDB servers; a
// server's password is asked of the PasswordProvider only when the server asks for one.
class SqlConnection
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        Create
    };

    static Result<std::unique_ptr<SqlConnection>> open(const ConnectionSpec &spec,
                                                       const PasswordProvider *passwords = nullptr,
                                                       Mode mode = Mode::ReadOnly);
    ~SqlConnection();
    SqlConnection(const SqlConnection &) = delete;
    SqlConnection &operator=(const SqlConnection &) = delete;

    QSqlDatabase database() const;
    const ConnectionSpec &spec() const { return m_spec; }
    QString quote(const QString &identifier) const;
    // The SQLite driver's own handle, for the sqlite3 C API on this connection; null for other
    // databases.
    sqlite3 *sqliteHandle() const;

private:
    SqlConnection(ConnectionSpec spec, QString name);
    static QString driverName(ConnectionSpec::Kind kind);
    static QString connectOptions(const ConnectionSpec &spec, Mode mode);
    // Whether a failed connection failed for want of a (right) password.
    static bool wantsPassword(ConnectionSpec::Kind kind, const QSqlError &error);

    ConnectionSpec m_spec;
    QString m_name;
};

} // namespace cutover
