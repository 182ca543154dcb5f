#pragma once

#include "RunbookExport.h"
#include "core/Error.h"

#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace cutover {

// The runbook's and the status update's exports from the window, as cutover-cli writes them
// (RunbookExport): each format to a file chosen in a dialog, written on a pool thread; and the
// status update as plain text on the clipboard, for a chat or an e-mail.
class RunbookExportActions : public QObject
{
    Q_OBJECT

public:
    enum class What
    {
        Runbook,
        StatusUpdate
    };
    using DocumentSource = std::function<const RunbookDocument *()>;

    RunbookExportActions(DocumentSource source, QWidget *parent);

    // A menu of every export and the copy.
    QMenu *menu() const { return m_menu; }

    // The status update as text on the clipboard; false when there is no document yet.
    bool copyStatusUpdate();
    void chooseFileAndExport(What what, RunbookExport::Format format);
    void exportTo(const QString &file, What what, RunbookExport::Format format);
    static QString suggestedName(const RunbookDocument &document, What what,
                                 RunbookExport::Format format);

Q_SIGNALS:
    void copied(const QString &what);
    void exported(const QString &file);
    void exportFailed(const cutover::Error &error);

private:
    void addExports(What what, const QString &title);

    DocumentSource m_source;
    QWidget *m_parent;
    QMenu *m_menu;
    QString m_lastDirectory;
};

} // namespace cutover
