#include "connect/ConnectionProbe.h"

#include "connect/CatalogQuery.h"
#include "connect/ConnectionErrorText.h"
#include "connect/SqlConnection.h"
#include "connect/csv/CsvIntrospector.h"
#include "schema/CutoverTables.h"

#include <QElapsedTimer>
#include <QLocale>

namespace cutover {

namespace {

Result<QString> firstValue(SqlConnection &connection, const QString &sql,
                           const QVariantList &values, const QString &what)
{
    QSqlDatabase db = connection.database();
    auto query = CatalogQuery::run(db, sql, values, what, connection.spec().displayName());
    if (!query)
        return query.error();
    if (!query->next())
        return QString();
    return query->value(0).toString();
}

Result<QStringList> allValues(SqlConnection &connection, const QString &sql,
                              const QVariantList &values)
{
    QSqlDatabase db = connection.database();
    auto query = CatalogQuery::run(db, sql, values, QStringLiteral("the tables"),
                                   connection.spec().displayName());
    if (!query)
        return query.error();
    QStringList names;
    while (query->next())
        names.append(query->value(0).toString());
    return names;
}

} // namespace

QString ConnectionProbe::Report::summary() const
{
    const QString who = version.isEmpty() ? product : product + QLatin1Char(' ') + version;
    const QString tables =
        tableCount == 1 ? QStringLiteral("1 table") : QStringLiteral("%1 tables").arg(tableCount);
    const QString took =
        milliseconds < 1000
            ? QStringLiteral("%1 ms").arg(milliseconds)
            : QLocale().toString(double(milliseconds) / 1000.0, 'f', 1) + QStringLiteral(" s");
    return QStringLiteral("Connected to %1: %2 in %3, in %4").arg(who, tables, scope, took);
}

Result<ConnectionProbe::Report> ConnectionProbe::run(const ConnectionSpec &spec,
                                                     const PasswordProvider *passwords)
{
    QElapsedTimer clock;
    clock.start();
    auto report =
        spec.kind() == ConnectionSpec::Kind::Csv ? probeCsv(spec) : probeDatabase(spec, passwords);
    if (!report)
        return ConnectionErrorText::explain(spec, report.error());
    report->milliseconds = clock.elapsed();
    return report;
}

Result<ConnectionProbe::Report> ConnectionProbe::probeDatabase(const ConnectionSpec &spec,
                                                               const PasswordProvider *passwords)
{
    auto connection = SqlConnection::open(spec, passwords);
    if (!connection)
        return connection.error();
    Report report;
    auto serverVersion = version(**connection);
    if (!serverVersion)
        return serverVersion.error();
    report.version = *serverVersion;
    report.product = ConnectionSpec::productName(spec.kind());
    if (spec.kind() == ConnectionSpec::Kind::MySql &&
        report.version.contains(QLatin1String("MariaDB"), Qt::CaseInsensitive))
        report.product = QStringLiteral("MariaDB");
    auto names = tableNames(**connection, &report.scope);
    if (!names)
        return names.error();
    for (const QString &name : *names)
        if (!CutoverTables::contains(name))
            ++report.tableCount;
    return report;
}

Result<ConnectionProbe::Report> ConnectionProbe::probeCsv(const ConnectionSpec &spec)
{
    auto schema = CsvIntrospector(spec).introspect();
    if (!schema)
        return schema.error();
    Report report;
    report.product = QStringLiteral("CSV folder");
    report.tableCount = int(schema->tables.size());
    report.scope = QStringLiteral("the folder");
    return report;
}

Result<QString> ConnectionProbe::version(SqlConnection &connection)
{
    switch (connection.spec().kind()) {
    case ConnectionSpec::Kind::Sqlite:
        return firstValue(connection, QStringLiteral("SELECT sqlite_version()"), {},
                          QStringLiteral("the version"));
    case ConnectionSpec::Kind::PostgreSql:
        return firstValue(connection, QStringLiteral("SELECT current_setting('server_version')"),
                          {}, QStringLiteral("the version"));
    case ConnectionSpec::Kind::MySql:
        return firstValue(connection, QStringLiteral("SELECT VERSION()"), {},
                          QStringLiteral("the version"));
    case ConnectionSpec::Kind::Csv:
        break;
    }
    return QString();
}

Result<QStringList> ConnectionProbe::tableNames(SqlConnection &connection, QString *scope)
{
    const ConnectionSpec &spec = connection.spec();
    if (spec.kind() == ConnectionSpec::Kind::Sqlite) {
        *scope = QStringLiteral("the file");
        return allValues(connection,
                         QStringLiteral("SELECT name FROM sqlite_master WHERE type IN "
                                        "('table', 'view') AND name NOT LIKE 'sqlite\\_%' "
                                        "ESCAPE '\\'"),
                         {});
    }
    if (spec.kind() == ConnectionSpec::Kind::MySql) {
        *scope = QStringLiteral("database %1").arg(spec.database());
        return allValues(connection,
                         QStringLiteral("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_schema = DATABASE()"),
                         {});
    }
    const QString schema = spec.option(QStringLiteral("schema"), QStringLiteral("public"));
    *scope = QStringLiteral("schema %1").arg(schema);
    auto exists = firstValue(connection,
                             QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = ?"),
                             {schema}, QStringLiteral("the schemas"));
    if (!exists)
        return exists.error();
    if (exists->toInt() == 0)
        return Error(
            Error::Code::Connection,
            QStringLiteral("There is no schema '%1' in database %2.").arg(schema, spec.database()),
            {}, QStringLiteral("Check the schema name (PostgreSQL's default is public)."));
    return allValues(connection,
                     QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                    "table_schema = ?"),
                     {schema});
}

} // namespace cutover
