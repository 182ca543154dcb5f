#include "source/SqlRowSource.h"

#include "dialect/SqlDialect.h"
#include "source/MySqlFloatSelect.h"
#include "source/TextSelect.h"
#include "source/TimestampSelect.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QTime>
#include <sqlite3.h>

#include <limits>

namespace cutover {

namespace {

constexpr int kCancelCheckRows = 256;

QString fromClause(ConnectionSpec::Kind kind, const TableMapping &mapping)
{
    if (!mapping.query.trimmed().isEmpty())
        return QStringLiteral("(%1) AS %2")
            .arg(mapping.query.trimmed(),
                 SqlDialect::quoteIdentifier(QStringLiteral("cutover_source"), kind));
    return SqlDialect::quoteIdentifier(mapping.source, kind);
}

bool hasNull(const QVariantList &tuple, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i)
        if (tuple.value(i).isNull())
            return true;
    return false;
}

// A key part that is NULL is matched with IS NULL (= NULL matches no row) and binds no value.
QString tupleCondition(ConnectionSpec::Kind kind, const QStringList &columns,
                       const QVariantList &tuple)
{
    QStringList parts;
    for (qsizetype i = 0; i < columns.size(); ++i)
        parts.append(
            SqlDialect::quoteIdentifier(columns.at(i), kind) +
            (tuple.value(i).isNull() ? QStringLiteral(" IS NULL") : QStringLiteral(" = ?")));
    return QLatin1Char('(') + parts.join(QStringLiteral(" AND ")) + QLatin1Char(')');
}

QString keyInCondition(ConnectionSpec::Kind kind, const RowQuery &query)
{
    if (query.keyColumns.isEmpty())
        return {};
    if (query.keyIn.isEmpty())
        return QStringLiteral("1 = 0");
    const qsizetype width = query.keyColumns.size();
    QStringList alternatives;
    qsizetype plain = 0; // single-column keys without NULL, matched with one IN list
    for (const QVariantList &tuple : query.keyIn) {
        if (width == 1 && !hasNull(tuple, width))
            ++plain;
        else
            alternatives.append(tupleCondition(kind, query.keyColumns, tuple));
    }
    if (plain > 0)
        alternatives.prepend(
            SqlDialect::quoteIdentifier(query.keyColumns.first(), kind) + QStringLiteral(" IN (") +
            QStringList(plain, QStringLiteral("?")).join(QStringLiteral(", ")) + QLatin1Char(')'));
    return QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

} // namespace

QVariantList SqlRowSource::keyInValues(const RowQuery &query)
{
    QVariantList values;
    if (query.keyColumns.isEmpty())
        return values;
    const qsizetype width = query.keyColumns.size();
    QList<QVariantList> tuples; // in the order keyInCondition writes them, after the IN list
    for (const QVariantList &tuple : query.keyIn)
        if (width == 1 && !hasNull(tuple, width))
            values.append(tuple.value(0));
        else
            tuples.append(tuple);
    for (const QVariantList &tuple : std::as_const(tuples))
        for (qsizetype i = 0; i < width; ++i)
            if (!tuple.value(i).isNull())
                values.append(tuple.value(i));
    return values;
}

SqlRowSource::SqlRowSource(std::unique_ptr<SqlConnection> connection)
    : m_connection(std::move(connection))
{}

SqlRowSource::~SqlRowSource()
{
    sqlite3_finalize(m_statement); // before the connection closes
}

QString SqlRowSource::selectStatement(ConnectionSpec::Kind kind, const TableMapping &mapping,
                                      const RowQuery &query)
{
    const QString columns = query.columns.isEmpty()
                                ? QStringLiteral("*")
                                : SqlDialect::quoteIdentifiers(query.columns, kind);
    return selectStatement(kind, mapping, query, columns,
                           SqlDialect::quoteIdentifiers(query.orderBy, kind));
}

QString SqlRowSource::selectStatement(ConnectionSpec::Kind kind, const TableMapping &mapping,
                                      const RowQuery &query, const QString &columns,
                                      const QString &orderBy)
{
    QString sql = QStringLiteral("SELECT %1 FROM %2").arg(columns, fromClause(kind, mapping));
    QStringList conditions;
    for (const QString &filter : QStringList{mapping.filter} + query.filters)
        if (!filter.trimmed().isEmpty())
            conditions.append(QLatin1Char('(') + filter.trimmed() + QLatin1Char(')'));
    if (const QString keys = keyInCondition(kind, query); !keys.isEmpty())
        conditions.append(keys);
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    if (!query.orderBy.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + orderBy;
    if (query.limit >= 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    return sql;
}

Result<std::unique_ptr<SqlRowSource>> SqlRowSource::open(const ConnectionSpec &spec,
                                                         const TableMapping &mapping,
                                                         const RowQuery &query,
                                                         const PasswordProvider *passwords)
{
    if (mapping.source.trimmed().isEmpty() && mapping.query.trimmed().isEmpty())
        return Error(Error::Code::Usage,
                     QStringLiteral("the mapping of '%1' has neither a source table nor a query")
                         .arg(mapping.target));
    auto connection = SqlConnection::open(spec, passwords, SqlConnection::Mode::ReadOnly);
    if (!connection)
        return connection.error();
    std::unique_ptr<SqlRowSource> source(new SqlRowSource(std::move(connection.value())));
    if (auto executed = source->execute(mapping, query); !executed)
        return executed.error();
    return source;
}

Result<void> SqlRowSource::execute(const TableMapping &mapping, const RowQuery &query)
{
    const ConnectionSpec::Kind kind = m_connection->spec().kind();
    if (auto chosen = chooseEncoding(); !chosen)
        return chosen;
    QString sql = renderedSelect(mapping, query);
    if (sql.isEmpty())
        sql = selectStatement(kind, mapping, query);
    if (kind == ConnectionSpec::Kind::Sqlite && executeDirect(sql, query))
        return {};
    m_query = std::make_unique<QSqlQuery>(m_connection->database());
    m_query->setForwardOnly(true);
    m_query->setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!m_query->prepare(sql))
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot read the source of '%1': %2")
                         .arg(mapping.target, m_query->lastError().text()),
                     m_connection->spec().displayName(),
                     QStringLiteral("check the source table, query and filters: %1").arg(sql));
    for (const QVariant &value : keyInValues(query))
        m_query->addBindValue(value);
    if (!m_query->exec())
        return Error(Error::Code::Schema,
                     QStringLiteral("cannot read the source of '%1': %2")
                         .arg(mapping.target, m_query->lastError().text()),
                     m_connection->spec().displayName(),
                     QStringLiteral("check the source table, query and filters: %1").arg(sql));
    const QSqlRecord record = m_query->record();
    for (int i = 0; i < record.count(); ++i)
        m_columns.append(record.fieldName(i));
    if (kind == ConnectionSpec::Kind::MySql)
        m_mySqlDates = MySqlTemporalValue::dateColumnsOf(record);
    return {};
}

// The encoding of the source's text bytes: the connection's `encoding` option, UTF-8 without one.
// Refused where the server decodes its text itself: MySQL, and PostgreSQL but for a SQL_ASCII
// database (one that stores any bytes and knows no encoding).
Result<void> SqlRowSource::chooseEncoding()
{
    const ConnectionSpec &spec = m_connection->spec();
    QString declared;
    if (spec.kind() == ConnectionSpec::Kind::MySql)
        declared = QStringLiteral("each column's character set");
    if (spec.kind() == ConnectionSpec::Kind::PostgreSql) {
        QSqlQuery show(m_connection->database());
        if (show.exec(QStringLiteral("SHOW server_encoding")) && show.next() &&
            show.value(0).toString() != QLatin1String("SQL_ASCII"))
            declared = QStringLiteral("the database's encoding, ") + show.value(0).toString();
    }
    m_declaresEncoding = !declared.isEmpty();
    const QString name = spec.option(QStringLiteral("encoding"));
    if (name.isEmpty())
        return {};
    if (m_declaresEncoding)
        return Error(Error::Code::Usage,
                     QStringLiteral("the source declares its text encoding (%1), so the "
                                    "connection's encoding '%2' does not apply")
                         .arg(declared, name),
                     spec.displayName(),
                     QStringLiteral("remove encoding= from the connection URL; it names the "
                                    "encoding of a SQLite file's or a SQL_ASCII database's text"));
    auto encoding = TextEncoding::named(name);
    if (!encoding)
        return Error(Error::Code::Usage, encoding.error().message(), spec.displayName(),
                     encoding.error().hint());
    m_encoding = *encoding;
    return {};
}

// The SELECT with the PostgreSQL or MySQL timestamp columns rendered as text by the database
// (TimestampSelect), MySQL's FLOAT columns as DOUBLE (MySqlFloatSelect) and the text columns as
// their UTF-8 bytes (TextSelect), their types read from the result of the SELECT with LIMIT 0;
// empty when there are none, for other databases, or when that fails (the SELECT itself then
// reports). ORDER BY names the rendered columns qualified, so that it sorts by the columns' values
// rather than by the select list's columns of the same names.
QString SqlRowSource::renderedSelect(const TableMapping &mapping, const RowQuery &query)
{
    const ConnectionSpec::Kind kind = m_connection->spec().kind();
    if (kind != ConnectionSpec::Kind::PostgreSql && kind != ConnectionSpec::Kind::MySql)
        return {};
    RowQuery probe;
    probe.columns = query.columns;
    probe.limit = 0;
    QSqlQuery types(m_connection->database());
    types.setForwardOnly(true);
    if (!types.exec(selectStatement(kind, mapping, probe)))
        return {};
    const QSqlRecord record = types.record();
    types.finish();
    QList<bool> textBytes;
    QStringList columns;
    QStringList rendered;
    QStringList renderedNames; // the columns the database renders
    for (int i = 0; i < record.count(); ++i) {
        const QString name = record.fieldName(i);
        if (columns.contains(name))
            return {}; // a query's duplicate names: not to be told apart
        const QString quoted = SqlDialect::quoteIdentifier(name, kind);
        const bool isText = TextSelect::isText(kind, record.field(i));
        const QString text =
            isText ? TextSelect::expression(kind, quoted, record.field(i), !m_declaresEncoding)
            : MySqlFloatSelect::isFloat(kind, record.field(i))
                ? MySqlFloatSelect::expression(quoted)
                : TimestampSelect::expression(kind, quoted,
                                              TimestampSelect::kindOf(kind, record.field(i)));
        columns.append(name);
        rendered.append(text.isEmpty() ? quoted : text + QStringLiteral(" AS ") + quoted);
        textBytes.append(isText);
        if (!text.isEmpty())
            renderedNames.append(name);
    }
    if (renderedNames.isEmpty())
        return {};
    m_textBytes = textBytes;
    const QString table = mapping.query.trimmed().isEmpty()
                              ? SqlDialect::quoteIdentifier(mapping.source, kind)
                              : SqlDialect::quoteIdentifier(QStringLiteral("cutover_source"), kind);
    QStringList orderBy;
    for (const QString &column : query.orderBy)
        orderBy.append((renderedNames.contains(column, Qt::CaseInsensitive)
                            ? table + QLatin1Char('.')
                            : QString()) +
                       SqlDialect::quoteIdentifier(column, kind));
    return selectStatement(kind, mapping, query, rendered.join(QStringLiteral(", ")),
                           orderBy.join(QStringLiteral(", ")));
}

// Prepares sql on the connection's sqlite3 handle and steps to the first row, as QSqlQuery's
// exec() does; false (nothing kept) when anything fails, so that QSqlQuery runs it and reports.
bool SqlRowSource::executeDirect(const QString &sql, const RowQuery &query)
{
    m_db = m_connection->sqliteHandle();
    if (!m_db)
        return false;
    const QByteArray utf8 = sql.toUtf8();
    const char *tail = nullptr;
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_statement, &tail) !=
            SQLITE_OK ||
        !m_statement || (tail && !QByteArray(tail).trimmed().isEmpty())) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return false;
    }
    int parameter = 0;
    for (const QVariant &value : keyInValues(query))
        bindKey(++parameter, value);
    const int rc = sqlite3_step(m_statement);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return false;
    }
    m_pending = rc == SQLITE_ROW;
    m_done = rc == SQLITE_DONE;
    const int count = sqlite3_column_count(m_statement);
    for (int i = 0; i < count; ++i) // as they are: QSqlQuery's driver drops every '"' in them
        m_columns.append(QString::fromUtf8(sqlite3_column_name(m_statement, i)));
    if (m_done)
        sqlite3_reset(m_statement);
    m_texts.resize(size_t(count));
    return true;
}

// The value QSqlQuery's SQLite driver gives, as normalized() leaves it.
QVariant SqlRowSource::directValue(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_NULL:
        return QVariant();
    case SQLITE_BLOB:
        return QVariant(
            QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
                       sqlite3_column_bytes(m_statement, column)));
    default: // the bytes SQLite holds, which it never checked
        return text(
            QByteArrayView(reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column)),
                           sqlite3_column_bytes(m_statement, column)));
    }
}

// A key value as the file holds it: a text decoded from another encoding as those bytes again.
void SqlRowSource::bindKey(int parameter, const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && !m_encoding.isUtf8())
        if (const auto bytes = m_encoding.encode(value.toString())) {
            sqlite3_bind_text64(m_statement, parameter, bytes->constData(),
                                sqlite3_uint64(bytes->size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            return;
        }
    SqliteValue::bind(m_statement, parameter, value);
}

// Text bytes as text when they are valid in the source's encoding, else as they are.
QVariant SqlRowSource::text(QByteArrayView bytes) const
{
    bool ascii = m_encoding.isAsciiCompatible();
    for (qsizetype i = 0; ascii && i < bytes.size(); ++i)
        ascii = uchar(bytes[i]) < 0x80;
    if (ascii)
        return QVariant(QString::fromLatin1(bytes.data(), bytes.size()));
    return m_encoding.textOrBytes(bytes);
}

Result<RowBatch> SqlRowSource::nextDirect(int maxRows)
{
    RowBatch batch;
    batch.columns = m_columns;
    const int width = int(m_columns.size());
    while (!m_done && batch.size() < maxRows) {
        if (batch.size() % kCancelCheckRows == 0 && m_cancelled)
            return Error(Error::Code::Cancelled, QStringLiteral("reading was cancelled"));
        int rc = SQLITE_ROW;
        if (!m_pending)
            rc = sqlite3_step(m_statement);
        m_pending = false;
        if (rc != SQLITE_ROW) {
            m_done = true;
            if (rc == SQLITE_DONE) {
                sqlite3_reset(m_statement);
                break;
            }
            // QSqlQuery's text (QSqlError::text()): SQLite's message, then the driver's.
            const bool generic = rc == SQLITE_ERROR || rc == SQLITE_CONSTRAINT;
            if (generic) // the specific message comes with the reset
                sqlite3_reset(m_statement);
            QString text = QString::fromUtf8(sqlite3_errmsg(m_db));
            if (!generic)
                sqlite3_reset(m_statement);
            const QString driver =
                QCoreApplication::translate("QSQLiteResult", "Unable to fetch row");
            if (!text.isEmpty() && !driver.isEmpty() && !text.endsWith(QLatin1Char('\n')))
                text += QLatin1Char(' ');
            text += driver;
            return Error(Error::Code::Connection,
                         QStringLiteral("reading the source failed: %1").arg(text),
                         m_connection->spec().displayName());
        }
        QVariantList row;
        row.reserve(width);
        for (int i = 0; i < width; ++i)
            row.append(directValue(i));
        batch.rows.append(std::move(row));
    }
    return batch;
}

Result<RowBatch> SqlRowSource::next(int maxRows)
{
    if (m_statement)
        return nextDirect(maxRows);
    RowBatch batch;
    batch.columns = m_columns;
    const int width = int(m_columns.size());
    while (!m_done && batch.size() < maxRows) {
        if (batch.size() % kCancelCheckRows == 0 && m_cancelled)
            return Error(Error::Code::Cancelled, QStringLiteral("reading was cancelled"));
        if (!m_query->next()) {
            m_done = true;
            if (m_query->lastError().isValid())
                return Error(Error::Code::Connection,
                             QStringLiteral("reading the source failed: %1")
                                 .arg(m_query->lastError().text()),
                             m_connection->spec().displayName());
            break;
        }
        QVariantList row;
        row.reserve(width);
        for (int i = 0; i < width; ++i) {
            const QVariant value = m_query->value(i);
            if (m_textBytes.value(i) && !value.isNull())
                row.append(text(value.toByteArray()));
            else if (m_mySqlDates.value(i))
                row.append(MySqlTemporalValue::ofDate(normalized(value)));
            else
                row.append(normalized(value));
        }
        batch.rows.append(std::move(row));
    }
    if (m_done)
        m_query->finish();
    return batch;
}

QVariant SqlRowSource::normalized(const QVariant &value)
{
    if (value.isNull())
        return QVariant();
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return QVariant(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
    case QMetaType::ULong:
        return QVariant(value.toLongLong());
    case QMetaType::ULongLong: {
        const qulonglong v = value.toULongLong();
        return v > quint64(std::numeric_limits<qint64>::max()) ? QVariant(QString::number(v))
                                                               : QVariant(qint64(v));
    }
    case QMetaType::Bool:
        return QVariant(qint64(value.toBool() ? 1 : 0));
    case QMetaType::Float:
    case QMetaType::Double:
        return QVariant(value.toDouble());
    case QMetaType::QByteArray:
        return value;
    case QMetaType::QDate:
        return QVariant(value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return QVariant(value.toTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDateTime:
        return QVariant(value.toDateTime().toString(Qt::ISODateWithMs));
    default:
        return QVariant(value.toString());
    }
}

} // namespace cutover
