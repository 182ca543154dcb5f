#include "runbook/RunbookJournal.h"

#include "runbook/RunbookStateVocabulary.h"

#include <QUuid>

namespace cutover {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString shortId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
}

RunbookExecution *executionOf(RunbookState &state, const QString &id)
{
    for (RunbookExecution &e : state.executions)
        if (e.id == id)
            return &e;
    return nullptr;
}

void applyStatus(RunbookExecution &e, const AuditEntry &entry)
{
    const auto status = RunbookStateVocabulary::status(text(entry.data, "status"));
    if (!status)
        return;
    StepState &s = e.steps[text(entry.data, "step")];
    s.status = *status;
    s.changedBy = entry.who;
    if (*status == StepStatus::InProgress && !s.started.isValid())
        s.started = entry.time;
    if (s.isFinished()) {
        if (!s.started.isValid())
            s.started = entry.time;
        s.finished = entry.time;
    } else {
        s.finished = {};
    }
    if (!text(entry.data, "note").isEmpty())
        s.notes.append({entry.time, entry.who, text(entry.data, "note")});
}

void applyEvidence(RunbookExecution &e, const AuditEntry &entry)
{
    Evidence ev;
    ev.kind = RunbookStateVocabulary::evidenceKind(text(entry.data, "kind"))
                  .value_or(Evidence::Kind::Link);
    ev.ref = text(entry.data, "ref");
    ev.summary = text(entry.data, "summary");
    ev.at = entry.time;
    ev.who = entry.who;
    e.steps[text(entry.data, "step")].evidence.append(ev);
}

void applySignOff(RunbookExecution &e, const AuditEntry &entry)
{
    SignOff s;
    s.step = text(entry.data, "step");
    s.name = text(entry.data, "name");
    s.role = text(entry.data, "role");
    s.decision = RunbookStateVocabulary::decision(text(entry.data, "decision"))
                     .value_or(SignOff::Decision::Reject);
    s.comment = text(entry.data, "comment");
    s.at = entry.time;
    s.recordedBy = entry.who;
    e.signoffs.append(s);
}

void applyDecision(RunbookExecution &e, const AuditEntry &entry)
{
    const QString by = text(entry.data, "by");
    e.decision = GoNoGo{text(entry.data, "step"), text(entry.data, "decision") == "go",
                        by.isEmpty() ? entry.who : by, text(entry.data, "comment"), entry.time};
}

void applyToExecution(RunbookExecution &e, const AuditEntry &entry)
{
    if (entry.kind == QLatin1String("runbook.end"))
        e.ended = entry.time;
    else if (entry.kind == QLatin1String("runbook.step"))
        applyStatus(e, entry);
    else if (entry.kind == QLatin1String("runbook.note"))
        e.steps[text(entry.data, "step")].notes.append(
            {entry.time, entry.who, text(entry.data, "text")});
    else if (entry.kind == QLatin1String("runbook.evidence"))
        applyEvidence(e, entry);
    else if (entry.kind == QLatin1String("runbook.signoff"))
        applySignOff(e, entry);
    else if (entry.kind == QLatin1String("runbook.decision"))
        applyDecision(e, entry);
}

} // namespace

RunbookJournal::RunbookJournal(AuditTrail trail)
    : m_trail(std::move(trail))
{}

RunbookState RunbookJournal::replay(const QList<AuditEntry> &entries)
{
    RunbookState state;
    for (const AuditEntry &entry : entries) {
        if (!entry.kind.startsWith(QLatin1String("runbook.")))
            continue;
        const QString id = text(entry.data, "execution");
        if (entry.kind == QLatin1String("runbook.start")) {
            RunbookExecution e;
            e.id = id;
            e.mode = RunbookStateVocabulary::mode(text(entry.data, "mode"))
                         .value_or(RunbookExecution::Mode::Rehearsal);
            e.started = entry.time;
            e.startedBy = entry.who;
            state.executions.append(e);
        } else if (RunbookExecution *e = executionOf(state, id)) {
            applyToExecution(*e, entry);
        }
    }
    return state;
}

Result<RunbookState> RunbookJournal::read() const
{
    const auto entries = m_trail.entries();
    if (!entries)
        return entries.error();
    return replay(*entries);
}

Result<void> RunbookJournal::append(const QString &kind, const QString &summary,
                                    const QJsonObject &data)
{
    const auto entry = m_trail.append(kind, summary, data);
    if (!entry)
        return entry.error();
    return {};
}

Result<RunbookExecution> RunbookJournal::start(RunbookExecution::Mode mode)
{
    const QString id = shortId();
    const QString modeName = RunbookStateVocabulary::modeName(mode);
    const auto entry = m_trail.append(
        QStringLiteral("runbook.start"),
        QStringLiteral("%1 %2 started")
            .arg(mode == RunbookExecution::Mode::Live ? QStringLiteral("Live cutover")
                                                      : QStringLiteral("Rehearsal"),
                 id),
        {{QStringLiteral("execution"), id}, {QStringLiteral("mode"), modeName}});
    if (!entry)
        return entry.error();
    RunbookExecution e;
    e.id = id;
    e.mode = mode;
    e.started = entry->time;
    e.startedBy = entry->who;
    return e;
}

Result<void> RunbookJournal::end(const QString &execution)
{
    return append(QStringLiteral("runbook.end"), QStringLiteral("Runbook %1 ended").arg(execution),
                  {{QStringLiteral("execution"), execution}});
}

Result<void> RunbookJournal::setStatus(const QString &execution, const QString &step,
                                       StepStatus status, const QString &note)
{
    QJsonObject data{{QStringLiteral("execution"), execution},
                     {QStringLiteral("step"), step},
                     {QStringLiteral("status"), RunbookStateVocabulary::statusName(status)}};
    if (!note.isEmpty())
        data[QStringLiteral("note")] = note;
    return append(
        QStringLiteral("runbook.step"),
        QStringLiteral("Step %1: %2").arg(step, RunbookStateVocabulary::statusName(status)), data);
}

Result<void> RunbookJournal::addNote(const QString &execution, const QString &step,
                                     const QString &noteText)
{
    return append(QStringLiteral("runbook.note"), QStringLiteral("Note on step %1").arg(step),
                  {{QStringLiteral("execution"), execution},
                   {QStringLiteral("step"), step},
                   {QStringLiteral("text"), noteText}});
}

Result<void> RunbookJournal::addEvidence(const QString &execution, const QString &step,
                                         const Evidence &evidence)
{
    return append(
        QStringLiteral("runbook.evidence"),
        QStringLiteral("Evidence for step %1: %2").arg(step, evidence.summary),
        {{QStringLiteral("execution"), execution},
         {QStringLiteral("step"), step},
         {QStringLiteral("kind"), RunbookStateVocabulary::evidenceKindName(evidence.kind)},
         {QStringLiteral("ref"), evidence.ref},
         {QStringLiteral("summary"), evidence.summary}});
}

Result<void> RunbookJournal::signOff(const QString &execution, const SignOff &s)
{
    QJsonObject data{
        {QStringLiteral("execution"), execution},
        {QStringLiteral("step"), s.step},
        {QStringLiteral("name"), s.name},
        {QStringLiteral("role"), s.role},
        {QStringLiteral("decision"), RunbookStateVocabulary::decisionName(s.decision)}};
    if (!s.comment.isEmpty())
        data[QStringLiteral("comment")] = s.comment;
    return append(
        QStringLiteral("runbook.signoff"),
        QStringLiteral("%1 (%2) signed off step %3: %4")
            .arg(s.name, s.role, s.step, RunbookStateVocabulary::decisionTitle(s.decision)),
        data);
}

Result<void> RunbookJournal::decide(const QString &execution, const GoNoGo &d)
{
    QJsonObject data{
        {QStringLiteral("execution"), execution},
        {QStringLiteral("step"), d.step},
        {QStringLiteral("decision"), d.go ? QStringLiteral("go") : QStringLiteral("no-go")}};
    if (!d.comment.isEmpty())
        data[QStringLiteral("comment")] = d.comment;
    if (!d.by.isEmpty())
        data[QStringLiteral("by")] = d.by;
    return append(QStringLiteral("runbook.decision"),
                  QStringLiteral("Decision at step %1: %2").arg(d.step, d.go ? "GO" : "NO-GO"),
                  data);
}

} // namespace cutover
