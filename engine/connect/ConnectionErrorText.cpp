#include "connect/ConnectionErrorText.h"

#include "dialect/ConnectionSpec.h"

#include <QRegularExpression>

namespace cutover {

namespace {

bool has(const QString &text, const char *part)
{
    return text.contains(QLatin1String(part), Qt::CaseInsensitive);
}

// The quoted name after `prefix` in a driver message ('x' or "x"), or fallback.
QString quotedAfter(const QString &text, const QString &prefix, const QString &fallback)
{
    const QRegularExpression pattern(QRegularExpression::escape(prefix) +
                                     QStringLiteral("\\s*[\"']([^\"']*)[\"']"));
    const QRegularExpressionMatch match = pattern.match(text);
    return match.hasMatch() ? match.captured(1) : fallback;
}

Error connectionError(const QString &message, const QString &hint)
{
    return Error(Error::Code::Connection, message, {}, hint);
}

} // namespace

Error ConnectionErrorText::explain(const ConnectionSpec &spec, const Error &error)
{
    if (!spec.isServer())
        return explainFile(spec, error);
    if (error.code() != Error::Code::Connection)
        return error; // connected, then a query failed: the driver's words are the best ones
    return explainServer(spec, error.message());
}

Error ConnectionErrorText::explainServer(const ConnectionSpec &spec, const QString &text)
{
    const QString product = ConnectionSpec::productName(spec.kind());
    const QString address = QStringLiteral("%1:%2").arg(spec.host()).arg(spec.port());
    const QString user = spec.user().isEmpty() ? QStringLiteral("(none)") : spec.user();
    if (has(text, "Connection refused") || has(text, "Can't connect to"))
        return connectionError(
            QStringLiteral("Could not connect to a server on %1.").arg(address),
            QStringLiteral("Is %1 running there and accepting TCP/IP connections? Check the "
                           "host and the port.")
                .arg(product));
    if (has(text, "translate host name") || has(text, "Unknown MySQL server host") ||
        has(text, "Unknown server host") || has(text, "Name or service not known"))
        return connectionError(QStringLiteral("There is no host named '%1'.").arg(spec.host()),
                               QStringLiteral("Check the host name."));
    if (has(text, "timeout expired") || has(text, "timed out") || has(text, "(110)"))
        return connectionError(
            QStringLiteral("The server on %1 did not answer in time.").arg(address),
            QStringLiteral("Check the host, the port and any firewall between."));
    if (has(text, "password authentication failed") || has(text, "using password: YES"))
        return connectionError(
            QStringLiteral("%1 refused the password for user %2.").arg(product, user),
            QStringLiteral("Type the password again; check the user name."));
    if (has(text, "no password supplied") || has(text, "using password: NO"))
        return connectionError(
            QStringLiteral("%1 wants a password for user %2.").arg(product, user),
            QStringLiteral("Type it in the Password field."));
    if (has(text, "Access denied") && has(text, "to database"))
        return connectionError(
            QStringLiteral("User %1 may not use database '%2' on %3, or there is no such "
                           "database.")
                .arg(user, quotedAfter(text, QStringLiteral("to database"), spec.database()),
                     address),
            QStringLiteral("Check the database name and the user's privileges."));
    if (has(text, "Access denied"))
        return connectionError(QStringLiteral("%1 denied access to user %2.").arg(product, user),
                               QStringLiteral("Check the user's privileges on the database."));
    if (has(text, "does not exist") && has(text, "role"))
        return connectionError(
            QStringLiteral("There is no user %1 on the server on %2.").arg(user, address),
            QStringLiteral("Check the user name."));
    if ((has(text, "database") && has(text, "does not exist")) || has(text, "Unknown database"))
        return connectionError(
            QStringLiteral("There is no database '%1' on %2.")
                .arg(quotedAfter(text, QStringLiteral("database"), spec.database()), address),
            QStringLiteral("Check the database name."));
    if (has(text, "pg_hba.conf"))
        return connectionError(
            QStringLiteral("The server on %1 does not accept this user from this computer.")
                .arg(address),
            QStringLiteral("Ask its administrator to allow the connection (pg_hba.conf), or "
                           "try another SSL mode."));
    if (has(text, "SSL"))
        return connectionError(
            QStringLiteral("The SSL set-up did not work: %1").arg(text.simplified()),
            QStringLiteral("Try another SSL mode."));
    if (has(text, "driver") && has(text, "not installed"))
        return connectionError(text, QStringLiteral("Install the Qt SQL driver package."));
    return connectionError(text.simplified(), QStringLiteral("Check the host, port, user and "
                                                             "password."));
}

Error ConnectionErrorText::explainFile(const ConnectionSpec &spec, const Error &error)
{
    const QString text = error.message();
    if (spec.kind() == ConnectionSpec::Kind::Sqlite) {
        if (has(text, "no such SQLite file"))
            return connectionError(
                QStringLiteral("There is no file at %1.").arg(spec.path()),
                QStringLiteral("Check the path, or tick \"Create a new empty file\" for a "
                               "target."));
        if (has(text, "not a database") || has(text, "encrypted"))
            return connectionError(QStringLiteral("%1 is not a SQLite database.").arg(spec.path()),
                                   QStringLiteral("Choose the database file itself."));
    }
    if (spec.kind() == ConnectionSpec::Kind::Csv && has(text, "does not exist"))
        return connectionError(QStringLiteral("There is no folder at %1.").arg(spec.path()),
                               QStringLiteral("Check the path of the CSV folder."));
    return Error(error.code(), text, {}, error.hint());
}

} // namespace cutover
