#pragma once

#include "ProjectTreeModel.h"
#include "validate/ProjectCheck.h"

#include <QMainWindow>
#include <QPointer>
#include <QSize>

class QAction;
class QDockWidget;
class QLabel;
class QMessageBox;
class QProgressBar;
class QToolButton;
class QUndoView;

namespace cutover {

class EditorArea;
class FindReplaceDialog;
class FunctionReferencePanel;
class LogPane;
class MappingsPane;
class PasswordProvider;
class PasswordStore;
class ProjectActions;
class SessionPasswordProvider;
class ProblemsPane;
class ProjectDocument;
class ProjectFileController;
class ProjectHistory;
class ProjectTreeView;
class ProjectValidation;
class QuickOpen;
class RunActions;
class RunbookActions;
class SchemaPane;

// The workbench: assembles the project document, its file actions, its validation and the
// panels: the project tree, both schemas, the editor area in the middle, problems, undo history
// and the log, all docks a user can move; the layout is restored next time.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // The size the window opens at when the screen has room for it; screenshots use it too.
    static constexpr QSize kPreferredSize{1400, 900};

    // passwords must outlive the window and any check still running when it closes. A password
    // typed into a connection dialog goes to session (which passwords should ask first), and to
    // keychain when the user asks to remember it; without them connections cannot be edited.
    explicit MainWindow(const PasswordProvider *passwords,
                        SessionPasswordProvider *session = nullptr,
                        PasswordStore *keychain = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a project file (asking about unsaved changes first) and checks it.
    void openProject(const QString &filePath);
    // Reads both schemas again and checks the project (F5).
    void reload();

    QString projectFile() const;
    bool isLoading() const;
    // The outcome of the last check (empty before one).
    const ProjectCheck::Outcome &outcome() const;

    ProjectDocument *document() const { return m_document; }
    ProjectFileController *files() const { return m_files; }
    ProjectActions *projectActions() const { return m_actions; }
    RunActions *runActions() const { return m_runActions; }
    RunbookActions *runbookActions() const { return m_runbookActions; }
    SchemaPane *sourcePane() const { return m_sourcePane; }
    SchemaPane *targetPane() const { return m_targetPane; }
    MappingsPane *mappingsPane() const;
    ProblemsPane *problemsPane() const { return m_problemsPane; }
    ProjectTreeView *projectTree() const { return m_projectTree; }
    EditorArea *editorArea() const { return m_editors; }
    LogPane *log() const { return m_log; }
    FunctionReferencePanel *functionReference() const { return m_functions; }
    QuickOpen *quickOpen() const { return m_quickOpen; }
    QAction *findAction() const { return m_findAction; }
    FindReplaceDialog *findReplace() const { return m_findReplace; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

    // Window geometry and dock layout from the last session (QSettings).
    void restoreLayout();
    void saveLayout() const;
    // Opens at kPreferredSize, or smaller on a smaller screen (1366x768), centred across it.
    void fitToScreen();

Q_SIGNALS:
    void loadStarted(const QString &filePath);
    // After the panes show the first check of a project opened or reloaded; ok is false when
    // the project file could not be read.
    void loadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createDocks();
    void sizeDocks();
    QDockWidget *addDock(QWidget *content, const QString &title, const QString &name,
                         Qt::DockWidgetArea area);
    void createActions();
    void createMenus();
    void createStatusBar();
    void connectDocument();
    void connectFunctionReference();
    void connectRuns();
    void showChecking(bool readingSchemas);
    void showOutcome(const ProjectCheck::Outcome &outcome, qint64 milliseconds);
    void showSchemas(const ProjectCheck::Outcome &outcome);
    void showLoadError(const QString &filePath, const QString &where, const QString &message);
    void projectReplaced();
    void updateTitle();
    void showProblem(const Problem &problem);
    void showMapping(const QString &sourceTable, const QString &targetTable,
                     const QString &targetColumn);
    void showItem(ProjectTreeModel::Kind kind, qsizetype index);
    void followMapping(qsizetype index);
    void jumpTo(const QVariant &target);
    void openQuickOpen();
    void openFindReplace();
    void showAbout();

    const PasswordProvider *m_passwords = nullptr;
    ProjectDocument *m_document = nullptr;
    ProjectValidation *m_validation = nullptr;
    ProjectHistory *m_history = nullptr;
    ProjectFileController *m_files = nullptr;
    ProjectActions *m_actions = nullptr;
    RunActions *m_runActions = nullptr;
    RunbookActions *m_runbookActions = nullptr;
    bool m_loadPending = false;
    bool m_layoutSet = false;

    ProjectTreeView *m_projectTree = nullptr;
    SchemaPane *m_sourcePane = nullptr;
    SchemaPane *m_targetPane = nullptr;
    EditorArea *m_editors = nullptr;
    ProblemsPane *m_problemsPane = nullptr;
    QUndoView *m_undoView = nullptr;
    LogPane *m_log = nullptr;
    FunctionReferencePanel *m_functions = nullptr;
    QuickOpen *m_quickOpen = nullptr;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QToolButton *m_cancelCheck = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_quickOpenAction = nullptr;
    QAction *m_findAction = nullptr;
    FindReplaceDialog *m_findReplace = nullptr;
    QAction *m_quitAction = nullptr;
    QPointer<QMessageBox> m_errorBox;
};

} // namespace cutover
