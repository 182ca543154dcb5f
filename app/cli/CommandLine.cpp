#include "CommandLine.h"

namespace cutover::cli {

CommandLine::CommandLine(const QString &command, const QString &description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.addHelpOption();
}

void CommandLine::addPositional(const QString &name, const QString &description,
                                const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

int CommandLine::parse(CliContext &context, int positionalCount)
{
    QStringList arguments = context.arguments;
    arguments.prepend(QStringLiteral("cutover-cli ") + m_command);
    if (!m_parser.parse(arguments)) {
        context.err << "cutover-cli " << m_command << ": " << m_parser.errorText() << Qt::endl
                    << "Try 'cutover-cli " << m_command << " --help'." << Qt::endl;
        return UsageError;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        context.out << helpText();
        context.out.flush();
        return Ok;
    }
    if (m_parser.positionalArguments().size() != positionalCount) {
        context.err << "cutover-cli " << m_command << ": expected " << positionalCount
                    << " argument(s), got " << m_parser.positionalArguments().size() << Qt::endl
                    << "Try 'cutover-cli " << m_command << " --help'." << Qt::endl;
        return UsageError;
    }
    return -1;
}

// QCommandLineParser names the program by the path it was started with and knows no commands:
// "Usage: /usr/bin/cutover-cli [options] PROJECT" becomes "Usage: cutover-cli run [options] ...".
QString CommandLine::helpText() const
{
    QString text = m_parser.helpText();
    const QLatin1String usage("Usage: ");
    const qsizetype end = text.indexOf(QLatin1String(" [options]"), usage.size());
    if (text.startsWith(usage) && end > 0)
        text.replace(usage.size(), end - usage.size(), QStringLiteral("cutover-cli ") + m_command);
    return text;
}

} // namespace cutover::cli
