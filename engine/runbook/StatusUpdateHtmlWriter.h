#pragma once

#include "runbook/StatusUpdate.h"
#include "runbook/StatusUpdateWriter.h"

#include <QString>

namespace cutover {

// The status update as self-contained HTML (inline CSS, no scripts), in the browser flavour or,
// with richText, the subset QTextDocument renders for the PDF: the status and RAG as badges that
// say their word, the progress as a bar beside its figure, the steps and issues as tables, in
// the template's order with StatusUpdateWriter's wording. Every value is HTML-escaped.
class StatusUpdateHtmlWriter
{
public:
    static QString write(const StatusUpdate &update, bool richText = false);

private:
    static QString header(const StatusUpdate &update, bool richText);
    static QString steps(const StatusUpdate &update);
    static QString figures(const QString &heading, const StatusUpdateWriter::Lines &lines);
    static QString issues(const StatusUpdate &update);
    static QString progressBar(int percent, bool richText);
    static QString statusColour(StatusUpdate::Status status);
};

} // namespace cutover
