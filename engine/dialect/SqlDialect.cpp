#include "dialect/SqlDialect.h"

namespace cutover {

QString SqlDialect::quoteIdentifier(const QString &name, ConnectionSpec::Kind kind)
{
    const QChar quote = kind == ConnectionSpec::Kind::MySql ? QLatin1Char('`') : QLatin1Char('"');
    QString escaped = name;
    escaped.replace(quote, QString(2, quote));
    return quote + escaped + quote;
}

QString SqlDialect::quoteIdentifiers(const QStringList &names, ConnectionSpec::Kind kind)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &name : names)
        quoted.append(quoteIdentifier(name, kind));
    return quoted.join(QStringLiteral(", "));
}

QString SqlDialect::quoteString(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

ConnectionSpec::Kind SqlDialect::kindOfDriver(const QString &driverName)
{
    if (driverName.startsWith(QLatin1String("QPSQL")))
        return ConnectionSpec::Kind::PostgreSql;
    if (driverName.startsWith(QLatin1String("QMYSQL")) ||
        driverName.startsWith(QLatin1String("QMARIADB")))
        return ConnectionSpec::Kind::MySql;
    return ConnectionSpec::Kind::Sqlite;
}

} // namespace cutover
