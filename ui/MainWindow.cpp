#include "MainWindow.h"

#include "MappingsPane.h"
#include "ProblemListModel.h"
#include "ProblemsPane.h"
#include "SchemaPane.h"
#include "dialect/ConnectionSpec.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

// Q_INIT_RESOURCE must be used outside any namespace; the resources are in a static library.
static void initCutoverResources()
{
    Q_INIT_RESOURCE(cutover);
}

namespace cutover {

namespace {

const QString kSettingsGeometry = QStringLiteral("mainWindow/geometry");
const QString kSettingsState = QStringLiteral("mainWindow/state");
const QString kSettingsSplitter = QStringLiteral("mainWindow/splitter");
const QString kSettingsLastDir = QStringLiteral("mainWindow/lastProjectDir");

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

} // namespace

MainWindow::MainWindow(const PasswordProvider *passwords, QWidget *parent)
    : QMainWindow(parent)
    , m_passwords(passwords)
{
    initCutoverResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/cutover.svg")));
    createActions();
    createLayout();
    updateTitle({});
    fitToScreen();
}

void MainWindow::fitToScreen()
{
    const QRect available = screen()->availableGeometry();
    // The frame and title bar the window manager adds lie outside the size given to resize().
    const QSize room = available.size() - QSize(16, 48);
    resize(kPreferredSize.boundedTo(room).expandedTo(minimumSizeHint()));
    move(available.topLeft() + QPoint((available.width() - width()) / 2, 0));
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openAction = new QAction(style()->standardIcon(QStyle::SP_DialogOpenButton),
                               tr("&Open Project\u2026"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setStatusTip(tr("Open a *.cutover project file"));
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseProject);

    m_reloadAction =
        new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("&Reload"), this);
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_reloadAction->setStatusTip(tr("Read the project again and re-check it against both schemas"));
    m_reloadAction->setEnabled(false);
    connect(m_reloadAction, &QAction::triggered, this, &MainWindow::reload);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_reloadAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    auto *toolBar = new QToolBar(tr("Main"), this);
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setIconSize(QSize(18, 18));
    toolBar->addAction(m_openAction);
    toolBar->addAction(m_reloadAction);
    addToolBar(Qt::TopToolBarArea, toolBar);
}

void MainWindow::createLayout()
{
    m_sourcePane = new SchemaPane(tr("Source"), this);
    m_mappingsPane = new MappingsPane(this);
    m_targetPane = new SchemaPane(tr("Target"), this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("workbenchSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_sourcePane);
    m_splitter->addWidget(m_mappingsPane);
    m_splitter->addWidget(m_targetPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 3);
    m_splitter->setSizes({470, 460, 470});
    setCentralWidget(m_splitter);

    m_problemsPane = new ProblemsPane(this);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                                QDockWidget::DockWidgetClosable);
    m_problemsDock->setWidget(m_problemsPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    resizeDocks({m_problemsDock}, {240}, Qt::Vertical);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_problemsDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Cutover"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    m_statusLabel = new QLabel(tr("No project open"), this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);

    connect(m_problemsPane, &ProblemsPane::problemActivated, this, &MainWindow::showProblem);
    connect(m_mappingsPane, &MappingsPane::mappingActivated, this, &MainWindow::showMapping);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (const QByteArray geometry = settings.value(kSettingsGeometry).toByteArray();
        !geometry.isEmpty())
        restoreGeometry(geometry);
    if (const QByteArray state = settings.value(kSettingsState).toByteArray(); !state.isEmpty())
        restoreState(state);
    if (const QByteArray sizes = settings.value(kSettingsSplitter).toByteArray(); !sizes.isEmpty())
        m_splitter->restoreState(sizes);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kSettingsGeometry, saveGeometry());
    settings.setValue(kSettingsState, saveState());
    settings.setValue(kSettingsSplitter, m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::updateTitle(const QString &projectName)
{
    setWindowTitle(projectName.isEmpty() ? tr("Cutover")
                                         : tr("%1 \u2014 Cutover").arg(projectName));
}

void MainWindow::chooseProject()
{
    QSettings settings;
    const QString startDir = m_projectFile.isEmpty() ? settings.value(kSettingsLastDir).toString()
                                                     : QFileInfo(m_projectFile).absolutePath();
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Project"), startDir, tr("Cutover projects (*.cutover);;All files (*)"));
    if (file.isEmpty())
        return;
    settings.setValue(kSettingsLastDir, QFileInfo(file).absolutePath());
    openProject(file);
}

void MainWindow::openProject(const QString &filePath)
{
    m_projectFile = QFileInfo(filePath).absoluteFilePath();
    m_reloadAction->setEnabled(true);
    reload();
}

MainWindow::LoadResult MainWindow::load(const QString &filePath, const PasswordProvider *passwords)
{
    LoadResult result;
    result.filePath = filePath;
    try {
        auto outcome = ProjectCheck::run(filePath, passwords);
        if (outcome) {
            result.ok = true;
            result.outcome = std::move(outcome.value());
        } else {
            result.error = outcome.error();
        }
    } catch (const std::exception &e) {
        result.error = Error(Error::Code::Internal, QString::fromLocal8Bit(e.what()), filePath);
    }
    return result;
}

void MainWindow::reload()
{
    if (m_projectFile.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_statusLabel->setText(tr("Loading %1\u2026").arg(QFileInfo(m_projectFile).fileName()));

    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        finishLoad(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&MainWindow::load, m_projectFile, m_passwords));
    Q_EMIT loadStarted(m_projectFile);
}

void MainWindow::setLoading(bool loading)
{
    m_loading = loading;
    m_busy->setVisible(loading);
    m_reloadAction->setEnabled(!m_projectFile.isEmpty());
}

void MainWindow::finishLoad(quint64 generation, const LoadResult &result)
{
    if (generation != m_generation)
        return; // a newer load was started; this result is stale
    setLoading(false);
    if (result.ok)
        showOutcome(result.outcome);
    else
        showLoadError(result.filePath, result.error);
    Q_EMIT loadFinished(result.ok);
}

void MainWindow::showOutcome(const ProjectCheck::Outcome &outcome)
{
    m_outcome = outcome;
    const Project &project = outcome.project;
    if (m_errorBox)
        m_errorBox->close();

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
    m_mappingsPane->setProject(project, outcome.problems);
    m_problemsPane->setProblems(outcome.problems);

    const QString name =
        project.name.isEmpty() ? QFileInfo(outcome.filePath).completeBaseName() : project.name;
    updateTitle(name);
    m_statusLabel->setText(tr("%1: %2 in the source, %3 in the target, %4 \u2014 %5")
                               .arg(QFileInfo(outcome.filePath).fileName(),
                                    plural(outcome.source.tables.size(), "table", "tables"),
                                    plural(outcome.target.tables.size(), "table", "tables"),
                                    plural(project.mappings.size(), "mapping", "mappings"),
                                    m_problemsPane->summaryText().toLower()));
}

void MainWindow::showLoadError(const QString &filePath, const Error &error)
{
    m_outcome = {};
    m_sourcePane->clear();
    m_targetPane->clear();
    m_mappingsPane->clear(
        tr("The project file could not be read. The problem below says where and why; fix the "
           "file and reload (F5)."));
    updateTitle(QFileInfo(filePath).completeBaseName());

    Problem problem;
    problem.severity = Problem::Severity::Error;
    problem.code = QStringLiteral("bad-project-file");
    problem.location = error.where().isEmpty() ? filePath : error.where();
    problem.message = error.hint().isEmpty()
                          ? error.message()
                          : QStringLiteral("%1 (%2)").arg(error.message(), error.hint());
    m_problemsPane->setProblems({problem});
    m_problemsDock->show();
    m_statusLabel->setText(tr("Cannot open %1").arg(QFileInfo(filePath).fileName()));

    if (m_errorBox)
        m_errorBox->close();
    m_errorBox =
        new QMessageBox(QMessageBox::Warning, tr("Cannot open project"),
                        tr("The project %1 cannot be opened.").arg(QFileInfo(filePath).fileName()),
                        QMessageBox::Ok, this);
    m_errorBox->setObjectName(QStringLiteral("loadErrorBox"));
    m_errorBox->setInformativeText(error.toString());
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->open();
}

void MainWindow::showProblem(const Problem &problem)
{
    static const QRegularExpression mappingPath(QStringLiteral("^mappings\\[(\\d+)\\]"));
    if (const auto match = mappingPath.match(problem.path); match.hasMatch()) {
        const int index = match.captured(1).toInt();
        m_mappingsPane->selectMapping(index);
        if (index < m_outcome.project.mappings.size())
            m_sourcePane->select(m_outcome.project.mappings.at(index).source);
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
