#include "TargetSessionConformance.h"

#include "ConformanceCheck.h"
#include "dialect/DdlGenerator.h"

#include <QElapsedTimer>

#include <limits>

namespace cutover::test {

namespace {

QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

ColumnInfo column(const QString &name, NormalizedType type, bool nullable = true)
{
    ColumnInfo c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    return c;
}

} // namespace

QString TargetSessionConformance::tableName()
{
    return QStringLiteral("select \"odd\" table");
}

TableInfo TargetSessionConformance::table()
{
    TableInfo t;
    t.name = tableName();
    t.columns = {
        column(QStringLiteral("my id"), NormalizedType::integer(), false),
        column(QStringLiteral("big"), NormalizedType::integer()),
        column(QStringLiteral("wide \"decimal\""), NormalizedType::decimal(38, 10)),
        column(QStringLiteral("price"), NormalizedType::decimal(12, 2)),
        column(QStringLiteral("order"), NormalizedType(NormalizedType::Kind::Real)),
        column(QStringLiteral("label"), NormalizedType::text()),
        column(QStringLiteral("flag"), NormalizedType(NormalizedType::Kind::Boolean)),
        column(QStringLiteral("day"), NormalizedType(NormalizedType::Kind::Date)),
        column(QStringLiteral("at"), NormalizedType(NormalizedType::Kind::Time)),
        column(QStringLiteral("stamp"), NormalizedType(NormalizedType::Kind::Timestamp)),
        column(QStringLiteral("stamp tz"), NormalizedType(NormalizedType::Kind::TimestampTz)),
        column(QStringLiteral("uuid"), NormalizedType(NormalizedType::Kind::Uuid)),
        column(QStringLiteral("doc"), NormalizedType(NormalizedType::Kind::Json)),
        column(QStringLiteral("data"), NormalizedType(NormalizedType::Kind::Blob))};
    t.primaryKey = {QStringLiteral("my id")};
    return t;
}

QStringList TargetSessionConformance::columns()
{
    QStringList names;
    for (const ColumnInfo &c : table().columns)
        names.append(c.name);
    return names;
}

QList<QVariantList> TargetSessionConformance::rows()
{
    return {
        {qint64(1), std::numeric_limits<qint64>::max(),
         QStringLiteral("1234567890123456789012345678.1234567890"), QStringLiteral("12.50"),
         1.0 / 3.0, QStringLiteral("tab\there\nnew line\r\\back\\slash \\N"), true,
         QStringLiteral("2024-02-29"), QStringLiteral("10:30:00.123456"),
         QStringLiteral("2024-02-29T10:30:00.123456"),
         QStringLiteral("2024-02-29T10:30:00.123456Z"),
         QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e"),
         QStringLiteral("{\"a\": [1, 2.5, \"x\"]}"), allBytes()},
        {qint64(2), std::numeric_limits<qint64>::min(), QStringLiteral("-0.0000000001"),
         QStringLiteral("0.10"), 1e-300, QStringLiteral("Zürich — 東京 ✓ ''quoted''"), false,
         QStringLiteral("0001-01-01"), QStringLiteral("00:00:00"),
         QStringLiteral("1999-12-31T23:59:59"), QStringLiteral("1970-01-01T00:00:00Z"),
         QStringLiteral("00000000-0000-0000-0000-000000000000"), QStringLiteral("[]"),
         QByteArray()},
        {qint64(3), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(),
         QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant(), QVariant()},
    };
}

QList<QVariantList> TargetSessionConformance::readAll() const
{
    const QString select =
        m_selectList.isEmpty() ? QStringLiteral("*") : m_selectList.join(QStringLiteral(", "));
    auto result = m_session->query(
        QStringLiteral("SELECT %1 FROM %2 ORDER BY 1").arg(select, m_session->quote(tableName())));
    if (!result) {
        qWarning("%s", qPrintable(result.error().toString()));
        return {};
    }
    return *result;
}

qint64 TargetSessionConformance::count(const QString &tableName) const
{
    auto result = m_session->query(
        QStringLiteral("SELECT COUNT(*) FROM %1").arg(m_session->quote(tableName)));
    return result ? result->value(0).value(0).toLongLong() : -1;
}

QString TargetSessionConformance::createTable()
{
    auto created = m_session->execute(DdlGenerator::createTable(table(), m_session->kind()));
    CONFORMANCE_VERIFY2(created.ok(), CONFORMANCE_ERROR(created));
    return {};
}

QString TargetSessionConformance::roundTripsEveryType(const CellAdjuster &adjust)
{
    CONFORMANCE_VERIFY(m_session->begin().ok());
    CONFORMANCE_VERIFY(m_session->inTransaction());
    auto written = m_session->insertRows(tableName(), columns(), rows());
    CONFORMANCE_VERIFY2(written.ok(), CONFORMANCE_ERROR(written));
    CONFORMANCE_COMPARE(*written, qint64(3));
    CONFORMANCE_VERIFY(m_session->commit().ok());
    CONFORMANCE_VERIFY(!m_session->inTransaction());

    const QList<QVariantList> read = readAll();
    CONFORMANCE_COMPARE(read.size(), 3);
    const QList<QVariantList> expected = rows();
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < expected.at(r).size(); ++c) {
            QVariant want = expected.at(r).at(c);
            QVariant got = read.at(r).at(c);
            if (adjust) {
                const QString cellFailure = adjust(c, want, got);
                if (!cellFailure.isEmpty())
                    return QStringLiteral("row %1 column %2: %3")
                        .arg(r)
                        .arg(columns().at(c), cellFailure);
            }
            CONFORMANCE_VERIFY2(got == want && got.isNull() == want.isNull(),
                                QStringLiteral("row %1 column %2: %3 (%5 %6) != %4")
                                    .arg(r)
                                    .arg(columns().at(c), got.toString(), want.toString(),
                                         QString::fromLatin1(got.typeName()))
                                    .arg(got.isNull()));
        }
    }
    CONFORMANCE_COMPARE(read.at(0).at(4).toDouble(), 1.0 / 3.0);
    CONFORMANCE_COMPARE(read.at(1).at(4).toDouble(), 1e-300);
    return {};
}

QString TargetSessionConformance::upsertChangesOnlyTheRightRows()
{
    const QString table = tableName();
    const QStringList cols = {QStringLiteral("my id"), QStringLiteral("label"),
                              QStringLiteral("big")};
    auto done = m_session->upsertRows(table, cols, {QStringLiteral("my id")},
                                      {{qint64(2), QStringLiteral("changed"), qint64(7)},
                                       {qint64(4), QStringLiteral("new"), qint64(8)}});
    CONFORMANCE_VERIFY2(done.ok(), CONFORMANCE_ERROR(done));
    const QList<QVariantList> read = readAll();
    CONFORMANCE_COMPARE(read.size(), 4);
    CONFORMANCE_COMPARE(read.at(0), rows().at(0).mid(0, 6) + read.at(0).mid(6)); // untouched
    CONFORMANCE_COMPARE(read.at(0).at(5).toString(), rows().at(0).at(5).toString());
    CONFORMANCE_COMPARE(read.at(1).at(5).toString(), QStringLiteral("changed"));
    CONFORMANCE_COMPARE(read.at(1).at(1).toLongLong(), qint64(7));
    CONFORMANCE_COMPARE(read.at(1).at(7).toString(),
                        QStringLiteral("0001-01-01")); // not in the upsert
    CONFORMANCE_COMPARE(read.at(3).at(5).toString(), QStringLiteral("new"));
    // Key columns only: existing rows stay, new ones arrive.
    auto keysOnly = m_session->upsertRows(table, {QStringLiteral("my id")},
                                          {QStringLiteral("my id")}, {{qint64(2)}, {qint64(5)}});
    CONFORMANCE_VERIFY(keysOnly.ok());
    CONFORMANCE_COMPARE(count(table), qint64(5));
    CONFORMANCE_COMPARE(readAll().at(1).at(5).toString(), QStringLiteral("changed"));
    return {};
}

QString TargetSessionConformance::rollbackLeavesNothing()
{
    const QString table = tableName();
    const qint64 before = count(table);
    CONFORMANCE_VERIFY(m_session->begin().ok());
    CONFORMANCE_VERIFY(
        m_session->insertRows(table, {QStringLiteral("my id")}, {{qint64(100)}}).ok());
    CONFORMANCE_VERIFY(m_session->rollback().ok());
    CONFORMANCE_COMPARE(count(table), before);
    // A failing row is reported with the table's name.
    CONFORMANCE_VERIFY(m_session->begin().ok());
    auto duplicate =
        m_session->insertRows(table, {QStringLiteral("my id")}, {{qint64(200)}, {qint64(1)}});
    CONFORMANCE_VERIFY(!duplicate.ok());
    CONFORMANCE_VERIFY(duplicate.error().message().contains(table));
    CONFORMANCE_VERIFY(m_session->rollback().ok());
    CONFORMANCE_COMPARE(count(table), before);
    return {};
}

QString
TargetSessionConformance::executeAndQueryBindParameters(const QString &nullTest,
                                                        std::optional<Error::Code> badStatementCode)
{
    auto rowsFound = m_session->query(QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ? AND %4")
                                          .arg(m_session->quote(QStringLiteral("label")),
                                               m_session->quote(tableName()),
                                               m_session->quote(QStringLiteral("my id")), nullTest),
                                      {qint64(2), QVariant()});
    CONFORMANCE_VERIFY(rowsFound.ok());
    CONFORMANCE_COMPARE(rowsFound->size(), 1);
    CONFORMANCE_COMPARE(rowsFound->first().first().toString(), QStringLiteral("changed"));
    auto bad = m_session->execute(QStringLiteral("SELECT * FROM no_such_table"));
    CONFORMANCE_VERIFY(!bad.ok());
    if (badStatementCode)
        CONFORMANCE_COMPARE(bad.error().code(), *badStatementCode);
    return {};
}

QString TargetSessionConformance::largeInsertCompletes(const QString &createSql)
{
    CONFORMANCE_VERIFY(m_session->execute(createSql).ok());
    QList<QVariantList> batch;
    for (qint64 i = 0; i < 50000; ++i)
        batch.append({i, QStringLiteral("name %1").arg(i), double(i) / 7.0});
    QElapsedTimer timer;
    timer.start();
    CONFORMANCE_VERIFY(m_session->begin().ok());
    auto written = m_session->insertRows(
        QStringLiteral("big"),
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("amount")}, batch);
    CONFORMANCE_VERIFY(written.ok());
    CONFORMANCE_VERIFY(m_session->commit().ok());
    CONFORMANCE_COMPARE(*written, qint64(50000));
    CONFORMANCE_COMPARE(count(QStringLiteral("big")), qint64(50000));
    qInfo("50,000 rows in %lld ms", timer.elapsed());
    return {};
}

QString TargetSessionConformance::lostConnectionIsReportedAsSuch(const QString &secret)
{
    auto written =
        m_session->insertRows(QStringLiteral("big"), {QStringLiteral("id")}, {{qint64(70000)}});
    CONFORMANCE_VERIFY(!written.ok());
    CONFORMANCE_COMPARE(written.error().code(), Error::Code::Connection);
    CONFORMANCE_VERIFY2(written.error().message().contains(QStringLiteral("connection was lost")),
                        written.error().toString());
    if (!secret.isEmpty())
        CONFORMANCE_VERIFY(!written.error().toString().contains(secret));
    return {};
}

} // namespace cutover::test
