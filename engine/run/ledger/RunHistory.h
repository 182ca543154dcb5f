#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"
#include "project/Project.h"
#include "run/ledger/QuarantineExport.h"
#include "run/ledger/QuarantineFilter.h"
#include "run/ledger/QuarantineReader.h"
#include "run/ledger/RunLedger.h"
#include "run/ledger/RunRecord.h"
#include "run/target/TargetSession.h"
#include "transform/QuarantinedRow.h"

#include <QList>
#include <memory>
#include <optional>

namespace cutover {

class PasswordProvider;

// A project's run ledger, read from its target database: the run history (`cutover-cli runs`),
// one run by its id or an unambiguous prefix of it (like git), and the quarantine of the
// project's runs. It opens the target and reads through RunLedger, but never creates the ledger:
// a target without one has no runs yet. The connection belongs to the thread that calls open().
class RunHistory
{
public:
    explicit RunHistory(Project project, const PasswordProvider *passwords = nullptr);
    ~RunHistory();

    // The project's target connection, parsed (relative paths against the project's folder).
    static Result<ConnectionSpec> targetSpec(const Project &project);
    // The run whose id is idOrPrefix, or the one run whose id starts with it (case-insensitive).
    static Result<RunRecord> match(const QList<RunRecord> &runs, const QString &idOrPrefix,
                                   const QString &where = {});

    const Project &project() const { return m_project; }
    const ConnectionSpec &spec() const { return m_spec; }
    // "project (target)", for the where() of errors.
    QString where() const;

    // Opens the target (again after close()); the other calls open it when needed.
    Result<void> open();
    void close();
    bool isOpen() const { return m_session != nullptr; }
    // The open session and its ledger; call open() first.
    TargetSession &session() { return *m_session; }
    RunLedger &ledger() { return *m_ledger; }

    // Whether the target holds the ledger's tables at all.
    Result<bool> hasLedger();
    // The project's runs, newest first, each with its tables.
    Result<QList<RunRecord>> runs();
    Result<RunRecord> find(const QString &idOrPrefix);
    // The quarantined rows of the project's runs, optionally of one run and/or one table.
    Result<QList<QuarantinedRow>> quarantine(const std::optional<QString> &runId = std::nullopt,
                                             const std::optional<QString> &table = std::nullopt);
    // The same a piece at a time (QuarantineReader), for the quarantine browser: how many rows
    // the filter selects, and a page of them after the row `after` (nullptr: the first page)
    // in the sort's order. The filter's project is always this project. No ledger: no rows.
    Result<qint64> quarantineCount(QuarantineFilter filter);
    Result<QList<QuarantinedRow>> quarantinePage(QuarantineFilter filter,
                                                 const QuarantinedRow *after, int limit,
                                                 const QuarantineSort &sort = {});
    // Writes the rows the filter selects to file as `cutover-cli quarantine --export` does
    // (QuarantineExport: CSV, or JSON for a .json file), streamed; the number of rows written.
    Result<qint64> exportQuarantine(QuarantineFilter filter, const QString &file,
                                    const QuarantineExport::Progress &progress = {});

private:
    // The reader when the target holds a ledger, else nullptr (reading must not create one).
    Result<QuarantineReader *> quarantineReader();

    Project m_project;
    const PasswordProvider *m_passwords;
    ConnectionSpec m_spec;
    std::unique_ptr<TargetSession> m_session;
    std::unique_ptr<RunLedger> m_ledger;
    std::unique_ptr<QuarantineReader> m_quarantine;
};

} // namespace cutover
