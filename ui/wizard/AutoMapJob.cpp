#include "wizard/AutoMapJob.h"

#include "automap/ProjectInitializer.h"
#include "automap/SqlSampleProvider.h"
#include "connect/SqlConnection.h"

#include <QSet>
#include <exception>
#include <memory>

namespace cutover {

AutoMapJob::Outcome AutoMapJob::run(const Input &input, const PasswordProvider *passwords)
{
    try {
        Outcome outcome = suggest(input, passwords);
        if (outcome.ok)
            addCreatable(input, outcome);
        return outcome;
    } catch (const std::exception &e) {
        Outcome failed;
        failed.error = Error(Error::Code::Internal, QString::fromLocal8Bit(e.what()));
        return failed;
    }
}

AutoMapJob::Outcome AutoMapJob::suggest(const Input &input, const PasswordProvider *passwords)
{
    Outcome outcome;
    std::unique_ptr<SqlConnection> connection;
    std::unique_ptr<SqlSampleProvider> samples;
    if (input.sampleSize > 0 && input.source.kind() != ConnectionSpec::Kind::Csv) {
        auto opened = SqlConnection::open(input.source, passwords);
        if (!opened) {
            outcome.error = opened.error();
            return outcome;
        }
        connection = std::move(*opened);
        samples = std::make_unique<SqlSampleProvider>(*connection);
    }
    AutoMapper::Options options;
    options.sampleSize = input.sampleSize;
    QStringList targets;
    for (const TableInfo &table : input.targetSchema.tables)
        if (!table.isView)
            targets << table.name;
    const AutoMapper mapper(input.sourceSchema, input.targetSchema, samples.get(), options);
    if (!targets.isEmpty())
        outcome.suggestions = mapper.suggest(targets);
    outcome.ok = true;
    return outcome;
}

void AutoMapJob::addCreatable(const Input &input, Outcome &outcome)
{
    QSet<QString> read;
    for (const auto &suggestion : std::as_const(outcome.suggestions))
        read.insert(suggestion.table.source);
    QStringList uncovered;
    for (const TableInfo &table : input.sourceSchema.tables)
        if (!table.isView && !read.contains(table.name))
            uncovered << table.name;
    if (uncovered.isEmpty())
        return;
    ProjectInitializer::Options init;
    init.only = uncovered;
    init.sourceKind = input.source.kind();
    init.names = ProjectInitializer::defaultCase(input.target.kind());
    auto built =
        ProjectInitializer(input.sourceSchema, input.targetSchema, input.target.kind(), init)
            .build();
    if (!built) {
        outcome.notices << built.error().toString();
        return;
    }
    outcome.notices << built->notices;
    // Only the tables the target lacks: the others are the user's to map by hand.
    for (const TableInfo &definition : std::as_const(built->project.targetTables))
        if (const TableMapping *mapping = built->project.mapping(definition.name)) {
            outcome.creatable.mappings.append(*mapping);
            outcome.creatable.targetTables.append(definition);
        }
}

} // namespace cutover
