#include "CliApplication.h"

#include "AuditCommand.h"
#include "AutomapCommand.h"
#include "CopyCommand.h"
#include "DemoCommand.h"
#include "FunctionsCommand.h"
#include "InitCommand.h"
#include "InspectCommand.h"
#include "PreviewCommand.h"
#include "QuarantineCommand.h"
#include "ReconcileCommand.h"
#include "ReportExporter.h"
#include "ReportsCommand.h"
#include "RollbackCommand.h"
#include "RunCommand.h"
#include "RunbookCommand.h"
#include "RunbookExportCommand.h"
#include "RunsCommand.h"
#include "ValidateCommand.h"

namespace cutover::cli {

CliApplication::CliApplication()
{
    m_commands.push_back(std::make_unique<InspectCommand>());
    m_commands.push_back(std::make_unique<FunctionsCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    m_commands.push_back(std::make_unique<ValidateCommand>());
    m_commands.push_back(std::make_unique<PreviewCommand>());
    m_commands.push_back(std::make_unique<InitCommand>());
    m_commands.push_back(std::make_unique<CopyCommand>());
    m_commands.push_back(std::make_unique<AutomapCommand>());
    m_commands.push_back(std::make_unique<RunCommand>());
    m_commands.push_back(std::make_unique<RunsCommand>());
    m_commands.push_back(std::make_unique<QuarantineCommand>());
    m_commands.push_back(std::make_unique<RollbackCommand>());
    m_commands.push_back(std::make_unique<ReconcileCommand>());
    m_commands.push_back(std::make_unique<ReportsCommand>());
    m_commands.push_back(std::make_unique<RunbookCommand>());
    m_commands.push_back(std::make_unique<AuditCommand>());
}

bool CliApplication::needsGui(const QStringList &arguments)
{
    return ReportExporter::wantsPdf(arguments) || RunbookExportCommand::wantsPdf(arguments);
}

CliCommand *CliApplication::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

void CliApplication::printHelp(QTextStream &out) const
{
    out << "Usage: cutover-cli COMMAND [options] ...\n\n"
           "Cutover migrates a source database onto a target schema, headless.\n\n"
           "Commands:\n";
    for (const auto &command : m_commands)
        out << "  " << command->name().leftJustified(12) << command->summary() << '\n';
    out << "\nRun 'cutover-cli COMMAND --help' for a command's options.\n"
           "Exit codes: 0 ok, 1 a check failed, 2 usage error, 3 cannot connect or read.\n";
    out.flush();
}

int CliApplication::run(const QStringList &arguments, QTextStream &out, QTextStream &err,
                        const PasswordProvider *passwords)
{
    const QString first = arguments.value(1);
    if (first.isEmpty() || first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printHelp(first.isEmpty() ? err : out);
        return first.isEmpty() ? UsageError : Ok;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out << "cutover-cli " << CUTOVER_VERSION << Qt::endl;
        return Ok;
    }
    CliCommand *command = find(first);
    if (!command) {
        err << "cutover-cli: unknown command '" << first << "'" << Qt::endl;
        printHelp(err);
        return UsageError;
    }
    CliContext context{arguments.mid(2), out, err, passwords};
    const int code = command->run(context);
    out.flush();
    err.flush();
    return code;
}

} // namespace cutover::cli
