#include "runbook/AdvisorMeasurements.h"

#include "connect/introspect/IntrospectorFactory.h"
#include "run/ledger/RunHistory.h"
#include "source/RowSourceFactory.h"
#include "source/SourceCounter.h"

#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <utility>

namespace cutover {

namespace {

constexpr double kBytesPerMb = 1024.0 * 1024.0;

// A run that moved the whole of its tables as the cutover will: finished, loaded, kept or
// rolled back afterwards (a rehearsal is often undone), not a dry run, sync or retry.
bool isRehearsal(const RunRecord &run)
{
    const bool finished = run.status == RunStatus::Succeeded || run.status == RunStatus::RolledBack;
    return finished && run.mode == RunMode::Run && !run.isRetry() && run.seconds() >= 0;
}

} // namespace

AdvisorMeasurements::AdvisorMeasurements(Project project, const PasswordProvider *passwords)
    : m_project(std::move(project))
    , m_passwords(passwords)
{}

Result<AdvisorAnswers> AdvisorMeasurements::fillIn(AdvisorAnswers answers) const
{
    if (answers.rows < 0 || answers.sizeMb < 0) {
        auto measured = volume();
        if (!measured)
            return measured.error();
        if (answers.rows < 0)
            answers.rows = measured->rows;
        if (answers.sizeMb < 0)
            answers.sizeMb = measured->sizeMb;
    }
    if (answers.rehearsalMinutes < 0) {
        auto minutes = rehearsalMinutes();
        if (!minutes)
            return minutes.error();
        answers.rehearsalMinutes = *minutes;
    }
    return answers;
}

Result<AdvisorMeasurements::Volume> AdvisorMeasurements::volume() const
{
    if (m_project.mappings.isEmpty())
        return Volume{};
    auto schema = sourceSchema();
    if (!schema)
        return schema.error();
    Volume total{0, 0};
    QSet<QString> measuredTables;
    for (const TableMapping &mapping : m_project.mappings) {
        if (!mapping.source.isEmpty() && measuredTables.contains(mapping.source))
            continue; // two targets fed from one table: its rows are read, and moved, once
        measuredTables.insert(mapping.source);
        auto part = mappingVolume(mapping, *schema);
        if (!part)
            return part.error();
        total.rows += part->rows;
        total.sizeMb += part->sizeMb;
    }
    return total;
}

Result<double> AdvisorMeasurements::rehearsalMinutes() const
{
    if (targetMissing())
        return -1.0;
    RunHistory history(m_project, m_passwords);
    auto runs = history.runs();
    if (!runs)
        return Error(runs.error().code(),
                     QStringLiteral("cannot read the run ledger for the last rehearsal: %1")
                         .arg(runs.error().message()),
                     runs.error().where(), runs.error().hint());
    return rehearsalMinutes(*runs);
}

double AdvisorMeasurements::rehearsalMinutes(const QList<RunRecord> &runs)
{
    QMap<QString, double> phaseSeconds;
    for (const RunRecord &run : runs) {
        if (!isRehearsal(run))
            continue;
        if (run.phase.isEmpty()) {
            if (phaseSeconds.isEmpty())
                return run.seconds() / 60.0;
            continue;
        }
        if (!phaseSeconds.contains(run.phase))
            phaseSeconds.insert(run.phase, run.seconds());
    }
    if (phaseSeconds.isEmpty())
        return -1;
    double seconds = 0;
    for (double s : std::as_const(phaseSeconds))
        seconds += s;
    return seconds / 60.0;
}

double AdvisorMeasurements::estimatedRowBytes(const TableInfo &table)
{
    double bytes = 0;
    for (const ColumnInfo &column : table.columns)
        bytes += estimatedValueBytes(column.type);
    return bytes;
}

int AdvisorMeasurements::estimatedValueBytes(const NormalizedType &type)
{
    using Kind = NormalizedType::Kind;
    switch (type.kind()) {
    case Kind::Boolean:
        return 1;
    case Kind::Date:
        return 4;
    case Kind::Integer:
    case Kind::Real:
    case Kind::Time:
    case Kind::Timestamp:
    case Kind::TimestampTz:
        return 8;
    case Kind::Decimal:
        return type.precision() > 0 ? type.precision() / 2 + 2 : 8;
    case Kind::Uuid:
        return 16;
    case Kind::Text:
        return type.length() > 0 ? std::min(type.length(), kTextBytes) : kTextBytes;
    case Kind::Json:
    case Kind::Blob:
        return kDocumentBytes;
    case Kind::Unknown:
        break;
    }
    return kUnknownBytes;
}

Result<DatabaseSchema> AdvisorMeasurements::sourceSchema() const
{
    auto spec = RowSourceFactory::sourceSpec(m_project);
    if (!spec)
        return spec.error();
    auto schema = IntrospectorFactory::create(*spec, m_passwords)->introspect();
    if (!schema)
        return Error(
            schema.error().code(),
            QStringLiteral("cannot measure the source's tables: %1").arg(schema.error().message()),
            schema.error().where(), schema.error().hint());
    return schema;
}

Result<AdvisorMeasurements::Volume>
AdvisorMeasurements::mappingVolume(const TableMapping &mapping, const DatabaseSchema &schema) const
{
    if (mapping.source.isEmpty()) {
        auto rows = countRows(mapping);
        if (!rows)
            return rows.error();
        const double rowBytes = double(mapping.columns.size()) * kUnknownBytes;
        return Volume{*rows, double(*rows) * rowBytes / kBytesPerMb};
    }
    const TableInfo *table = schema.table(mapping.source);
    if (!table)
        return Error(Error::Code::Schema,
                     QStringLiteral("the source has no table '%1', which the mapping of '%2' "
                                    "reads")
                         .arg(mapping.source, mapping.target),
                     m_project.name,
                     QStringLiteral("correct the mapping's source table, or check that the "
                                    "source connection is the right database"));
    qint64 rows = table->rowEstimate;
    if (rows < 0) {
        auto counted = countRows(mapping);
        if (!counted)
            return counted.error();
        rows = *counted;
    }
    return Volume{rows, double(rows) * estimatedRowBytes(*table) / kBytesPerMb};
}

Result<qint64> AdvisorMeasurements::countRows(const TableMapping &mapping) const
{
    auto counts = SourceCounter::count(m_project, mapping, RowQuery{}, m_passwords);
    if (!counts)
        return counts.error();
    return counts->all;
}

// Opening a SQLite target creates the file; measuring must not leave one behind.
bool AdvisorMeasurements::targetMissing() const
{
    auto spec = RunHistory::targetSpec(m_project);
    return spec && spec->kind() == ConnectionSpec::Kind::Sqlite && !QFileInfo::exists(spec->path());
}

} // namespace cutover
