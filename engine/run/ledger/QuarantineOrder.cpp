#include "run/ledger/QuarantineOrder.h"

#include "run/ledger/LedgerSchema.h"
#include "run/target/TargetSession.h"

namespace cutover {

namespace {

using Kind = ConnectionSpec::Kind;

const QString kRunId = QStringLiteral("run_id");
const QString kTable = QStringLiteral("table_name");
const QString kKey = QStringLiteral("source_key");
const QString kRowNo = QStringLiteral("row_no");

// The ledger's read order, which LedgerSchema's quarantine index follows.
const QStringList kReadOrder = {kRunId, kTable, kRowNo, kKey};

// A sorted order: the column sorted by, then the source key, then the rest of the primary key.
QString columnOf(QuarantineSort::Column column)
{
    using C = QuarantineSort::Column;
    switch (column) {
    case C::Table:
        return kTable;
    case C::Reasons:
        return QStringLiteral("violations");
    case C::Run:
        return kRunId;
    case C::QuarantinedAt:
        return QStringLiteral("quarantined_at");
    case C::RetriedInRun:
        return QStringLiteral("retried_in_run");
    case C::SourceKey:
    case C::ReadOrder:
        break;
    }
    return kKey;
}

} // namespace

QuarantineOrder::QuarantineOrder(TargetSession &session, QuarantineSort sort)
    : m_session(session)
    , m_sort(sort)
{}

QString QuarantineOrder::q(const QString &identifier) const
{
    return m_session.quote(identifier);
}

QString QuarantineOrder::table() const
{
    return q(LedgerSchema::name(LedgerSchema::Table::Quarantine));
}

QVariant QuarantineOrder::keyValue(const QString &key) const
{
    if (m_session.kind() == Kind::MySql)
        return key.toUtf8(); // VARBINARY
    return key;
}

QStringList QuarantineOrder::sortedColumns() const
{
    QStringList columns{columnOf(m_sort.column)};
    for (const QString &c : {kKey, kRunId, kTable, kRowNo})
        if (!columns.contains(c))
            columns.append(c);
    return columns;
}

// Text compared by code point: SQLite's BINARY collation (the ledger's columns have no other),
// PostgreSQL's "C" collation and MySQL's bytes, all of UTF-8.
QString QuarantineOrder::codePointOrder(const QString &text) const
{
    switch (m_session.kind()) {
    case Kind::PostgreSql:
        return QStringLiteral("%1 COLLATE %2").arg(text, q(QStringLiteral("C")));
    case Kind::MySql:
        return QStringLiteral("CAST(%1 AS BINARY)").arg(text);
    default:
        return text;
    }
}

// A stored value as the order compares it: a NULL run as empty text (a row compared with NULL
// would be neither before nor after), JSON by its start (MySQL sorts a long text by its first
// max_sort_length bytes only, and a sort must compare as the ORDER BY does).
QString QuarantineOrder::expression(const QString &column) const
{
    if (column == kRowNo)
        return q(column);
    if (column == QLatin1String("retried_in_run"))
        return codePointOrder(QStringLiteral("COALESCE(%1, '')").arg(q(column)));
    if (column == QLatin1String("violations"))
        return codePointOrder(QStringLiteral("SUBSTR(%1, 1, 255)").arg(q(column)));
    return codePointOrder(q(column));
}

QStringList QuarantineOrder::expressions() const
{
    if (m_sort.column == QuarantineSort::Column::ReadOrder) {
        QStringList quoted;
        for (const QString &c : kReadOrder)
            quoted.append(q(c));
        return quoted;
    }
    QStringList terms;
    for (const QString &c : sortedColumns())
        terms.append(expression(c));
    return terms;
}

QString QuarantineOrder::orderBy() const
{
    const QStringList terms = expressions();
    if (!m_sort.descending)
        return terms.join(QStringLiteral(", "));
    return terms.join(QStringLiteral(" DESC, ")) + QStringLiteral(" DESC");
}

QString QuarantineOrder::after(const QuarantinedRow &row, QVariantList &params) const
{
    return m_sort.column == QuarantineSort::Column::ReadOrder ? readOrderAfter(row, params)
                                                              : sortedAfter(row, params);
}

QString QuarantineOrder::readOrderAfter(const QuarantinedRow &row, QVariantList &params) const
{
    params << row.runId << row.tableName << row.rowNumber << keyValue(row.sourceKey);
    return QStringLiteral("(%1) %2 (?, ?, ?, ?)")
        .arg(expressions().join(QStringLiteral(", ")),
             m_sort.descending ? QStringLiteral("<") : QStringLiteral(">"));
}

QString QuarantineOrder::sortedAfter(const QuarantinedRow &row, QVariantList &params) const
{
    params << row.runId << row.tableName << keyValue(row.sourceKey) << row.rowNumber;
    const QString terms = expressions().join(QStringLiteral(", "));
    return QStringLiteral("(%1) %2 (SELECT %1 FROM %3 WHERE %4 = ? AND %5 = ? AND %6 = ? AND "
                          "%7 = ?)")
        .arg(terms, m_sort.descending ? QStringLiteral("<") : QStringLiteral(">"), table(),
             q(kRunId), q(kTable), q(kKey), q(kRowNo));
}

} // namespace cutover
