#pragma once

#include "core/Error.h"
#include "validate/ProjectCheck.h"

#include <QMainWindow>
#include <QPointer>
#include <QSize>

class QAction;
class QDockWidget;
class QLabel;
class QMessageBox;
class QProgressBar;
class QSplitter;

namespace cutover {

class MappingsPane;
class PasswordProvider;
class ProblemsPane;
class SchemaPane;

// The workbench shell: source schema on the left, the project's mappings in the middle (where the
// mapping canvas will go), target schema on the right, problems docked below. Opening or
// reloading a project runs ProjectCheck on a worker thread; a newer request makes the results of
// an older one stale, and they are dropped.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // What one load produced: the check's outcome, or why the project could not be read.
    struct LoadResult
    {
        QString filePath;
        bool ok = false;
        ProjectCheck::Outcome outcome;
        Error error;
    };

    // The size the window opens at when the screen has room for it; screenshots use it too.
    static constexpr QSize kPreferredSize{1400, 900};

    // passwords must outlive the window and any load still running when it closes.
    explicit MainWindow(const PasswordProvider *passwords, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openProject(const QString &filePath);
    void reload();

    const QString &projectFile() const { return m_projectFile; }
    bool isLoading() const { return m_loading; }
    // The outcome of the last successful load (empty before one).
    const ProjectCheck::Outcome &outcome() const { return m_outcome; }

    SchemaPane *sourcePane() const { return m_sourcePane; }
    SchemaPane *targetPane() const { return m_targetPane; }
    MappingsPane *mappingsPane() const { return m_mappingsPane; }
    ProblemsPane *problemsPane() const { return m_problemsPane; }
    QLabel *statusLabel() const { return m_statusLabel; }

    // Window geometry and dock layout from the last session (QSettings).
    void restoreLayout();
    void saveLayout() const;
    // Opens at kPreferredSize, or smaller on a smaller screen (1366x768), centred across it.
    void fitToScreen();

Q_SIGNALS:
    void loadStarted(const QString &filePath);
    // After the panes show the result of the latest load; ok is false when the project file
    // could not be read.
    void loadFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    static LoadResult load(const QString &filePath, const PasswordProvider *passwords);

    void createActions();
    void createLayout();
    void chooseProject();
    void showAbout();
    void finishLoad(quint64 generation, const LoadResult &result);
    void showOutcome(const ProjectCheck::Outcome &outcome);
    void showLoadError(const QString &filePath, const Error &error);
    void setLoading(bool loading);
    void updateTitle(const QString &projectName);
    void showProblem(const Problem &problem);
    void showMapping(const QString &sourceTable, const QString &targetTable,
                     const QString &targetColumn);

    const PasswordProvider *m_passwords = nullptr;
    QString m_projectFile;
    quint64 m_generation = 0;
    bool m_loading = false;
    ProjectCheck::Outcome m_outcome;

    SchemaPane *m_sourcePane = nullptr;
    SchemaPane *m_targetPane = nullptr;
    MappingsPane *m_mappingsPane = nullptr;
    ProblemsPane *m_problemsPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busy = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_quitAction = nullptr;
    QPointer<QMessageBox> m_errorBox;
};

} // namespace cutover
