#include "run/ledger/RunHistory.h"

#include "run/ledger/LedgerSchema.h"
#include "run/target/TargetSessionFactory.h"

namespace cutover {

RunHistory::RunHistory(Project project, const PasswordProvider *passwords)
    : m_project(std::move(project))
    , m_passwords(passwords)
{}

RunHistory::~RunHistory()
{
    close();
}

Result<ConnectionSpec> RunHistory::targetSpec(const Project &project)
{
    auto spec = project.targetSpec();
    if (spec && spec->kind() == ConnectionSpec::Kind::Csv)
        return Error(Error::Code::Usage,
                     QStringLiteral("the target is a CSV folder, which holds no run ledger"),
                     spec->url(), QStringLiteral("target a SQLite, PostgreSQL or MySQL database"));
    return spec;
}

Result<RunRecord> RunHistory::match(const QList<RunRecord> &runs, const QString &idOrPrefix,
                                    const QString &where)
{
    const QString wanted = idOrPrefix.trimmed();
    const QString hint = QStringLiteral("list the runs with 'cutover-cli runs PROJECT'");
    if (wanted.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no run id given"), where, hint);
    QList<RunRecord> found;
    for (const RunRecord &run : runs) {
        if (run.runId.compare(wanted, Qt::CaseInsensitive) == 0)
            return run;
        if (run.runId.startsWith(wanted, Qt::CaseInsensitive))
            found.append(run);
    }
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty())
        return Error(Error::Code::Usage, QStringLiteral("no run '%1' in the ledger").arg(wanted),
                     where, hint);
    QStringList ids;
    for (const RunRecord &run : std::as_const(found))
        ids.append(run.runId);
    return Error(Error::Code::Usage,
                 QStringLiteral("the run id '%1' is ambiguous: it starts %2")
                     .arg(wanted, ids.join(QStringLiteral(", "))),
                 where, QStringLiteral("give more of the run id"));
}

QString RunHistory::where() const
{
    return QStringLiteral("%1 (%2)").arg(m_project.name, m_spec.displayName());
}

Result<void> RunHistory::open()
{
    if (m_session)
        return {};
    auto spec = targetSpec(m_project);
    if (!spec)
        return spec.error();
    m_spec = *spec;
    auto session = TargetSessionFactory::open(m_spec, m_passwords);
    if (!session)
        return session.error();
    m_session = std::move(session.value());
    m_ledger = std::make_unique<RunLedger>(*m_session);
    m_quarantine = std::make_unique<QuarantineReader>(*m_session);
    return {};
}

void RunHistory::close()
{
    m_quarantine.reset();
    m_ledger.reset();
    m_session.reset();
}

Result<bool> RunHistory::hasLedger()
{
    if (auto opened = open(); !opened)
        return opened.error();
    return LedgerSchema(*m_session).exists();
}

Result<QList<RunRecord>> RunHistory::runs()
{
    auto present = hasLedger();
    if (!present)
        return present.error();
    if (!*present)
        return QList<RunRecord>();
    return m_ledger->runs(m_project.name);
}

Result<RunRecord> RunHistory::find(const QString &idOrPrefix)
{
    auto all = runs();
    if (!all)
        return all.error();
    return match(*all, idOrPrefix, where());
}

Result<QList<QuarantinedRow>> RunHistory::quarantine(const std::optional<QString> &runId,
                                                     const std::optional<QString> &table)
{
    auto present = hasLedger();
    if (!present)
        return present.error();
    if (!*present)
        return QList<QuarantinedRow>();
    return m_ledger->quarantineOf(m_project.name, runId, table);
}

Result<QuarantineReader *> RunHistory::quarantineReader()
{
    auto present = hasLedger();
    if (!present)
        return present.error();
    return *present ? m_quarantine.get() : nullptr;
}

Result<qint64> RunHistory::quarantineCount(QuarantineFilter filter)
{
    auto reader = quarantineReader();
    if (!reader)
        return reader.error();
    filter.project = m_project.name;
    return *reader ? (*reader)->count(filter) : Result<qint64>(0);
}

Result<QList<QuarantinedRow>> RunHistory::quarantinePage(QuarantineFilter filter,
                                                         const QuarantinedRow *after, int limit,
                                                         const QuarantineSort &sort)
{
    auto reader = quarantineReader();
    if (!reader)
        return reader.error();
    filter.project = m_project.name;
    if (!*reader)
        return QList<QuarantinedRow>();
    return (*reader)->page(filter, after, limit, sort);
}

Result<qint64> RunHistory::exportQuarantine(QuarantineFilter filter, const QString &file,
                                            const QuarantineExport::Progress &progress)
{
    auto reader = quarantineReader();
    if (!reader)
        return reader.error();
    if (!*reader)
        return QuarantineExport::writeList(file, m_project.name, {});
    filter.project = m_project.name;
    QuarantineExport out(**reader, filter, m_project.name);
    out.setProgress(progress);
    return out.writeFile(file);
}

} // namespace cutover
