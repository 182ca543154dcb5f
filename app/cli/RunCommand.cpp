#include "RunCommand.h"

#include "CliAudit.h"
#include "CommandLine.h"
#include "RunProgressPrinter.h"
#include "project/ProjectReader.h"
#include "run/RunControl.h"
#include "run/RunEngine.h"

#include <QThread>
#include <atomic>
#include <csignal>
#include <limits>
#include <unistd.h>

namespace cutover::cli {

namespace {

std::atomic<bool> g_interrupted{false};

// The first Ctrl-C (or SIGTERM, as from a scheduler or `kill`) stops at the next batch boundary;
// a second one leaves at once, which loses nothing either: every batch commits with its
// checkpoint, and the next run resumes after the last one.
extern "C" void onInterrupt(int)
{
    if (g_interrupted.exchange(true)) {
        static const char message[] = "\ncutover-cli run: stopped at once; run again to resume\n";
        (void)!write(STDERR_FILENO, message, sizeof message - 1);
        _exit(130);
    }
}

int usage(CliContext &context, const QString &message)
{
    context.err << "cutover-cli run: " << message << Qt::endl
                << "Try 'cutover-cli run --help'." << Qt::endl;
    return UsageError;
}

// Sets target to option name's value when it is given; false, after a usage error, when that
// is not a positive number target can hold.
template <typename T>
bool readPositive(CliContext &context, const QCommandLineParser &parser, const QString &name,
                  T &target)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < 1 || value > std::numeric_limits<T>::max()) {
        usage(
            context,
            QStringLiteral("--%1 wants a positive number, not '%2'").arg(name, parser.value(name)));
        return false;
    }
    target = T(value);
    return true;
}

// --max-error-rate: a share as 0.05 or 5%, or none.
bool readRate(CliContext &context, const QCommandLineParser &parser, std::optional<double> &rate)
{
    const QString name = QStringLiteral("max-error-rate");
    if (!parser.isSet(name))
        return true;
    QString text = parser.value(name).trimmed();
    if (text == QLatin1String("none")) {
        rate = -1;
        return true;
    }
    const bool percent = text.endsWith(QLatin1Char('%'));
    if (percent)
        text.chop(1);
    bool ok = false;
    const double value = text.toDouble(&ok) / (percent ? 100.0 : 1.0);
    if (!ok || !(value >= 0.0 && value <= 1.0)) {
        usage(context, QStringLiteral("--max-error-rate wants a share such as 0.05 or 5%, or "
                                      "none, not '%1'")
                           .arg(parser.value(name)));
        return false;
    }
    rate = value;
    return true;
}

// --max-quarantined: a count of rows, or none.
bool readCount(CliContext &context, const QCommandLineParser &parser, std::optional<int> &count)
{
    const QString name = QStringLiteral("max-quarantined");
    if (!parser.isSet(name))
        return true;
    const QString text = parser.value(name).trimmed();
    if (text == QLatin1String("none")) {
        count = -1;
        return true;
    }
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0) {
        usage(context, QStringLiteral("--max-quarantined wants a number of rows or none, not '%1'")
                           .arg(parser.value(name)));
        return false;
    }
    count = value;
    return true;
}

int exitCodeFor(RunStatus status)
{
    switch (status) {
    case RunStatus::Succeeded:
        return Ok;
    case RunStatus::Interrupted:
        return CannotConnect;
    default:
        return CheckFailed;
    }
}

} // namespace

int RunCommand::run(CliContext &context)
{
    CommandLine line(
        name(),
        QStringLiteral(
            "Runs the project's migration: reads each source table in batches, transforms, "
            "converts and checks every row, writes the good rows and quarantines the rest, "
            "committing each batch with its checkpoint. An interrupted run (killed, cancelled, "
            "connection lost), or one a threshold stopped, is resumed from its last checkpoint "
            "unless --fresh is given (refused while that run's rows are in insert-mode tables: "
            "roll it back first). "
            "Ctrl-C or SIGTERM stops at the next batch boundary; a second one stops at once "
            "(the next run resumes either way). One run at a time on a target: while another "
            "holds it, the run is refused at once, naming it.\n"
            "Exit code 0 when the run succeeded, 1 when it failed or was cancelled, 2 on a usage "
            "error, 3 when a connection could not be opened or was lost for good, 4 when another "
            "run is using the target."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("fresh"),
                    QStringLiteral("Start a new run even if the last one was interrupted.")});
    line.addOption({QStringLiteral("dry-run"),
                    QStringLiteral("Everything but the commit: rows are written and rolled back, "
                                   "bad rows are quarantined and reported.")});
    line.addOption({QStringLiteral("incremental"),
                    QStringLiteral("Copy only rows above each table's watermark since the last "
                                   "run, upserting.")});
    line.addOption({QStringLiteral("phase"),
                    QStringLiteral("Run only this phase's tables and filter."),
                    QStringLiteral("NAME")});
    line.addOption({QStringLiteral("table"),
                    QStringLiteral("Run only this target table (repeatable)."),
                    QStringLiteral("T")});
    line.addOption({QStringLiteral("retry-quarantined"),
                    QStringLiteral("Load only the rows earlier runs quarantined (after fixing the "
                                   "mapping or the source).")});
    line.addOption({QStringLiteral("schema-from"),
                    QStringLiteral("Create target tables missing from the target with their "
                                   "definition in this database (a connection URL)."),
                    QStringLiteral("URL")});
    line.addOption({QStringLiteral("drop-indexes"),
                    QStringLiteral("Drop secondary indexes for the load and rebuild them after.")});
    line.addOption({QStringLiteral("defer-foreign-keys"),
                    QStringLiteral("Check foreign keys after the load instead of per row.")});
    line.addOption({QStringLiteral("batch-size"),
                    QStringLiteral("Rows per batch (default: the project's batchSize)."),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("parallel"),
                    QStringLiteral("Tables loading at once (default: the project's "
                                   "parallelTables)."),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("commit-rows"),
                    QStringLiteral("SQLite targets: consecutive batches share a transaction up to "
                                   "N source rows (default %1).")
                        .arg(RunOptions().sqliteCommitRows),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("max-error-rate"),
                    QStringLiteral("This run's largest share of quarantined rows, for every table "
                                   "and for the whole run (0.05 or 5%, or none), instead of the "
                                   "project's maxErrorRate, maxRunErrorRate and the mappings' "
                                   "own."),
                    QStringLiteral("R")});
    line.addOption({QStringLiteral("max-quarantined"),
                    QStringLiteral("This run's largest number of quarantined rows in all (or "
                                   "none), instead of the project's maxQuarantined and the "
                                   "mappings' own."),
                    QStringLiteral("N")});
    line.addOption({QStringLiteral("no-backup"),
                    QStringLiteral("Do not back up a SQLite target first (rollback then cannot "
                                   "restore it).")});
    line.addOption({QStringLiteral("progress"),
                    QStringLiteral("bar (default on a terminal), plain (default otherwise) or json "
                                   "(one event per line)."),
                    QStringLiteral("STYLE")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QCommandLineParser &parser = line.parser();
    const auto runOptions = options(context, parser);
    if (!runOptions)
        return UsageError;
    RunProgressPrinter::Style style =
        isatty(STDOUT_FILENO) ? RunProgressPrinter::Style::Bar : RunProgressPrinter::Style::Plain;
    if (parser.isSet(QStringLiteral("progress"))) {
        const QString value = parser.value(QStringLiteral("progress"));
        if (value == QLatin1String("json"))
            style = RunProgressPrinter::Style::Json;
        else if (value == QLatin1String("plain"))
            style = RunProgressPrinter::Style::Plain;
        else if (value == QLatin1String("bar"))
            style = RunProgressPrinter::Style::Bar;
        else
            return usage(context,
                         QStringLiteral("--progress is bar, plain or json, not '%1'").arg(value));
    }

    auto project = ProjectReader::load(parser.positionalArguments().first());
    if (!project)
        return fail(context, project.error());

    RunProgressPrinter printer(context.out, style);
    RunEngine engine(*project, *runOptions, context.passwords);
    engine.setNotice([&printer](const QString &message) { printer.notice(message); });
    RunControl control;
    std::optional<Result<RunRecord>> result;
    std::unique_ptr<QThread> worker(QThread::create([&] { result = engine.run(control); }));
    g_interrupted = false;
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    worker->start();
    bool cancelling = false;
    while (!worker->wait(100)) {
        if (g_interrupted && !cancelling) {
            cancelling = true;
            printer.notice(
                QStringLiteral("stopping at the next batch boundary (again to stop at once)..."));
            control.cancel();
        }
        printer.progress(engine.progress());
    }
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    if (!*result)
        return fail(context, result->error());
    printer.progress(engine.progress());
    printer.finished(**result);
    CliAudit::run(context, parser.positionalArguments().first(), **result);
    return exitCodeFor((*result)->status);
}

std::optional<RunOptions> RunCommand::options(CliContext &context, const QCommandLineParser &parser)
{
    RunOptions o;
    const bool dry = parser.isSet(QStringLiteral("dry-run"));
    const bool incremental = parser.isSet(QStringLiteral("incremental"));
    if (dry && incremental) {
        usage(context, QStringLiteral("--dry-run and --incremental cannot be combined"));
        return std::nullopt;
    }
    o.mode = dry ? RunMode::DryRun : incremental ? RunMode::Incremental : RunMode::Run;
    o.fresh = parser.isSet(QStringLiteral("fresh"));
    o.phase = parser.value(QStringLiteral("phase"));
    o.tables = parser.values(QStringLiteral("table"));
    o.retryQuarantined = parser.isSet(QStringLiteral("retry-quarantined"));
    o.schemaFrom = parser.value(QStringLiteral("schema-from"));
    o.dropSecondaryIndexes = parser.isSet(QStringLiteral("drop-indexes"));
    o.deferForeignKeys = parser.isSet(QStringLiteral("defer-foreign-keys"));
    o.backupSqliteTarget = !parser.isSet(QStringLiteral("no-backup"));
    if (!readPositive(context, parser, QStringLiteral("batch-size"), o.batchSize) ||
        !readPositive(context, parser, QStringLiteral("parallel"), o.parallelTables) ||
        !readPositive(context, parser, QStringLiteral("commit-rows"), o.sqliteCommitRows) ||
        !readRate(context, parser, o.maxErrorRate) || !readCount(context, parser, o.maxQuarantined))
        return std::nullopt;
    return o;
}

} // namespace cutover::cli
