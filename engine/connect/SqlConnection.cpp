#include "connect/SqlConnection.h"

#include "connect/PasswordProvider.h"
#include "dialect/SqlDialect.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <sqlite3.h>

namespace cutover {

namespace {
QAtomicInteger<quint64> s_connectionCounter;
}

SqlConnection::SqlConnection(ConnectionSpec spec, QString name)
    : m_spec(std::move(spec))
    , m_name(std::move(name))
{}

SqlConnection::~SqlConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase SqlConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QString SqlConnection::quote(const QString &identifier) const
{
    return SqlDialect::quoteIdentifier(identifier, m_spec.kind());
}

QString SqlConnection::driverName(ConnectionSpec::Kind kind)
{
    switch (kind) {
    case ConnectionSpec::Kind::Sqlite:
        return QStringLiteral("QSQLITE");
    case ConnectionSpec::Kind::PostgreSql:
        return QStringLiteral("QPSQL");
    case ConnectionSpec::Kind::MySql:
        return QStringLiteral("QMYSQL");
    case ConnectionSpec::Kind::Csv:
        break;
    }
    return {};
}

QString SqlConnection::connectOptions(const ConnectionSpec &spec, Mode mode)
{
    QStringList options;
    switch (spec.kind()) {
    case ConnectionSpec::Kind::Sqlite:
        options << QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
        if (mode == Mode::ReadOnly)
            options << QStringLiteral("QSQLITE_OPEN_READONLY");
        break;
    case ConnectionSpec::Kind::PostgreSql:
        options << QStringLiteral("connect_timeout=10");
        if (spec.options().contains(QStringLiteral("sslmode")))
            options << QStringLiteral("sslmode=") + spec.option(QStringLiteral("sslmode"));
        break;
    case ConnectionSpec::Kind::MySql:
        options << QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10");
        if (spec.options().contains(QStringLiteral("socket")))
            options << QStringLiteral("UNIX_SOCKET=") + spec.option(QStringLiteral("socket"));
        break;
    case ConnectionSpec::Kind::Csv:
        break;
    }
    return options.join(QLatin1Char(';'));
}

Result<std::unique_ptr<SqlConnection>>
SqlConnection::open(const ConnectionSpec &spec, const PasswordProvider *passwords, Mode mode)
{
    const QString driver = driverName(spec.kind());
    if (driver.isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("a %1 connection is not a database").arg(spec.kindName()),
                     spec.displayName());
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Error(Error::Code::Connection,
                     QStringLiteral("Qt SQL driver %1 is not installed").arg(driver),
                     spec.displayName(), QStringLiteral("install the libqt6sql6 driver package"));
    if (spec.kind() == ConnectionSpec::Kind::Sqlite && mode != Mode::Create &&
        !QFileInfo::exists(spec.path()))
        return Error(Error::Code::Connection, QStringLiteral("no such SQLite file"), spec.path());

    const QString name = QStringLiteral("cutover-%1").arg(++s_connectionCounter);
    std::unique_ptr<SqlConnection> connection(new SqlConnection(spec, name));
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
    if (spec.kind() == ConnectionSpec::Kind::Sqlite) {
        db.setDatabaseName(spec.path());
    } else {
        db.setHostName(spec.host());
        db.setPort(spec.port());
        db.setUserName(spec.user());
        db.setDatabaseName(spec.database());
    }
    db.setConnectOptions(connectOptions(spec, mode));
    // The password is asked for only when the server wants one: the keychain may take a while,
    // and trust, peer or socket authentication need none.
    bool opened = db.open();
    if (!opened && passwords && spec.isServer() && wantsPassword(spec.kind(), db.lastError()))
        if (auto password = passwords->password(spec)) {
            db.setPassword(*password);
            opened = db.open();
        }
    if (!opened)
        // The driver's message never contains the password; the display name has none either.
        return Error(Error::Code::Connection,
                     QStringLiteral("cannot connect: %1").arg(db.lastError().text().trimmed()),
                     spec.displayName(),
                     spec.isServer()
                         ? QStringLiteral("check host, port, user and that the password "
                                          "is in CUTOVER_PASSWORD or the keychain")
                         : QString());
    if (spec.kind() == ConnectionSpec::Kind::MySql) {
        // TIMESTAMP values are instants: read them in UTC, whatever the server's zone
        // (MySqlTemporalValue marks them so).
        QSqlQuery utc(db);
        if (!utc.exec(QStringLiteral("SET time_zone = '+00:00'")))
            return Error(Error::Code::Connection,
                         QStringLiteral("cannot set the session time zone to UTC: %1")
                             .arg(utc.lastError().text().trimmed()),
                         spec.displayName());
    }
    if (sqlite3 *handle = connection->sqliteHandle())
        // SQLite takes a double-quoted name that matches no column for a string literal, so a
        // filter such as "staus" = 'A' would quietly compare a constant. Names stay names. Only
        // for statements: a legacy schema with such literals in its DDL still opens.
        sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    return connection;
}

bool SqlConnection::wantsPassword(ConnectionSpec::Kind kind, const QSqlError &error)
{
    const QString text = error.text();
    if (kind == ConnectionSpec::Kind::PostgreSql)
        return text.contains(QLatin1String("no password supplied")) ||
               text.contains(QLatin1String("password authentication failed"));
    return kind == ConnectionSpec::Kind::MySql &&
           text.contains(QLatin1String("using password: NO"));
}

sqlite3 *SqlConnection::sqliteHandle() const
{
    const QVariant handle = database().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace cutover
