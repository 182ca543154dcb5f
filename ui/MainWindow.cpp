#include "MainWindow.h"

#include "MappingsPane.h"
#include "ProblemsPane.h"
#include "ProjectDocument.h"
#include "ProjectHistory.h"
#include "ProjectValidation.h"
#include "SchemaPane.h"
#include "dialect/ConnectionSpec.h"
#include "editor/FindReplaceDialog.h"
#include "editor/FunctionReferencePanel.h"
#include "mapping/TableMappingEditor.h"
#include "project/EditorArea.h"
#include "project/LogPane.h"
#include "project/ProjectActions.h"
#include "project/ProjectFileController.h"
#include "project/ProjectTreeView.h"
#include "project/QuickOpen.h"
#include "report/ReportViewer.h"
#include "run/RunActions.h"
#include "run/RunHistoryView.h"
#include "run/RunMonitor.h"
#include "runbook/RunbookActions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUndoView>

// Q_INIT_RESOURCE must be used outside any namespace; the resources are in a static library.
static void initCutoverResources()
{
    Q_INIT_RESOURCE(cutover);
}

namespace cutover {

namespace {

const QString kSettingsGeometry = QStringLiteral("mainWindow/geometry");
const QString kSettingsState = QStringLiteral("mainWindow/state2");

// The connection's name and a display form of its URL that never holds a secret.
std::pair<QString, QString> connectionTitle(const Project &project, const QString &connectionName)
{
    const ConnectionDef *def = project.connection(connectionName);
    if (!def)
        return {connectionName, QObject::tr("no connection named '%1'").arg(connectionName)};
    auto spec = ConnectionSpec::parse(def->url, project.baseDir);
    if (!spec)
        return {def->name, QObject::tr("invalid connection URL")};
    // a file beside the project as the project names it, not as a long absolute path
    return {def->name,
            spec->isServer() ? spec->displayName() : spec->urlRelativeTo(project.baseDir)};
}

QString unavailableReason(const QList<Problem> &problems, const QString &side)
{
    for (const Problem &p : problems)
        if (p.code == QLatin1String("cannot-connect") && p.path == side)
            return p.message;
    return QObject::tr("The %1 schema could not be read.").arg(side);
}

QString plural(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QAction *action(QObject *parent, const char *icon, const QString &text, const QKeySequence &keys,
                const QString &tip)
{
    auto *a = new QAction(text, parent);
    if (icon)
        a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
    a->setShortcut(keys);
    a->setStatusTip(tip);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
    return a;
}

} // namespace

MainWindow::MainWindow(const PasswordProvider *passwords, SessionPasswordProvider *session,
                       PasswordStore *keychain, QWidget *parent)
    : QMainWindow(parent)
    , m_passwords(passwords)
    , m_document(new ProjectDocument(this))
{
    initCutoverResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cutover.svg")));
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_validation = new ProjectValidation(*m_document, passwords, this);
    m_history = new ProjectHistory(*m_document, passwords, this);
    m_files = new ProjectFileController(*m_document, this);
    m_actions = new ProjectActions(*m_document, *m_files, *m_validation,
                                   {passwords, session, keychain}, this);
    m_editors = new EditorArea(*m_document, passwords, this);
    m_runActions = new RunActions(m_editors->runMonitor(), this);
    m_runbookActions = new RunbookActions(
        *m_editors->runbook(), [this] { m_editors->showRunbook(); }, this);
    // On a small screen the editors scroll instead of pushing the window past the screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("editorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_editors);
    setCentralWidget(scroll);
    createDocks();
    createActions();
    createMenus();
    createStatusBar();
    connectDocument();
    updateTitle();
    fitToScreen();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectFunctionReference()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("functionsDock"));
    connect(m_editors, &EditorArea::functionReferenceWanted, this, [this, dock] {
        dock->show();
        dock->raise();
        m_functions->focusSearch();
    });
    connect(m_functions, &FunctionReferencePanel::insertRequested, this,
            [this](const QString &function) {
                if (!m_editors->insertFunction(function))
                    statusBar()->showMessage(
                        tr("Open a table mapping and choose a target column to insert %1().")
                            .arg(function),
                        6000);
            });
}

void MainWindow::openFindReplace()
{
    if (!m_findReplace) {
        m_findReplace = new FindReplaceDialog(*m_document, this);
        connect(m_findReplace, &FindReplaceDialog::matchChosen, this,
                [this](const ExpressionSearch::Match &match) {
                    const bool rule = match.place == ExpressionSearch::Place::Rule;
                    m_projectTree->select(rule ? ProjectTreeModel::Kind::Rule
                                               : ProjectTreeModel::Kind::Mapping,
                                          match.item);
                    m_editors->showMatch(match);
                    if (!rule)
                        followMapping(match.item);
                });
    }
    // the word at the expression's cursor, as an editor's find does
    if (const QString word = m_editors->expressionWordAtCursor(); !word.isEmpty())
        m_findReplace->setFindText(word);
    m_findReplace->show();
    m_findReplace->raise();
    m_findReplace->activateWindow();
    m_findReplace->findEdit()->setFocus();
    m_findReplace->findEdit()->selectAll();
}

void MainWindow::fitToScreen()
{
    const QRect available = screen()->availableGeometry();
    // The frame and title bar the window manager adds lie outside the size given to resize().
    const QSize room = available.size() - QSize(16, 48);
    resize(kPreferredSize.boundedTo(room).expandedTo(minimumSizeHint()));
    move(available.topLeft() + QPoint((available.width() - width()) / 2, 0));
}

QDockWidget *MainWindow::addDock(QWidget *content, const QString &title, const QString &name,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(content);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                      QDockWidget::DockWidgetClosable);
    addDockWidget(area, dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createDocks()
{
    m_projectTree = new ProjectTreeView(*m_document, this);
    m_sourcePane = new SchemaPane(tr("Source"), this);
    m_targetPane = new SchemaPane(tr("Target"), this);
    m_problemsPane = new ProblemsPane(this);
    m_undoView = new QUndoView(m_document->undoStack(), this);
    m_undoView->setObjectName(QStringLiteral("undoView"));
    m_undoView->setEmptyLabel(tr("<opened project>"));
    m_log = new LogPane(this);
    m_functions = new FunctionReferencePanel(this);

    QDockWidget *project = addDock(m_projectTree, tr("Project"), QStringLiteral("projectDock"),
                                   Qt::LeftDockWidgetArea);
    QDockWidget *source = addDock(m_sourcePane, tr("Source Schema"), QStringLiteral("sourceDock"),
                                  Qt::LeftDockWidgetArea);
    QDockWidget *target = addDock(m_targetPane, tr("Target Schema"), QStringLiteral("targetDock"),
                                  Qt::RightDockWidgetArea);
    QDockWidget *history = addDock(m_undoView, tr("Undo History"), QStringLiteral("undoDock"),
                                   Qt::RightDockWidgetArea);
    m_problemsDock = addDock(m_problemsPane, tr("Problems"), QStringLiteral("problemsDock"),
                             Qt::BottomDockWidgetArea);
    QDockWidget *log =
        addDock(m_log, tr("Log"), QStringLiteral("logDock"), Qt::BottomDockWidgetArea);
    splitDockWidget(project, source, Qt::Vertical);
    QDockWidget *functions = addDock(m_functions, tr("Functions"), QStringLiteral("functionsDock"),
                                     Qt::RightDockWidgetArea);
    splitDockWidget(target, history, Qt::Vertical);
    tabifyDockWidget(history, functions);
    functions->raise();
    tabifyDockWidget(m_problemsDock, log);
    m_problemsDock->raise();
}

// Dock sizes take hold only once the window has its own size: set them at the first show,
// unless a saved layout was restored.
void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_layoutSet)
        return;
    m_layoutSet = true;
    QTimer::singleShot(0, this, &MainWindow::sizeDocks);
}

void MainWindow::sizeDocks()
{
    auto dock = [this](const char *name) {
        return findChild<QDockWidget *>(QLatin1String(name));
    };
    resizeDocks({dock("projectDock"), dock("targetDock")}, {270, 270}, Qt::Horizontal);
    resizeDocks({dock("projectDock"), dock("sourceDock")}, {330, 400}, Qt::Vertical);
    resizeDocks({dock("targetDock"), dock("functionsDock")}, {400, 330}, Qt::Vertical);
    resizeDocks({m_problemsDock}, {170}, Qt::Vertical);
}

void MainWindow::createActions()
{
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    m_redo->setShortcuts(QKeySequence::Redo);
    m_refresh = action(this, "refresh", tr("Re&fresh Schemas"), QKeySequence(Qt::Key_F5),
                       tr("Read both schemas again and check the project"));
    m_quickOpenAction =
        action(this, "search", tr("&Quick Open\u2026"), QKeySequence(Qt::CTRL | Qt::Key_K),
               tr("Find a table, column, mapping, lookup or rule"));
    m_findAction = action(this, nullptr, tr("&Find and Replace in Expressions\u2026"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
                          tr("Find text in every expression, filter and rule, and replace it"));
    m_quitAction = action(this, nullptr, tr("&Quit"), QKeySequence::Quit, tr("Leave Cutover"));
    m_quitAction->setMenuRole(QAction::QuitRole);
    m_quickOpen = new QuickOpen(this);

    connect(m_refresh, &QAction::triggered, this, &MainWindow::reload);
    connect(m_quickOpenAction, &QAction::triggered, this, &MainWindow::openQuickOpen);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::openFindReplace);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_quickOpen, &QuickOpen::chosen, this,
            [this](const QuickOpen::Target &target) { jumpTo(QVariant::fromValue(target)); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_actions->newMigrationAction());
    file->addAction(m_files->newAction());
    file->addAction(m_files->openAction());
    file->addMenu(m_files->recentMenu());
    file->addSeparator();
    file->addAction(m_files->saveAction());
    file->addAction(m_files->saveAsAction());
    file->addAction(m_files->reloadAction());
    file->addAction(m_files->closeAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addAction(m_actions->addConnectionAction());
    edit->addAction(m_actions->addMappingAction());
    edit->addSeparator();
    edit->addAction(m_quickOpenAction);
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addSeparator();
    for (QDockWidget *dock : m_docks)
        view->addAction(dock->toggleViewAction());

    menuBar()->addMenu(m_runActions->createMenu(this));
    menuBar()->addMenu(m_runbookActions->createMenu(this));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Cutover"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    auto *toolBar = new QToolBar(tr("Main"), this);
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *a :
         {m_actions->newMigrationAction(), m_files->openAction(), m_files->saveAction()})
        toolBar->addAction(a);
    toolBar->addSeparator();
    // the undo actions' texts name the edit; in the tool bar their icons and tooltips say it
    for (QAction *a : {m_undo, m_redo}) {
        auto *button = new QToolButton(toolBar);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        toolBar->addWidget(button);
    }
    toolBar->addSeparator();
    toolBar->addAction(m_refresh);
    toolBar->addAction(m_quickOpenAction);
    addToolBar(Qt::TopToolBarArea, toolBar);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(tr("No project open"), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_cancelCheck = new QToolButton(this);
    m_cancelCheck->setText(tr("Cancel"));
    m_cancelCheck->setToolTip(tr("Stop waiting for this check"));
    m_cancelCheck->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_cancelCheck);
    connect(m_cancelCheck, &QToolButton::clicked, m_validation, &ProjectValidation::cancel);
}

void MainWindow::connectDocument()
{
    connect(m_document, &ProjectDocument::projectReplaced, this, &MainWindow::projectReplaced);
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Settings)
            updateTitle();
    });
    connect(m_validation, &ProjectValidation::started, this, &MainWindow::showChecking);
    connect(m_validation, &ProjectValidation::finished, this, &MainWindow::showOutcome);
    connect(m_validation, &ProjectValidation::cancelled, this, [this] {
        m_busy->hide();
        m_cancelCheck->hide();
        m_statusLabel->setText(tr("Check cancelled"));
    });
    connect(m_files, &ProjectFileController::openFailed, this, &MainWindow::showLoadError);
    connect(m_files, &ProjectFileController::message, m_log, &LogPane::append);
    connect(m_problemsPane, &ProblemsPane::problemActivated, this, &MainWindow::showProblem);
    connect(m_editors->overview(), &MappingsPane::mappingActivated, this, &MainWindow::showMapping);
    connect(m_projectTree, &ProjectTreeView::itemActivated, this, &MainWindow::showItem);
    connect(m_projectTree, &ProjectTreeView::groupActivated, this,
            [this](ProjectTreeModel::Group group) {
                if (group == ProjectTreeModel::Group::Runs)
                    m_runActions->showHistoryAction()->trigger();
                else if (group == ProjectTreeModel::Group::Reports)
                    m_runActions->showReportAction()->trigger();
                else if (group == ProjectTreeModel::Group::Runbook)
                    m_editors->showRunbook();
            });
    connect(m_editors, &EditorArea::mappingOpened, this, [this](qsizetype mapping) {
        m_projectTree->select(ProjectTreeModel::Kind::Mapping, mapping);
        showItem(ProjectTreeModel::Kind::Mapping, mapping);
    });
    connect(m_editors, &EditorArea::mappingSelected, this, [this](qsizetype mapping) {
        m_projectTree->mark(ProjectTreeModel::Kind::Mapping, mapping);
        followMapping(mapping);
    });
    connectFunctionReference();
    connect(m_editors, &EditorArea::sourceColumnsRead, m_sourcePane, &SchemaPane::highlightColumns);
    m_actions->follow(m_projectTree);
    connect(m_history, &ProjectHistory::updated, this, [this] {
        m_projectTree->model()->setHistory(m_history->snapshot());
        m_editors->setHistory(m_history->snapshot().runs, m_history->snapshot().reports);
    });
    connectRuns();
}

// A run that ends changes the run history; the Run menu's actions bring the monitor forward.
void MainWindow::connectRuns()
{
    RunMonitor *monitor = m_editors->runMonitor();
    connect(monitor, &RunMonitor::runEnded, m_history, &ProjectHistory::refresh);
    connect(m_runActions, &RunActions::monitorWanted, m_editors, &EditorArea::showRunMonitor);
    connect(m_runActions, &RunActions::historyWanted, m_editors,
            [this] { m_editors->showRunHistory(); });
    connect(m_runActions, &RunActions::reconcileWanted, m_editors,
            [this] { m_editors->reconcileRun({}); });
    connect(m_runActions, &RunActions::quarantineWanted, m_editors,
            [this] { m_editors->showQuarantine(); });
    connect(m_runActions, &RunActions::reportWanted, m_editors, [this] {
        if (!m_editors->reportViewer()->report())
            m_editors->reportViewer()->loadReport(m_document->project());
        m_editors->showReportViewer();
    });
    RunHistoryView *history = m_editors->runHistory();
    connect(history, &RunHistoryView::refreshRequested, m_history, &ProjectHistory::refresh);
    connect(m_editors, &EditorArea::reportStored, m_history, &ProjectHistory::refresh);
    connect(history, &RunHistoryView::rolledBack, this,
            [this](const QString &, const QStringList &lines) {
                for (const QString &line : lines)
                    m_log->append(line);
            });
}

MappingsPane *MainWindow::mappingsPane() const
{
    return m_editors->overview();
}

QString MainWindow::projectFile() const
{
    return m_document->filePath();
}

bool MainWindow::isLoading() const
{
    return m_validation->isBusy();
}

const ProjectCheck::Outcome &MainWindow::outcome() const
{
    return m_validation->outcome();
}

void MainWindow::openProject(const QString &filePath)
{
    Q_EMIT loadStarted(QFileInfo(filePath).absoluteFilePath());
    m_files->open(filePath);
}

void MainWindow::reload()
{
    if (!m_document->hasProject())
        return;
    m_loadPending = true;
    Q_EMIT loadStarted(m_document->filePath());
    m_validation->refresh();
    m_history->refresh();
}

void MainWindow::projectReplaced()
{
    m_loadPending = m_document->hasProject();
    if (m_errorBox)
        m_errorBox->close();
    if (!m_document->hasProject()) {
        m_sourcePane->clear();
        m_targetPane->clear();
        m_problemsPane->clear();
        mappingsPane()->clear();
        m_statusLabel->setText(tr("No project open"));
    }
    updateTitle();
}

void MainWindow::updateTitle()
{
    if (!m_document->hasProject()) {
        setWindowTitle(tr("Cutover"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(tr("%1[*] \u2014 Cutover").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::showChecking(bool readingSchemas)
{
    m_busy->setVisible(true);
    m_cancelCheck->setVisible(readingSchemas);
    if (readingSchemas)
        m_statusLabel->setText(
            tr("Reading both schemas and checking %1\u2026").arg(m_document->displayName()));
}

void MainWindow::showOutcome(const ProjectCheck::Outcome &outcome, qint64 milliseconds)
{
    m_busy->hide();
    m_cancelCheck->hide();
    const Project &project = outcome.project;
    showSchemas(outcome);
    m_editors->setOutcome(outcome);
    m_problemsPane->setProblems(outcome.problems);
    m_projectTree->model()->setProblems(outcome.problems);
    m_statusLabel->setText(tr("%1: %2 in the source, %3 in the target, %4 \u2014 %5")
                               .arg(m_document->displayName(),
                                    plural(outcome.source.tables.size(), "table", "tables"),
                                    plural(outcome.target.tables.size(), "table", "tables"),
                                    plural(project.mappings.size(), "mapping", "mappings"),
                                    m_problemsPane->summaryText().toLower()));
    m_log->append(tr("Checked in %1 ms: %2").arg(milliseconds).arg(m_problemsPane->summaryText()));
    if (m_loadPending) {
        m_loadPending = false;
        Q_EMIT loadFinished(true);
    }
}

void MainWindow::showSchemas(const ProjectCheck::Outcome &outcome)
{
    const Project &project = outcome.project;
    const auto [sourceName, sourceDisplay] = connectionTitle(project, project.sourceConnection);
    const auto [targetName, targetDisplay] = connectionTitle(project, project.targetConnection);
    m_sourcePane->setConnection(sourceName, sourceDisplay);
    m_targetPane->setConnection(targetName, targetDisplay);
    if (outcome.sourceAvailable)
        m_sourcePane->setSchema(outcome.source);
    else
        m_sourcePane->setUnavailable(unavailableReason(outcome.problems, QStringLiteral("source")));
    if (outcome.targetAvailable)
        m_targetPane->setSchema(outcome.target);
    else
        m_targetPane->setUnavailable(unavailableReason(outcome.problems, QStringLiteral("target")));
}

void MainWindow::showLoadError(const QString &filePath, const QString &where,
                               const QString &message)
{
    if (!m_document->hasProject()) {
        m_sourcePane->clear();
        m_targetPane->clear();
        mappingsPane()->clear(
            tr("The project file could not be read. The problem below says where and why; fix "
               "the file and open it again."));
    }
    Problem problem;
    problem.severity = Problem::Severity::Error;
    problem.code = QStringLiteral("bad-project-file");
    problem.location = where;
    problem.message = message;
    m_problemsPane->setProblems({problem});
    m_problemsDock->show();
    m_problemsDock->raise();
    m_statusLabel->setText(tr("Cannot open %1").arg(QFileInfo(filePath).fileName()));
    m_log->append(tr("Cannot open %1: %2").arg(where, message));

    if (m_errorBox)
        m_errorBox->close();
    m_errorBox =
        new QMessageBox(QMessageBox::Warning, tr("Cannot open project"),
                        tr("The project %1 cannot be opened.").arg(QFileInfo(filePath).fileName()),
                        QMessageBox::Ok, this);
    m_errorBox->setObjectName(QStringLiteral("loadErrorBox"));
    m_errorBox->setInformativeText(QStringLiteral("%1: %2").arg(where, message));
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
    Q_EMIT loadFinished(false);
}

void MainWindow::showItem(ProjectTreeModel::Kind kind, qsizetype index)
{
    m_editors->show(kind, index);
    if (kind == ProjectTreeModel::Kind::Mapping)
        followMapping(index);
}

// The list of mappings and the schema docks show the table mapping chosen elsewhere.
void MainWindow::followMapping(qsizetype index)
{
    const auto &mappings = m_document->project().mappings;
    if (index >= 0 && index < mappings.size()) {
        mappingsPane()->selectMapping(int(index));
        m_sourcePane->select(mappings.at(index).source);
        m_targetPane->select(mappings.at(index).target);
    }
}

void MainWindow::showProblem(const Problem &problem)
{
    static const QRegularExpression item(QStringLiteral("^(\\w+)\\[(\\d+)\\]"));
    static const QHash<QString, ProjectTreeModel::Kind> kinds{
        {QStringLiteral("mappings"), ProjectTreeModel::Kind::Mapping},
        {QStringLiteral("lookups"), ProjectTreeModel::Kind::Lookup},
        {QStringLiteral("rules"), ProjectTreeModel::Kind::Rule},
        {QStringLiteral("phases"), ProjectTreeModel::Kind::Phase},
        {QStringLiteral("connections"), ProjectTreeModel::Kind::Connection},
    };
    if (const auto match = item.match(problem.path);
        match.hasMatch() && kinds.contains(match.captured(1))) {
        const auto kind = kinds.value(match.captured(1));
        const int index = match.captured(2).toInt();
        m_projectTree->select(kind, index);
        showItem(kind, index);
        if (kind == ProjectTreeModel::Kind::Mapping && !problem.column.isEmpty())
            m_editors->mappingEditor()->editColumn(problem.column);
    }
    if (problem.table.isEmpty())
        return;
    if (!m_targetPane->select(problem.table, problem.column))
        statusBar()->showMessage(tr("There is no table %1 in the target schema").arg(problem.table),
                                 5000);
}

void MainWindow::showMapping(const QString &sourceTable, const QString &targetTable,
                             const QString &targetColumn)
{
    if (!sourceTable.isEmpty())
        m_sourcePane->select(sourceTable);
    if (!targetTable.isEmpty())
        m_targetPane->select(targetTable, targetColumn);
}

void MainWindow::openQuickOpen()
{
    if (!m_document->hasProject())
        return;
    ProjectCheck::Outcome contents = m_validation->outcome();
    contents.project = m_document->project();
    m_quickOpen->setContents(contents);
    const QRect area = geometry();
    m_quickOpen->move(area.center().x() - m_quickOpen->width() / 2, area.top() + 80);
    m_quickOpen->show();
    m_quickOpen->searchEdit()->setFocus();
}

void MainWindow::jumpTo(const QVariant &value)
{
    using K = QuickOpen::Kind;
    const auto target = value.value<QuickOpen::Target>();
    switch (target.kind) {
    case K::SourceTable:
    case K::SourceColumn:
        m_sourcePane->select(target.table, target.column);
        return;
    case K::TargetTable:
    case K::TargetColumn:
        m_targetPane->select(target.table, target.column);
        return;
    case K::Mapping:
    case K::MappedColumn:
        m_projectTree->select(ProjectTreeModel::Kind::Mapping, target.index);
        showItem(ProjectTreeModel::Kind::Mapping, target.index);
        if (!target.column.isEmpty())
            m_editors->mappingEditor()->editColumn(target.column);
        return;
    case K::Lookup:
        m_projectTree->select(ProjectTreeModel::Kind::Lookup, target.index);
        showItem(ProjectTreeModel::Kind::Lookup, target.index);
        return;
    case K::Rule:
        m_projectTree->select(ProjectTreeModel::Kind::Rule, target.index);
        showItem(ProjectTreeModel::Kind::Rule, target.index);
        return;
    case K::Phase:
        m_projectTree->select(ProjectTreeModel::Kind::Phase, target.index);
        showItem(ProjectTreeModel::Kind::Phase, target.index);
        return;
    case K::Connection:
        m_projectTree->select(ProjectTreeModel::Kind::Connection, target.index);
        return;
    }
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(kSettingsGeometry).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(kSettingsState).toByteArray(); !state.isEmpty())
        m_layoutSet = restoreState(state);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kSettingsGeometry, saveGeometry());
    settings.setValue(kSettingsState, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Cutover"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/cutover.svg")).pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(tr("<h3>Cutover %1</h3>"
                    "<p>A workbench for moving data from an old system to a new one: map the "
                    "source schema onto the target, preview every transform, run the migration, "
                    "and prove what arrived.</p>"
                    "<p>Built with Qt %2.</p>")
                     .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    box->open();
}

} // namespace cutover
