#pragma once

#include "runbook/RunbookDocument.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <utility>

namespace cutover {

// What the head of every export of the runbook says, in plain text for the writers to escape in
// their format: the strategy and window, the execution shown, the schedule's end against the
// plan and the window, the decision, how to read the times, and the critical path by title.
class RunbookSummary
{
public:
    using Facts = QList<std::pair<QString, QString>>; // label, value

    // "Phased strategy", "cutover window 8 h", "Rehearsal r1".
    static QStringList route(const RunbookDocument &document);
    static Facts facts(const RunbookDocument &document);
    // The titles of the critical path's steps, in the order they are carried out.
    static QStringList criticalPath(const RunbookDocument &document);

private:
    static QString execution(const RunbookDocument &document);
};

} // namespace cutover
