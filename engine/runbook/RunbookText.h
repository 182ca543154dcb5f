#pragma once

#include "project/RunbookStep.h"
#include "runbook/RunbookSchedule.h"
#include "runbook/RunbookState.h"

#include <QDateTime>
#include <QString>

namespace cutover {

// The words and numbers every export of the runbook and the status update shares (Markdown,
// HTML, PDF, plain text), so they never disagree. Clock times are shown in the time zone of a
// reference time (the `now` the document was made at), with the date when it is another day.
class RunbookText
{
public:
    // "45 min", "2 h", "1 h 30 min".
    static QString minutes(int m);
    // "+12 min", "-5 min"; empty for 0.
    static QString late(int m);
    // "12 min behind plan", "5 min ahead of plan", "as planned".
    static QString versusPlan(int lateMinutes);
    // "Ann Smith (Database administrator)", or whichever of the two is set.
    static QString owner(const RunbookOwner &owner);
    // "20:15", or "01:10 +1d" on the day after reference's; "--:--" when invalid. For tables of
    // times that hang off one start (reference), where full dates would crowd the columns.
    static QString clock(const QDateTime &time, const QDateTime &reference);
    // "20:15 UTC", or "2024-05-05 01:10 UTC" on another day than reference's: for a text that
    // is read alone, such as the status update.
    static QString moment(const QDateTime &time, const QDateTime &reference);
    // "2024-05-04 20:15 UTC".
    static QString dateTime(const QDateTime &time, const QDateTime &reference);
    // How to read the clock times of a document counted from anchor and made at now: "UTC, days
    // counted from 2024-05-04 (+1d: the day after); made 2024-05-04 20:15 UTC".
    static QString timesNote(const QDateTime &anchor, const QDateTime &now);
    // The zone's abbreviation, "UTC".
    static QString zone(const QDateTime &reference);
    // "1,234,567".
    static QString count(qint64 n);
    // "0.42%", "12.5%".
    static QString percent(double share);

    // A symbol beside the word, so that status never rests on colour alone: "✓ Done".
    static QString statusSymbol(StepStatus status);
    static QString statusLabel(StepStatus status);
    // "✓ GREEN", "▲ AMBER", "✖ RED", and what each means: "on track", "at risk", "off track".
    static QString ragSymbol(RunbookSchedule::Rag rag);
    static QString ragLabel(RunbookSchedule::Rag rag);
    static QString ragMeaning(RunbookSchedule::Rag rag);

    // "Rehearsal 3f2a9c1b", "Live cutover 3f2a9c1b".
    static QString execution(const RunbookExecution &execution);
    // "run 1a2b3c4d succeeded: 1,204 rows (file /x/y)".
    static QString evidence(const Evidence &evidence);
    // "automated: dry run of phase wave-1"; empty for a manual step.
    static QString action(const RunbookStep &step);

    // "20:00–20:15".
    static QString span(const QDateTime &start, const QDateTime &end, const QDateTime &reference);
    // What has happened to the step or is forecast: "20:00–20:12" when finished, "since 20:15,
    // ETA 20:45" under way, "forecast 20:45–21:00" before it starts.
    static QString progress(const StepState &state, const RunbookSchedule::StepTimes &times,
                            const QDateTime &reference);
    static bool isForecast(StepStatus status);
    // "✓ Approve", "✓ Approve with conditions", "✗ Reject".
    static QString decision(SignOff::Decision decision);
    // "GO by Dana (Clinical director) at 23:40: all checks green", "NO-GO by ...".
    static QString goNoGo(const GoNoGo &decision, const QDateTime &reference);
};

} // namespace cutover
