#include "dialect/ConnectionSpec.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace cutover {

namespace {

const QString kHint = QStringLiteral(
    "write sqlite:PATH, postgresql://user@host:port/db, mysql://user@host:port/db or csv:DIR");

QMap<QString, QString> parseOptions(const QString &query)
{
    QMap<QString, QString> options;
    const QUrlQuery parsed(query);
    for (const auto &[key, value] : parsed.queryItems(QUrl::FullyDecoded))
        options.insert(key, value);
    return options;
}

} // namespace

Result<ConnectionSpec> ConnectionSpec::parse(const QString &url, const QString &baseDir)
{
    const QString text = url.trimmed();
    if (text.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("empty connection URL"), {}, kHint);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString scheme = colon > 0 ? text.left(colon).toLower() : QString();
    const QString rest = colon > 0 ? text.mid(colon + 1) : QString();
    if (scheme == QLatin1String("sqlite"))
        return parseFileUrl(text, Kind::Sqlite, rest, baseDir);
    if (scheme == QLatin1String("csv"))
        return parseFileUrl(text, Kind::Csv, rest, baseDir);
    if (scheme == QLatin1String("postgresql") || scheme == QLatin1String("postgres"))
        return parseServerUrl(text, Kind::PostgreSql);
    if (scheme == QLatin1String("mysql") || scheme == QLatin1String("mariadb"))
        return parseServerUrl(text, Kind::MySql);
    return Error(
        Error::Code::Usage,
        QStringLiteral("unknown connection kind '%1'").arg(scheme.isEmpty() ? text : scheme), text,
        kHint);
}

Result<ConnectionSpec> ConnectionSpec::parseFileUrl(const QString &url, Kind kind,
                                                    const QString &rest, const QString &baseDir)
{
    QString pathPart = rest;
    QString query;
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    if (question >= 0) {
        pathPart = rest.left(question);
        query = rest.mid(question + 1);
    }
    if (pathPart.startsWith(QLatin1String("//")))
        pathPart = pathPart.mid(2); // sqlite:///abs/path or sqlite://rel
    if (pathPart.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("the connection names no path"), url,
                     kHint);

    ConnectionSpec spec;
    spec.m_kind = kind;
    spec.m_url = url;
    spec.m_options = parseOptions(query);
    const QDir base(baseDir.isEmpty() ? QDir::currentPath() : baseDir);
    spec.m_path = QDir::cleanPath(base.absoluteFilePath(pathPart));
    return spec;
}

Result<ConnectionSpec> ConnectionSpec::parseServerUrl(const QString &url, Kind kind)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid())
        return Error(Error::Code::Usage,
                     QStringLiteral("malformed URL: %1").arg(parsed.errorString()), url, kHint);
    if (!parsed.password().isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("the URL contains a password"),
                     parsed.toString(QUrl::RemovePassword),
                     QStringLiteral("remove it; set CUTOVER_PASSWORD or store it in the keychain"));
    ConnectionSpec spec;
    spec.m_kind = kind;
    spec.m_url = url;
    spec.m_host = parsed.host().isEmpty() ? QStringLiteral("localhost") : parsed.host();
    spec.m_port = parsed.port(kind == Kind::PostgreSql ? 5432 : 3306);
    spec.m_user = parsed.userName();
    spec.m_database = parsed.path().mid(1);
    spec.m_options = parseOptions(parsed.query());
    if (spec.m_database.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("the URL names no database"), url,
                     QStringLiteral("add /DATABASE after host:port"));
    return spec;
}

QString ConnectionSpec::kindName() const
{
    switch (m_kind) {
    case Kind::Sqlite:
        return QStringLiteral("sqlite");
    case Kind::PostgreSql:
        return QStringLiteral("postgresql");
    case Kind::MySql:
        return QStringLiteral("mysql");
    case Kind::Csv:
        return QStringLiteral("csv");
    }
    return {};
}

QString ConnectionSpec::urlRelativeTo(const QString &dir) const
{
    if (isServer())
        return m_url;
    QString given = m_url.section(QLatin1Char(':'), 1).section(QLatin1Char('?'), 0, 0);
    if (given.startsWith(QLatin1String("//")))
        given = given.mid(2);
    if (QDir::isAbsolutePath(given))
        return m_url;
    const qsizetype question = m_url.indexOf(QLatin1Char('?'));
    const QString query = question >= 0 ? m_url.mid(question) : QString();
    return kindName() + QLatin1Char(':') + QDir(dir).relativeFilePath(m_path) + query;
}

QString ConnectionSpec::productName(Kind kind)
{
    switch (kind) {
    case Kind::Sqlite:
        return QStringLiteral("SQLite");
    case Kind::PostgreSql:
        return QStringLiteral("PostgreSQL");
    case Kind::MySql:
        return QStringLiteral("MySQL");
    case Kind::Csv:
        return QStringLiteral("CSV");
    }
    return {};
}

QString ConnectionSpec::displayName() const
{
    if (!isServer())
        return kindName() + QLatin1Char(':') + m_path;
    QString who = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("%1://%2%3:%4/%5")
        .arg(kindName(), who, m_host)
        .arg(m_port)
        .arg(m_database);
}

} // namespace cutover
