#include "AuditCommand.h"

#include "CommandLine.h"
#include "audit/AuditTrail.h"
#include "audit/AuditVerifier.h"
#include "core/JsonWriter.h"

#include <QFileInfo>
#include <QJsonArray>

namespace cutover::cli {

namespace {

const QString kDescription = QStringLiteral(
    "The audit trail keeps every run, rollback, reconciliation, saved project change, runbook "
    "step change and sign-off, with who (CUTOVER_USER, the name set in the window's settings, or "
    "the OS user) and when, in PROJECT's folder as <name>.audit.jsonl. Each entry carries the "
    "SHA-256 of the one before, and <name>.audit.head the newest, so an entry changed, removed, "
    "moved or cut off shows.");

int refuseMissingProject(CliContext &context, const QString &path)
{
    if (QFileInfo::exists(path))
        return -1;
    context.err << "cutover-cli audit: no project file " << path << Qt::endl;
    return CannotConnect;
}

} // namespace

int AuditCommand::run(CliContext &context)
{
    if (context.arguments.value(0) == QLatin1String("verify")) {
        context.arguments.removeFirst();
        return verify(context);
    }
    return list(context);
}

int AuditCommand::list(CliContext &context)
{
    CommandLine line(name(),
                     kDescription + QStringLiteral("\n'cutover-cli audit verify PROJECT' checks "
                                                   "the chain."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    line.addOption({QStringLiteral("json"), QStringLiteral("Print the entries as JSON.")});
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString path = line.parser().positionalArguments().first();
    if (const int code = refuseMissingProject(context, path); code >= 0)
        return code;
    const auto entries = AuditTrail::forProject(path).entries();
    if (!entries)
        return fail(context, entries.error());
    if (line.parser().isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AuditEntry &e : *entries)
            array.append(e.toJson());
        context.out << JsonWriter().write(array);
        return Ok;
    }
    if (entries->isEmpty())
        context.out << "The audit trail is empty." << Qt::endl;
    for (const AuditEntry &e : *entries)
        context.out << QString::number(e.seq).rightJustified(5) << "  "
                    << e.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                    << e.who.leftJustified(14) << "  " << e.kind.leftJustified(16) << "  "
                    << e.summary << '\n';
    context.out.flush();
    return Ok;
}

int AuditCommand::verify(CliContext &context)
{
    CommandLine line(QStringLiteral("audit verify"),
                     kDescription + QStringLiteral("\nExit code 0 when the chain is intact, 1 "
                                                   "when it is broken, 3 when it cannot be read."));
    line.addPositional(QStringLiteral("PROJECT"), QStringLiteral("the *.cutover file"));
    if (const int code = line.parse(context, 1); code >= 0)
        return code;
    const QString path = line.parser().positionalArguments().first();
    if (const int code = refuseMissingProject(context, path); code >= 0)
        return code;
    const AuditTrail trail = AuditTrail::forProject(path);
    const AuditVerifier::Verdict v = AuditVerifier::verify(trail);
    if (!v.intact) {
        context.out << "BROKEN at entry " << v.firstBad;
        if (v.line > 0)
            context.out << " (line " << v.line << ")";
        context.out << ": " << v.reason << '\n';
        if (v.firstBad > 1)
            context.out << "Entries 1 to " << v.firstBad - 1 << " are intact.\n";
        context.out.flush();
        return CheckFailed;
    }
    context.out << "Intact: " << v.entries << " entries";
    if (v.entries > 0)
        context.out << ", the newest with hash " << v.headHash;
    context.out << '\n';
    if (!v.note.isEmpty())
        context.out << "Note: " << v.note << '\n';
    context.out.flush();
    return Ok;
}

} // namespace cutover::cli
