#pragma once

#include "runbook/StatusUpdate.h"

#include <QString>
#include <QStringList>
#include <utility>

namespace cutover {

// The status update as plain text for chat or e-mail (the template's own layout, which the
// window's "copy the status update" puts on the clipboard) and as GitHub Markdown, and the
// wording of its lines, which StatusUpdateHtmlWriter shares: the formats say the same in the same
// order. Markdown escapes every value.
class StatusUpdateWriter
{
public:
    static QString text(const StatusUpdate &update);
    static QString markdown(const StatusUpdate &update);

    // The lines of each part of the template, as plain text, shared by the formats.
    static QString statusLine(const StatusUpdate &update);
    static QString progressLine(const StatusUpdate &update);
    static QString completedLine(const StatusUpdate &update, const StatusUpdate::Item &item);
    static QString inProgressLine(const StatusUpdate &update, const StatusUpdate::Item &item);
    static QString nextLine(const StatusUpdate &update, const StatusUpdate::Item &item);
    using Lines = QList<std::pair<QString, QString>>; // label, value
    static Lines metrics(const StatusUpdate &update);
    static QString issueLine(const StatusUpdate::Issue &issue);
    static Lines downtime(const StatusUpdate &update);
    // "none", or why nothing comes next.
    static QString noNextSteps(const StatusUpdate &update);
    // "20:15 UTC", with the date on another day than the update's.
    static QString time(const StatusUpdate &update, const QDateTime &time);

private:
    // A part of the template: its heading and lines (a label and a value, or a value alone).
    struct Part
    {
        QString heading;
        Lines lines;
        QString none; // said when there are no lines
    };
    static Lines heading(const StatusUpdate &update);
    static QList<Part> parts(const StatusUpdate &update);
    static QString who(const StatusUpdate::Item &item);
};

} // namespace cutover
