#include "ReportsCommand.h"

#include "CommandLine.h"
#include "ReconcilePrinter.h"
#include "ReportExporter.h"
#include "core/JsonWriter.h"
#include "project/ProjectReader.h"
#include "report/ReportStore.h"
#include "run/ledger/LedgerTimestamp.h"
#include "run/ledger/RunHistory.h"

#include <QJsonArray>
#include <QJsonObject>

namespace cutover::cli {

namespace {

QJsonObject listJson(const QString &project, const QList<StoredReport> &reports)
{
    QJsonArray items;
    for (const StoredReport &r : reports)
        items.append(
            QJsonObject{{QStringLiteral("reportId"), r.reportId},
                        {QStringLiteral("runId"),
                         r.runId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.runId)},
                        {QStringLiteral("createdAt"), LedgerTimestamp::of(r.createdAt)},
                        {QStringLiteral("status"), reconcileStatusName(r.status)}});
    return {{QStringLiteral("project"), project}, {QStringLiteral("reports"), items}};
}

} // namespace

int ReportsCommand::run(CliContext &context)
{
    CommandLine line(
        name(), QStringLiteral("Lists the reconciliation reports kept in the project's target "
                               "(cutover_reports), newest first: id, date, status and run. "
                               "--show exports one again, compared with the report before it.\n"
                               "Exit code 0, 2 on a usage error or an unknown report, 3 when the "
                               "project, the target or the file cannot be read or written."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("show"),
                    QStringLiteral("The report to export (a report id or the start of one)."),
                    QStringLiteral("ID")});
    ReportExporter::addOptions(line.parser());
    line.addOption({QStringLiteral("json"), QStringLiteral("Print the list as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    const auto choice = ReportExporter::choose(context, parser, name());
    if (!choice)
        return UsageError;
    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());
    RunHistory history(*project, context.passwords);
    if (auto opened = history.open(); !opened)
        return fail(context, opened.error());
    ReportStore store(history.session());
    if (!parser.isSet(QStringLiteral("show"))) {
        auto reports = store.list(project->name);
        if (!reports)
            return fail(context, reports.error());
        if (parser.isSet(QStringLiteral("json")))
            context.out << QString::fromUtf8(JsonWriter().write(listJson(project->name, *reports)));
        else
            ReconcilePrinter(context.out)
                .list(project->name, history.spec().displayName(), *reports);
        context.out.flush();
        return Ok;
    }
    auto report = store.load(parser.value(QStringLiteral("show")), project->name);
    if (!report)
        return fail(context, report.error());
    auto previous = store.previous(project->name, report->reportId);
    if (!previous)
        return fail(context, previous.error());
    const ReportComparison comparison(std::move(*previous));
    if (!choice->format || !choice->file.isEmpty())
        ReconcilePrinter(context.out).summary(*report);
    if (auto delivered = ReportExporter::deliver(context, *choice, *report, comparison); !delivered)
        return fail(context, delivered.error());
    if (!choice->file.isEmpty())
        context.out << "wrote " << choice->file << Qt::endl;
    return Ok;
}

} // namespace cutover::cli
