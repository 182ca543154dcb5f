#pragma once

#include "runbook/RunbookDocument.h"

#include <QString>

namespace cutover {

// The runbook in GitHub-flavoured Markdown, with the HTML export's content: the status and its
// reasons, the schedule's end against the window, the critical path, a table of steps per
// section (evidence, notes and gate conditions listed under it), the sign-offs and decision, and
// the rehearsals side by side. Text is escaped so that neither a '|' nor markup in a title or a
// note can break a table or inject HTML.
class RunbookMarkdownWriter
{
public:
    QString write(const RunbookDocument &document) const;

private:
    static QString header(const RunbookDocument &d);
    static QString section(const RunbookDocument &d, const QList<RunbookDocument::Step> &steps);
    static QString details(const RunbookDocument &d, const QList<RunbookDocument::Step> &steps);
    static QString signoffs(const RunbookDocument &d);
    static QString rehearsals(const RunbookDocument &d);
};

} // namespace cutover
