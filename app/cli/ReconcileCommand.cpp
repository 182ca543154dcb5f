#include "ReconcileCommand.h"

#include "CliAudit.h"
#include "CommandLine.h"
#include "ReconcilePrinter.h"
#include "ReportExporter.h"
#include "project/ProjectReader.h"
#include "reconcile/Reconciler.h"
#include "report/ReportStore.h"
#include "run/ledger/RunHistory.h"

#include <QThread>
#include <atomic>
#include <csignal>

namespace cutover::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onReconcileInterrupt(int)
{
    g_interrupted = true;
}

int usage(CliContext &context, const QString &message)
{
    context.err << "cutover-cli reconcile: " << message << Qt::endl
                << "Try 'cutover-cli reconcile --help'." << Qt::endl;
    return UsageError;
}

std::optional<qint64> number(CliContext &context, const QCommandLineParser &parser,
                             const QString &name)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 0) {
        usage(context, QStringLiteral("--%1 wants a whole number of at least 0, not '%2'")
                           .arg(name, parser.value(name)));
        return std::nullopt;
    }
    return value;
}

std::optional<ReconcileOptions::Method> method(const QString &name)
{
    if (name == QLatin1String("auto"))
        return ReconcileOptions::Method::Auto;
    if (name == QLatin1String("exact"))
        return ReconcileOptions::Method::Exact;
    if (name == QLatin1String("checksums"))
        return ReconcileOptions::Method::Checksums;
    return std::nullopt;
}

void addOptions(CommandLine &line)
{
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("table"),
                    QStringLiteral("Reconcile only this target table (repeatable)."),
                    QStringLiteral("T")});
    line.addOption({QStringLiteral("run"),
                    QStringLiteral("The run whose ledger and quarantine to check (a run id or "
                                   "the start of one; default: the newest)."),
                    QStringLiteral("R")});
    line.addOption({QStringLiteral("whole"),
                    QStringLiteral("Expect every row of the project, even while only some of "
                                   "its phases are loaded (by default the rows of the phases "
                                   "loaded so far).")});
    ReportExporter::addOptions(line.parser());
    line.addOption({QStringLiteral("no-mask"),
                    QStringLiteral("Show the values of sensitive columns in samples.")});
    line.addOption({QStringLiteral("sample"),
                    QStringLiteral("Rows per table compared field by field and listed (default: "
                                   "the project's reconcile.sampleRows)."),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("seed"),
                    QStringLiteral("Seed picking the sample (default: reconcile.seed)."),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("method"),
                    QStringLiteral("auto (a SQLite table the last run loaded whole: its run "
                                   "digests; PostgreSQL and MySQL: checksums; else exact), "
                                   "exact (stream and merge every row) or checksums."),
                    QStringLiteral("METHOD")});
    line.addOption({QStringLiteral("no-store"),
                    QStringLiteral("Do not keep the report in the target (cutover_reports).")});
}

} // namespace

int ReconcileCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral(
            "Proves what arrived: the source passed through the mapping (the run's own transforms, "
            "conversions and rules) is compared with the target, keyed by the target key. Per "
            "table: counts, missing, extra and modified rows, column profiles, duplicates, "
            "orphaned references, rule violations, a seeded random sample and the run's row "
            "ledger, with a status from the project's reconcile thresholds. The report is kept "
            "with its run in the target and compared with the previous one.\n"
            "Prints a summary per table, or the export on stdout with --format and no -o.\n"
            "Exit code 0 on Pass, 1 on Fail or Needs review, 2 on a usage error, 3 when a "
            "connection or a file cannot be opened."));
    addOptions(line);
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    const auto choice = ReportExporter::choose(context, parser, name());
    if (!choice)
        return UsageError;
    auto reconcileOptions = options(context, parser);
    if (!reconcileOptions)
        return UsageError;
    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());
    if (parser.isSet(QStringLiteral("run"))) {
        RunHistory history(*project, context.passwords);
        auto run = history.find(parser.value(QStringLiteral("run")));
        if (!run)
            return fail(context, run.error());
        reconcileOptions->runId = run->runId;
    }
    auto report = reconcile(context, *project, *reconcileOptions);
    if (!report)
        return fail(context, report.error());
    const ReportComparison comparison =
        storeAndCompare(context, *project, *report, reconcileOptions->store);
    CliAudit::reconcile(context, parser.positionalArguments().first(), *report);
    if (!choice->format || !choice->file.isEmpty())
        ReconcilePrinter(context.out).summary(*report);
    if (auto delivered = ReportExporter::deliver(context, *choice, *report, comparison); !delivered)
        return fail(context, delivered.error());
    if (!choice->file.isEmpty())
        context.out << "wrote " << choice->file << Qt::endl;
    return report->status == ReconcileStatus::Pass ? Ok : CheckFailed;
}

std::optional<ReconcileOptions> ReconcileCommand::options(CliContext &context,
                                                          const QCommandLineParser &parser)
{
    ReconcileOptions o;
    o.tables = parser.values(QStringLiteral("table"));
    o.wholeProject = parser.isSet(QStringLiteral("whole"));
    o.mask = !parser.isSet(QStringLiteral("no-mask"));
    o.store = !parser.isSet(QStringLiteral("no-store"));
    if (parser.isSet(QStringLiteral("sample"))) {
        const auto rows = number(context, parser, QStringLiteral("sample"));
        if (!rows)
            return std::nullopt;
        o.sampleRows = int(std::min<qint64>(*rows, 1000000));
    }
    if (parser.isSet(QStringLiteral("seed"))) {
        const auto seed = number(context, parser, QStringLiteral("seed"));
        if (!seed)
            return std::nullopt;
        o.seed = quint64(*seed);
    }
    if (parser.isSet(QStringLiteral("method"))) {
        const auto m = method(parser.value(QStringLiteral("method")));
        if (!m) {
            usage(context, QStringLiteral("--method is auto, exact or checksums, not '%1'")
                               .arg(parser.value(QStringLiteral("method"))));
            return std::nullopt;
        }
        o.method = *m;
    }
    return o;
}

// The reconciler works on a thread of its own so that Ctrl-C can cancel it.
Result<ReconcileReport> ReconcileCommand::reconcile(CliContext &context, const Project &project,
                                                    const ReconcileOptions &options)
{
    ReconcilePrinter progress(context.err);
    Reconciler reconciler(project, context.passwords);
    reconciler.setProgress([&progress](const Reconciler::Progress &p) { progress.progress(p); });
    std::optional<Result<ReconcileReport>> result;
    std::unique_ptr<QThread> worker(
        QThread::create([&] { result.emplace(reconciler.run(options)); }));
    g_interrupted = false;
    auto previous = std::signal(SIGINT, onReconcileInterrupt);
    worker->start();
    bool cancelling = false;
    while (!worker->wait(100)) {
        if (g_interrupted && !cancelling) {
            cancelling = true;
            progress.notice(QStringLiteral("cancelling..."));
            reconciler.cancel();
        }
    }
    std::signal(SIGINT, previous);
    return std::move(*result);
}

ReportComparison ReconcileCommand::storeAndCompare(CliContext &context, const Project &project,
                                                   const ReconcileReport &report, bool store)
{
    RunHistory history(project, context.passwords);
    if (auto opened = history.open(); !opened) {
        if (store)
            context.err << "cutover-cli: report not stored: " << opened.error().toString()
                        << Qt::endl;
        return {};
    }
    ReportStore reports(history.session());
    if (store) {
        if (auto saved = reports.save(report); !saved)
            context.err << "cutover-cli: report not stored: " << saved.error().toString()
                        << Qt::endl;
    }
    auto previous = reports.previous(project.name, report.reportId);
    if (!previous) {
        context.err << "cutover-cli: cannot read the previous report: "
                    << previous.error().toString() << Qt::endl;
        return {};
    }
    return ReportComparison(std::move(*previous));
}

} // namespace cutover::cli
