#include "runbook/RunbookText.h"

#include "project/ProjectVocabulary.h"
#include "report/ReportFacts.h"
#include "runbook/RunbookStateVocabulary.h"

#include <QLocale>

namespace cutover {

QString RunbookText::minutes(int m)
{
    if (m < 0)
        return QLatin1Char('-') + minutes(-m);
    if (m < 60)
        return QStringLiteral("%1 min").arg(m);
    return m % 60 == 0 ? QStringLiteral("%1 h").arg(m / 60)
                       : QStringLiteral("%1 h %2 min").arg(m / 60).arg(m % 60);
}

QString RunbookText::late(int m)
{
    if (m == 0)
        return {};
    return m > 0 ? QLatin1Char('+') + minutes(m) : QStringLiteral("\u2212") + minutes(-m);
}

QString RunbookText::versusPlan(int lateMinutes)
{
    if (lateMinutes == 0)
        return QStringLiteral("as planned");
    return lateMinutes > 0 ? minutes(lateMinutes) + QStringLiteral(" behind plan")
                           : minutes(-lateMinutes) + QStringLiteral(" ahead of plan");
}

QString RunbookText::owner(const RunbookOwner &o)
{
    if (o.name.isEmpty())
        return o.role;
    return o.role.isEmpty() ? o.name : QStringLiteral("%1 (%2)").arg(o.name, o.role);
}

QString RunbookText::clock(const QDateTime &time, const QDateTime &reference)
{
    if (!time.isValid())
        return QStringLiteral("--:--");
    const QDateTime shown = time.toTimeZone(reference.timeZone());
    const qint64 days = reference.isValid() ? reference.date().daysTo(shown.date()) : 0;
    const QString hhmm = shown.toString(QStringLiteral("HH:mm"));
    if (days == 0)
        return hhmm;
    return QStringLiteral("%1 %2%3d")
        .arg(hhmm, days > 0 ? QStringLiteral("+") : QStringLiteral("\u2212"))
        .arg(qAbs(days));
}

QString RunbookText::moment(const QDateTime &time, const QDateTime &reference)
{
    if (!time.isValid())
        return QStringLiteral("--");
    const QDateTime shown = time.toTimeZone(reference.timeZone());
    if (reference.isValid() && shown.date() == reference.date())
        return shown.toString(QStringLiteral("HH:mm ")) + zone(reference);
    return dateTime(time, reference);
}

QString RunbookText::dateTime(const QDateTime &time, const QDateTime &reference)
{
    if (!time.isValid())
        return QStringLiteral("--");
    return time.toTimeZone(reference.timeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm ")) +
           zone(reference);
}

QString RunbookText::timesNote(const QDateTime &anchor, const QDateTime &now)
{
    return QStringLiteral("%1, days counted from %2 (+1d: the day after); made %3")
        .arg(zone(anchor), anchor.toString(QStringLiteral("yyyy-MM-dd")), dateTime(now, anchor));
}

QString RunbookText::zone(const QDateTime &reference)
{
    const QString abbreviation = reference.timeZoneAbbreviation();
    return abbreviation.isEmpty() ? QStringLiteral("UTC") : abbreviation;
}

QString RunbookText::count(qint64 n)
{
    return ReportFacts::count(n);
}

QString RunbookText::percent(double share)
{
    const double p = share * 100;
    return QLocale::c().toString(p, 'f', p != 0 && p < 1 ? 2 : 1) + QLatin1Char('%');
}

QString RunbookText::statusSymbol(StepStatus status)
{
    switch (status) {
    case StepStatus::Pending:
        return QStringLiteral("\u25cb"); // ○
    case StepStatus::InProgress:
        return QStringLiteral("\u25b6"); // ▶
    case StepStatus::Done:
        return QStringLiteral("\u2713"); // ✓
    case StepStatus::Skipped:
        return QStringLiteral("\u2013"); // –
    case StepStatus::Failed:
        return QStringLiteral("\u2717"); // ✗
    case StepStatus::Blocked:
        return QStringLiteral("\u25a0"); // ■
    }
    return {};
}

QString RunbookText::statusLabel(StepStatus status)
{
    return statusSymbol(status) + QLatin1Char(' ') + RunbookStateVocabulary::statusTitle(status);
}

QString RunbookText::ragSymbol(RunbookSchedule::Rag rag)
{
    switch (rag) {
    case RunbookSchedule::Rag::Green:
        return QStringLiteral("\u2713"); // ✓
    case RunbookSchedule::Rag::Amber:
        return QStringLiteral("\u25b2"); // ▲
    case RunbookSchedule::Rag::Red:
        return QStringLiteral("\u2716"); // ✖
    }
    return {};
}

QString RunbookText::ragLabel(RunbookSchedule::Rag rag)
{
    return ragSymbol(rag) + QLatin1Char(' ') + RunbookSchedule::ragName(rag).toUpper();
}

QString RunbookText::ragMeaning(RunbookSchedule::Rag rag)
{
    switch (rag) {
    case RunbookSchedule::Rag::Green:
        return QStringLiteral("on track");
    case RunbookSchedule::Rag::Amber:
        return QStringLiteral("at risk");
    case RunbookSchedule::Rag::Red:
        return QStringLiteral("off track");
    }
    return {};
}

QString RunbookText::execution(const RunbookExecution &e)
{
    return (e.mode == RunbookExecution::Mode::Live ? QStringLiteral("Live cutover ")
                                                   : QStringLiteral("Rehearsal ")) +
           e.id;
}

QString RunbookText::evidence(const Evidence &e)
{
    const QString kind = RunbookStateVocabulary::evidenceKindName(e.kind);
    const bool record = e.kind == Evidence::Kind::Run || e.kind == Evidence::Kind::Report;
    const QString ref = record ? e.ref.left(8) : e.ref;
    if (e.summary.isEmpty())
        return QStringLiteral("%1 %2").arg(kind, ref);
    // A run's or a report's summary names it; a file or a link is only found by its path.
    if (record || e.ref.isEmpty() || e.summary.contains(e.ref))
        return e.summary;
    return QStringLiteral("%1 (%2)").arg(e.summary, e.ref);
}

QString RunbookText::action(const RunbookStep &step)
{
    if (!step.isAutomated())
        return {};
    QString text = QStringLiteral("automated: ") +
                   ProjectVocabulary::actionName(step.action).replace(QLatin1Char('-'), ' ');
    if (!step.phase.isEmpty())
        text += QStringLiteral(" of phase ") + step.phase;
    return text;
}

QString RunbookText::span(const QDateTime &start, const QDateTime &end, const QDateTime &reference)
{
    const QString from = clock(start, reference);
    const QString to = clock(end, reference);
    // Both on the same later day: the day once, at the end ("01:25–01:55 +1d").
    const qsizetype space = from.indexOf(QLatin1Char(' '));
    if (space > 0 && to.indexOf(QLatin1Char(' ')) == space && from.mid(space) == to.mid(space))
        return from.left(space) + QStringLiteral("\u2013") + to;
    return from + QStringLiteral("\u2013") + to;
}

bool RunbookText::isForecast(StepStatus status)
{
    return status == StepStatus::Pending || status == StepStatus::Blocked;
}

QString RunbookText::progress(const StepState &state, const RunbookSchedule::StepTimes &times,
                              const QDateTime &reference)
{
    if (isForecast(state.status))
        return QStringLiteral("forecast ") +
               span(times.forecastStart, times.forecastEnd, reference);
    if (state.status == StepStatus::InProgress)
        return QStringLiteral("since %1, ETA %2")
            .arg(clock(times.actualStart, reference), clock(times.forecastEnd, reference));
    if (!times.actualStart.isValid())
        return QStringLiteral("at ") + clock(times.actualEnd, reference);
    return span(times.actualStart, times.actualEnd, reference);
}

QString RunbookText::decision(SignOff::Decision decision)
{
    return (decision == SignOff::Decision::Reject ? QStringLiteral("\u2717 ")
                                                  : QStringLiteral("\u2713 ")) +
           RunbookStateVocabulary::decisionTitle(decision);
}

QString RunbookText::goNoGo(const GoNoGo &decision, const QDateTime &reference)
{
    return QStringLiteral("%1 by %2 at %3%4")
        .arg(decision.go ? QStringLiteral("\u2713 GO") : QStringLiteral("\u2717 NO-GO"),
             decision.by, dateTime(decision.at, reference),
             decision.comment.isEmpty() ? QString() : QStringLiteral(": ") + decision.comment);
}

} // namespace cutover
