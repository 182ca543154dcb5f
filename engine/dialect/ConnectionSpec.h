#pragma once

#include "core/Result.h"

#include <QMap>
#include <QString>

namespace cutover {

// Where data lives, as written in a project or on the command line:
//   sqlite:PATH   postgresql://user@host:port/db   mysql://user@host:port/db   csv:DIR[?options]
// Never holds a password: those come from a PasswordProvider when the connection is opened.
class ConnectionSpec
{
public:
    enum class Kind
    {
        Sqlite,
        PostgreSql,
        MySql,
        Csv
    };

    // Parses a connection URL. Relative paths are resolved against baseDir (the project's folder).
    static Result<ConnectionSpec> parse(const QString &url, const QString &baseDir = {});

    Kind kind() const { return m_kind; }
    QString kindName() const;
    // "SQLite", "PostgreSQL", "MySQL", "CSV": for messages.
    static QString productName(Kind kind);
    // The URL as written (relative paths kept relative), for saving in a project.
    const QString &url() const { return m_url; }
    // The URL as a project file in dir writes it: a relative file path made relative to dir,
    // an absolute one and a server's URL as they are.
    QString urlRelativeTo(const QString &dir) const;
    // Absolute path of a SQLite file or CSV folder.
    const QString &path() const { return m_path; }
    const QString &host() const { return m_host; }
    int port() const { return m_port; }
    const QString &user() const { return m_user; }
    const QString &database() const { return m_database; }
    // Extra options from the query string (CSV delimiter, sslmode, ...).
    const QMap<QString, QString> &options() const { return m_options; }
    QString option(const QString &key, const QString &fallback = {}) const
    {
        return m_options.value(key, fallback);
    }
    // A short description with no secret in it, safe for logs and messages.
    QString displayName() const;

    bool isServer() const { return m_kind == Kind::PostgreSql || m_kind == Kind::MySql; }

private:
    static Result<ConnectionSpec> parseServerUrl(const QString &url, Kind kind);
    static Result<ConnectionSpec> parseFileUrl(const QString &url, Kind kind, const QString &rest,
                                               const QString &baseDir);

    Kind m_kind = Kind::Sqlite;
    QString m_url;
    QString m_path;
    QString m_host;
    int m_port = 0;
    QString m_user;
    QString m_database;
    QMap<QString, QString> m_options;
};

} // namespace cutover
