#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QMessageBox;
class QWidget;

namespace cutover {

class ProjectDocument;

// The File menu's work on the project document: new, open, save, save as, recent projects,
// reload and close; asking save / discard / cancel before unsaved changes would be lost, and
// offering to reload when the file changed on disk (never overwriting the other change without
// asking).
class ProjectFileController : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRecent = 8;

    ProjectFileController(ProjectDocument &document, QWidget *window);

    QAction *newAction() const { return m_new; }
    QAction *openAction() const { return m_open; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *reloadAction() const { return m_reload; }
    QAction *closeAction() const { return m_close; }
    QMenu *recentMenu() const { return m_recentMenu; }

    // Opens filePath after asking about unsaved changes; false when cancelled or unreadable.
    bool open(const QString &filePath);
    // Save / discard / cancel when the document has unsaved changes; true when it may go.
    bool maybeSave();
    bool save();
    bool saveAs();
    static QStringList recentProjects();
    // Puts filePath first among the recent projects.
    static void remember(const QString &filePath);

Q_SIGNALS:
    // An open failed: the file and the reader's error, for the problems view.
    void openFailed(const QString &filePath, const QString &where, const QString &message);
    void message(const QString &text);

private:
    void createActions();
    void chooseAndOpen();
    void startNew();
    void reloadFromDisk();
    void offerReload();
    void closeProject();
    void updateActions();
    void fillRecentMenu();
    bool confirmOverwrite();
    QString startDirectory() const;

    ProjectDocument &m_document;
    QWidget *m_window;
    QAction *m_new = nullptr;
    QAction *m_open = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_reload = nullptr;
    QAction *m_close = nullptr;
    QMenu *m_recentMenu = nullptr;
    QPointer<QMessageBox> m_reloadBox;
};

} // namespace cutover
