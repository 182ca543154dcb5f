#pragma once

#include "reconcile/ReconcileStatus.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cutover {

// Small builders for the HTML report: every text that goes in is escaped here, so values from
// the databases (a '<script>' in a name column) stay text.
class HtmlText
{
public:
    // A table cell: text is escaped unless html is set; cssClass may be empty.
    struct Cell
    {
        Cell(QString text = {}, QString cssClass = {}, bool html = false)
            : text(std::move(text))
            , cssClass(std::move(cssClass))
            , html(html)
        {}
        QString text;
        QString cssClass;
        bool html = false;
    };

    static QString escape(const QString &text);
    static Cell number(qint64 n, const QString &cssClass = {});
    static Cell raw(const QString &html, const QString &cssClass = {});

    // <table class="cssClass"><thead>headers</thead><tbody>rows</tbody></table>; a header ending
    // in '#' is right-aligned (numbers) and shown without the '#'.
    static QString table(const QStringList &headers, const QList<QList<Cell>> &rows,
                         const QString &cssClass = QStringLiteral("grid"));
    static QString badge(ReconcileStatus status, bool richText);
    static QString heading(int level, const QString &text, const QString &id = {});
    static QString paragraph(const QString &text, const QString &cssClass = {});
    static QString list(const QStringList &items, const QString &cssClass = {});
    // A value in a sample; an empty one is shown as such, not as nothing.
    static QString value(const QString &text);
};

} // namespace cutover
