#include "report/ReportStore.h"

#include "report/ReconcileReportJson.h"
#include "run/ledger/LedgerTimestamp.h"
#include "run/target/TargetPreparer.h"
#include "run/target/TargetSession.h"

namespace cutover {

namespace {

const QString kTable = QStringLiteral("cutover_reports");
const QStringList kColumns = {QStringLiteral("report_id"), QStringLiteral("run_id"),
                              QStringLiteral("project"),   QStringLiteral("created_at"),
                              QStringLiteral("status"),    QStringLiteral("report_json")};

QString text(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromUtf8(value.toByteArray());
    return value.toString();
}

} // namespace

QString ReportStore::tableName()
{
    return kTable;
}

ReportStore::ReportStore(TargetSession &session)
    : m_session(session)
{}

QString ReportStore::q(const QString &identifier) const
{
    return m_session.quote(identifier);
}

Error ReportStore::failure(const QString &what, const Error &cause) const
{
    return Error(cause.code(), QStringLiteral("cannot %1: %2").arg(what, cause.message()),
                 m_session.spec().displayName(), cause.hint());
}

// The same column types as the run ledger's: ids VARCHAR(36) and JSON as LONGTEXT on MySQL
// (TEXT cannot be a key there, and a report outgrows TEXT's 64 KB), TEXT elsewhere.
QString ReportStore::createSql() const
{
    const bool mysql = m_session.kind() == ConnectionSpec::Kind::MySql;
    const QString id = mysql ? QStringLiteral("VARCHAR(36)") : QStringLiteral("TEXT");
    const QString time = mysql ? QStringLiteral("VARCHAR(40)") : QStringLiteral("TEXT");
    const QString json = mysql ? QStringLiteral("LONGTEXT") : QStringLiteral("TEXT");
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (%2 %3 NOT NULL, %4 %3, %5 TEXT NOT NULL, "
                          "%6 %7 NOT NULL, %8 TEXT NOT NULL, %9 %10 NOT NULL, PRIMARY KEY (%2))")
        .arg(q(kTable), q(kColumns[0]), id, q(kColumns[1]), q(kColumns[2]), q(kColumns[3]), time,
             q(kColumns[4]), q(kColumns[5]))
        .arg(json);
}

Result<void> ReportStore::ensureTable()
{
    if (m_session.kind() == ConnectionSpec::Kind::MySql && m_session.inTransaction())
        return Error(Error::Code::Internal,
                     QStringLiteral("the reports table must be created outside a transaction"),
                     m_session.spec().displayName());
    if (auto created = m_session.execute(createSql()); !created)
        return failure(QStringLiteral("create the table %1").arg(kTable), created.error());
    return {};
}

Result<bool> ReportStore::exists()
{
    auto columns = TargetPreparer::existingColumns(m_session, kTable);
    if (!columns)
        return columns.error();
    return !columns->isEmpty();
}

Result<void> ReportStore::save(const ReconcileReport &report)
{
    if (report.reportId.isEmpty())
        return Error(Error::Code::Internal,
                     QStringLiteral("a report without an id cannot be stored"), report.project);
    if (auto ready = ensureTable(); !ready)
        return ready.error();
    const QVariantList row = {report.reportId,
                              report.runId.isEmpty() ? QVariant() : QVariant(report.runId),
                              report.project,
                              LedgerTimestamp::of(report.createdAt),
                              reconcileStatusName(report.status),
                              QString::fromUtf8(ReconcileReportJson::toCompactBytes(report))};
    auto written = m_session.upsertRows(kTable, kColumns, {kColumns[0]}, {row});
    if (!written)
        return failure(QStringLiteral("store report %1").arg(report.reportId), written.error());
    return {};
}

Result<QList<StoredReport>> ReportStore::select(const QString &where, const QVariantList &params)
{
    auto present = exists();
    if (!present)
        return present.error();
    if (!*present)
        return QList<StoredReport>();
    const QString sql = QStringLiteral("SELECT %1, %2, %3, %4, %5 FROM %6 WHERE %7 ORDER BY %4 "
                                       "DESC, %1 DESC")
                            .arg(q(kColumns[0]), q(kColumns[1]), q(kColumns[2]), q(kColumns[3]),
                                 q(kColumns[4]), q(kTable), where);
    auto rows = m_session.query(sql, params);
    if (!rows)
        return failure(QStringLiteral("read the stored reports"), rows.error());
    QList<StoredReport> result;
    for (const QVariantList &row : std::as_const(*rows)) {
        StoredReport r;
        r.reportId = text(row.value(0));
        r.runId = text(row.value(1));
        r.project = text(row.value(2));
        r.createdAt = LedgerTimestamp::parse(row.value(3));
        r.status = reconcileStatusFromName(text(row.value(4))).value_or(ReconcileStatus::Fail);
        result.append(r);
    }
    return result;
}

Result<QList<StoredReport>> ReportStore::list(const QString &project)
{
    return select(q(kColumns[2]) + QStringLiteral(" = ?"), {project});
}

Result<QString> ReportStore::matchId(const QString &idOrPrefix, const QString &project)
{
    const QString wanted = idOrPrefix.trimmed();
    const QString hint = QStringLiteral("list the reports with 'cutover-cli reports PROJECT'");
    if (wanted.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no report id given"), project, hint);
    auto all = project.isEmpty() ? select(QStringLiteral("1 = 1"), {}) : list(project);
    if (!all)
        return all.error();
    QStringList found;
    for (const StoredReport &r : std::as_const(*all)) {
        if (r.reportId.compare(wanted, Qt::CaseInsensitive) == 0)
            return r.reportId;
        if (r.reportId.startsWith(wanted, Qt::CaseInsensitive))
            found.append(r.reportId);
    }
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no stored report '%1'").arg(wanted),
                     project, hint);
    return Error(Error::Code::Usage,
                 QStringLiteral("the report id '%1' is ambiguous: it starts %2")
                     .arg(wanted, found.join(QStringLiteral(", "))),
                 project, QStringLiteral("give more of the report id"));
}

Result<ReconcileReport> ReportStore::loadExact(const QString &reportId)
{
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                            .arg(q(kColumns[5]), q(kTable), q(kColumns[0]));
    auto rows = m_session.query(sql, {reportId});
    if (!rows)
        return failure(QStringLiteral("read report %1").arg(reportId), rows.error());
    if (rows->isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no stored report '%1'").arg(reportId),
                     m_session.spec().displayName());
    auto report = ReconcileReportJson::fromBytes(text(rows->first().value(0)).toUtf8());
    if (!report)
        return Error(report.error().code(),
                     QStringLiteral("stored report %1 is damaged: %2")
                         .arg(reportId, report.error().message()),
                     m_session.spec().displayName());
    return report;
}

Result<ReconcileReport> ReportStore::load(const QString &idOrPrefix, const QString &project)
{
    auto id = matchId(idOrPrefix, project);
    if (!id)
        return id.error();
    return loadExact(*id);
}

// A report not stored (--no-store) is newer than every stored one, so the newest is its previous.
Result<std::optional<ReconcileReport>> ReportStore::previous(const QString &project,
                                                             const QString &beforeReportId)
{
    auto all = list(project);
    if (!all)
        return all.error();
    qsizetype next = 0;
    for (qsizetype i = 0; i < all->size(); ++i)
        if (all->at(i).reportId == beforeReportId)
            next = i + 1;
    if (next >= all->size())
        return std::optional<ReconcileReport>();
    auto report = loadExact(all->at(next).reportId);
    if (!report)
        return report.error();
    return std::optional<ReconcileReport>(std::move(report.value()));
}

} // namespace cutover
