#include "run/ledger/QuarantineReader.h"

#include "core/ViolationJson.h"
#include "run/ledger/LedgerSchema.h"
#include "run/ledger/QuarantineOrder.h"
#include "run/ledger/RunLedger.h"
#include "run/target/TargetSession.h"
#include "transform/SourceKey.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace cutover {

namespace {

using Table = LedgerSchema::Table;
using Kind = ConnectionSpec::Kind;

QString textOf(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

// A LIKE pattern matching text anywhere, with '!' as the escape character (a backslash is an
// escape of its own in MySQL's string literals).
QString likeEscaped(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('!') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('!');
        escaped += c;
    }
    return escaped;
}

// A string as the ledger's compact JSON writes it, quotes included.
QString jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

} // namespace

QuarantineReader::QuarantineReader(TargetSession &session)
    : m_session(session)
{}

Result<void> QuarantineReader::ready()
{
    if (m_ready)
        return {};
    if (auto ensured = LedgerSchema(m_session).ensureTables(); !ensured)
        return ensured;
    m_ready = true;
    return {};
}

QString QuarantineReader::q(const QString &identifier) const
{
    return m_session.quote(identifier);
}

QString QuarantineReader::table() const
{
    return q(LedgerSchema::name(Table::Quarantine));
}

QVariant QuarantineReader::keyValue(const QString &key) const
{
    if (m_session.kind() == Kind::MySql)
        return key.toUtf8();
    return key;
}

Error QuarantineReader::failure(const QString &what, const Error &cause) const
{
    return Error(cause.code(), QStringLiteral("cannot %1: %2").arg(what, cause.message()),
                 m_session.spec().displayName(), cause.hint());
}

QString QuarantineReader::where(const QuarantineFilter &filter, QVariantList &params) const
{
    QStringList conditions{QStringLiteral("1 = 1")};
    if (!filter.project.isEmpty()) {
        conditions.append(QStringLiteral("%1 IN (SELECT %1 FROM %2 WHERE %3 = ?)")
                              .arg(q(QStringLiteral("run_id")), q(LedgerSchema::name(Table::Runs)),
                                   q(QStringLiteral("project"))));
        params.append(filter.project);
    }
    if (!filter.runId.isEmpty()) {
        conditions.append(q(QStringLiteral("run_id")) + QStringLiteral(" = ?"));
        params.append(filter.runId);
    }
    if (!filter.table.isEmpty()) {
        conditions.append(q(QStringLiteral("table_name")) + QStringLiteral(" = ?"));
        params.append(filter.table);
    }
    if (filter.kind || !filter.column.isEmpty())
        conditions.append(reasonCondition(filter, params));
    if (!filter.text.isEmpty())
        conditions.append(textCondition(filter.text, params));
    return conditions.join(QStringLiteral(" AND "));
}

// The violations are compact JSON with their keys sorted (QJsonObject), so "column" is right
// before "kind" in every reason: one pattern finds a reason of that kind on that column.
QString QuarantineReader::reasonCondition(const QuarantineFilter &filter,
                                          QVariantList &params) const
{
    QString pattern;
    if (!filter.column.isEmpty())
        pattern = QStringLiteral("\"column\":") + jsonString(filter.column) + QLatin1Char(',');
    if (filter.kind)
        pattern += QStringLiteral("\"kind\":") + jsonString(ViolationJson::kindName(*filter.kind));
    params.append(QLatin1Char('%') + likeEscaped(pattern) + QLatin1Char('%'));
    return q(QStringLiteral("violations")) + QStringLiteral(" LIKE ? ESCAPE '!'");
}

QString QuarantineReader::textCondition(const QString &text, QVariantList &params) const
{
    const QString like =
        m_session.kind() == Kind::PostgreSql ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
    const QString key =
        m_session.kind() == Kind::MySql
            ? QStringLiteral("CONVERT(%1 USING utf8mb4)").arg(q(QStringLiteral("source_key")))
            : q(QStringLiteral("source_key"));
    QStringList parts;
    for (const QString &column :
         {key, q(QStringLiteral("raw_values")), q(QStringLiteral("violations"))}) {
        parts.append(QStringLiteral("%1 %2 ? ESCAPE '!'").arg(column, like));
        params.append(QLatin1Char('%') + likeEscaped(text) + QLatin1Char('%'));
    }
    return QLatin1Char('(') + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

Result<qint64> QuarantineReader::count(const QuarantineFilter &filter)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    QVariantList params;
    const QString sql =
        QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table(), where(filter, params));
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("count the quarantined rows"), rows.error());
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

Result<QList<QuarantinedRow>> QuarantineReader::page(const QuarantineFilter &filter,
                                                     const QuarantinedRow *after, int limit,
                                                     const QuarantineSort &sort)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    const LedgerSchema schema(m_session);
    const QuarantineOrder order(m_session, sort);
    QVariantList params;
    QString condition = where(filter, params);
    if (after)
        condition += QStringLiteral(" AND ") + order.after(*after, params);
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT %5")
                            .arg(schema.columnList(LedgerSchema::columns(Table::Quarantine)),
                                 table(), condition, order.orderBy())
                            .arg(qMax(1, limit));
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("read the quarantine"), rows.error());
    QList<QuarantinedRow> result;
    result.reserve(rows->size());
    for (const QVariantList &row : std::as_const(*rows))
        result.append(RunLedger::quarantinedFromRow(row));
    return result;
}

Result<bool> QuarantineReader::forEachInKeyOrder(const QuarantineFilter &filter, int chunkSize,
                                                 const Visitor &visit)
{
    if (auto ok = ready(); !ok)
        return ok.error();
    auto all = groups(filter);
    if (!all)
        return all.error();
    const size_t chunk = size_t(qMax(1, chunkSize));
    for (const Group &group : std::as_const(*all)) {
        auto keys = keysInOrder(filter, group);
        if (!keys)
            return keys.error();
        for (size_t from = 0; from < keys->size(); from += chunk) {
            auto rows = rowsOf(group, *keys, from, std::min(keys->size(), from + chunk));
            if (!rows)
                return rows.error();
            if (!visit(*rows))
                return false;
        }
    }
    return true;
}

// The (run, table) pairs holding selected rows, ordered as RunLedger::quarantine orders them.
Result<QList<QuarantineReader::Group>> QuarantineReader::groups(const QuarantineFilter &filter)
{
    QVariantList params;
    const QString sql = QStringLiteral("SELECT DISTINCT %1, %2 FROM %3 WHERE %4")
                            .arg(q(QStringLiteral("run_id")), q(QStringLiteral("table_name")),
                                 table(), where(filter, params));
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("read the quarantine's tables"), rows.error());
    QList<Group> result;
    for (const QVariantList &row : std::as_const(*rows))
        result.append({textOf(row.value(0)), textOf(row.value(1))});
    std::sort(result.begin(), result.end(), [](const Group &a, const Group &b) {
        return a.runId != b.runId ? a.runId < b.runId : a.table < b.table;
    });
    return result;
}

// The group's selected keys read in the database's order (row number, key), then sorted stably
// by key as RunLedger::inKeyOrder sorts them, so both give the same order.
Result<std::vector<QuarantineReader::KeyRef>>
QuarantineReader::keysInOrder(const QuarantineFilter &filter, const Group &group)
{
    QuarantineFilter one = filter;
    one.runId = group.runId;
    one.table = group.table;
    QVariantList params;
    const QString sql = QStringLiteral("SELECT %1, %2 FROM %3 WHERE %4 ORDER BY %2, %1")
                            .arg(q(QStringLiteral("source_key")), q(QStringLiteral("row_no")),
                                 table(), where(one, params));
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("read the keys quarantined in table %1").arg(group.table),
                       rows.error());
    std::vector<KeyRef> keys;
    keys.reserve(size_t(rows->size()));
    for (const QVariantList &row : std::as_const(*rows)) {
        const QString key = textOf(row.value(0));
        keys.push_back({SourceKey::parts(key), key, row.value(1).toLongLong()});
    }
    rows->clear();
    std::stable_sort(keys.begin(), keys.end(), [](const KeyRef &a, const KeyRef &b) {
        return SourceKey::lessThan(a.parts, b.parts);
    });
    return keys;
}

// The rows of keys[from, to), in that order: read by their keys (the primary key's index), of
// which a key shared by rows beyond `to` may bring more than asked for.
Result<QList<QuarantinedRow>> QuarantineReader::rowsOf(const Group &group,
                                                       const std::vector<KeyRef> &keys, size_t from,
                                                       size_t to)
{
    QVariantList params{group.runId, group.table};
    QSet<QString> distinct;
    for (size_t i = from; i < to; ++i)
        if (!distinct.contains(keys[i].key)) {
            distinct.insert(keys[i].key);
            params.append(keyValue(keys[i].key));
        }
    const LedgerSchema schema(m_session);
    const QString sql =
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4 = ? AND %5 IN (%6)")
            .arg(schema.columnList(LedgerSchema::columns(Table::Quarantine)), table(),
                 q(QStringLiteral("run_id")), q(QStringLiteral("table_name")),
                 q(QStringLiteral("source_key")),
                 QStringList(distinct.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("read the quarantine of table %1").arg(group.table),
                       rows.error());
    QHash<QPair<QString, qint64>, QuarantinedRow> byKey;
    for (const QVariantList &row : std::as_const(*rows)) {
        QuarantinedRow r = RunLedger::quarantinedFromRow(row);
        byKey.insert({r.sourceKey, r.rowNumber}, std::move(r));
    }
    QList<QuarantinedRow> result;
    result.reserve(qsizetype(to - from));
    for (size_t i = from; i < to; ++i) // a row deleted since its key was read is left out
        if (auto found = byKey.find({keys[i].key, keys[i].rowNumber}); found != byKey.end())
            result.append(std::move(found.value()));
    return result;
}

} // namespace cutover
