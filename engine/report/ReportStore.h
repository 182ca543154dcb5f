#pragma once

#include "core/Result.h"
#include "reconcile/ReconcileReport.h"
#include "report/StoredReport.h"

#include <QList>
#include <optional>

namespace cutover {

class TargetSession;

// Keeps reconciliation reports with their run in the target database, next to the run ledger:
//   cutover_reports(report_id, run_id, project, created_at, status, report_json)
// The report is kept whole as JSON text (ReconcileReportJson; LONGTEXT on MySQL), so a later
// report can be compared with an earlier one; the other columns are for listing. Timestamps are
// ISO 8601 text in UTC, like the ledger's.
class ReportStore
{
public:
    static QString tableName();

    explicit ReportStore(TargetSession &session);

    // Creates the table when missing; call it outside a transaction (MySQL commits on DDL).
    Result<void> ensureTable();
    // Whether the table exists (reading never creates it).
    Result<bool> exists();

    // Stores the report; saving the same report id again replaces it.
    Result<void> save(const ReconcileReport &report);
    // The project's reports, newest first.
    Result<QList<StoredReport>> list(const QString &project);
    // The report whose id is idOrPrefix, or the one whose id starts with it (case-insensitive);
    // only among the project's reports when project is given.
    Result<ReconcileReport> load(const QString &idOrPrefix, const QString &project = {});
    // The project's newest report made before the report beforeReportId.
    Result<std::optional<ReconcileReport>> previous(const QString &project,
                                                    const QString &beforeReportId);

private:
    QString q(const QString &identifier) const;
    QString createSql() const;
    Error failure(const QString &what, const Error &cause) const;
    Result<QList<StoredReport>> select(const QString &where, const QVariantList &params);
    Result<QString> matchId(const QString &idOrPrefix, const QString &project);
    Result<ReconcileReport> loadExact(const QString &reportId);

    TargetSession &m_session;
};

} // namespace cutover
