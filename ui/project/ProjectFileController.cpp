#include "project/ProjectFileController.h"

#include "ProjectDocument.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace cutover {

namespace {

const QString kRecentKey = QStringLiteral("project/recent");
const QString kLastDirKey = QStringLiteral("mainWindow/lastProjectDir");
const QString kFilter = QObject::tr("Cutover projects (*.cutover);;All files (*)");

QAction *action(QObject *parent, const QString &icon, const QString &text, const QKeySequence &keys,
                const QString &tip)
{
    auto *a = new QAction(text, parent);
    if (!icon.isEmpty())
        a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
    a->setShortcut(keys);
    a->setStatusTip(tip);
    a->setToolTip(keys.isEmpty() ? tip
                                 : QStringLiteral("%1 (%2)").arg(
                                       tip, keys.toString(QKeySequence::NativeText)));
    return a;
}

} // namespace

ProjectFileController::ProjectFileController(ProjectDocument &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
{
    createActions();
    connect(&document, &ProjectDocument::modifiedChanged, this,
            &ProjectFileController::updateActions);
    connect(&document, &ProjectDocument::projectReplaced, this,
            &ProjectFileController::updateActions);
    connect(&document, &ProjectDocument::filePathChanged, this, [this](const QString &path) {
        if (!path.isEmpty())
            remember(path);
        updateActions();
    });
    connect(&document, &ProjectDocument::changedOnDisk, this, &ProjectFileController::offerReload);
    updateActions();
}

void ProjectFileController::createActions()
{
    m_new = action(this, QStringLiteral("new"), tr("&New Project"), QKeySequence::New,
                   tr("Start an empty project"));
    m_open = action(this, QStringLiteral("open"), tr("&Open Project\u2026"), QKeySequence::Open,
                    tr("Open a *.cutover project file"));
    m_save = action(this, QStringLiteral("save"), tr("&Save"), QKeySequence::Save,
                    tr("Save the project to its file"));
    m_saveAs = action(this, {}, tr("Save &As\u2026"), QKeySequence::SaveAs,
                      tr("Save the project to another file"));
    m_reload = action(this, QStringLiteral("refresh"), tr("&Reload from Disk"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      tr("Read the project file again, dropping unsaved changes"));
    m_close = action(this, {}, tr("&Close Project"), QKeySequence::Close, tr("Close the project"));
    m_recentMenu = new QMenu(tr("Open &Recent"), m_window);
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ProjectFileController::fillRecentMenu);

    connect(m_new, &QAction::triggered, this, &ProjectFileController::startNew);
    connect(m_open, &QAction::triggered, this, &ProjectFileController::chooseAndOpen);
    connect(m_save, &QAction::triggered, this, &ProjectFileController::save);
    connect(m_saveAs, &QAction::triggered, this, &ProjectFileController::saveAs);
    connect(m_reload, &QAction::triggered, this, &ProjectFileController::reloadFromDisk);
    connect(m_close, &QAction::triggered, this, &ProjectFileController::closeProject);
}

void ProjectFileController::updateActions()
{
    const bool open = m_document.hasProject();
    m_save->setEnabled(open && (m_document.isModified() || m_document.filePath().isEmpty()));
    m_saveAs->setEnabled(open);
    m_reload->setEnabled(open && !m_document.filePath().isEmpty());
    m_close->setEnabled(open);
}

QString ProjectFileController::startDirectory() const
{
    if (!m_document.filePath().isEmpty())
        return QFileInfo(m_document.filePath()).absolutePath();
    return QSettings().value(kLastDirKey, QDir::homePath()).toString();
}

void ProjectFileController::chooseAndOpen()
{
    if (!maybeSave())
        return;
    const QString file =
        QFileDialog::getOpenFileName(m_window, tr("Open Project"), startDirectory(), kFilter);
    if (!file.isEmpty())
        open(file);
}

bool ProjectFileController::open(const QString &filePath)
{
    if (!maybeSave()) // opening the open file again drops its unsaved changes too
        return false;
    auto opened = m_document.open(filePath);
    if (!opened) {
        const Error &error = opened.error();
        Q_EMIT openFailed(filePath, error.where().isEmpty() ? filePath : error.where(),
                          error.hint().isEmpty()
                              ? error.message()
                              : QStringLiteral("%1 (%2)").arg(error.message(), error.hint()));
        return false;
    }
    QSettings().setValue(kLastDirKey, QFileInfo(filePath).absolutePath());
    remember(m_document.filePath());
    Q_EMIT message(tr("Opened %1").arg(QDir::toNativeSeparators(m_document.filePath())));
    return true;
}

void ProjectFileController::startNew()
{
    if (!maybeSave())
        return;
    m_document.reset();
    Q_EMIT message(tr("Started a new project"));
}

void ProjectFileController::closeProject()
{
    if (maybeSave())
        m_document.close();
}

bool ProjectFileController::maybeSave()
{
    if (!m_document.hasProject() || !m_document.isModified())
        return true;
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("The project %1 has changes that are not saved.").arg(m_document.displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setInformativeText(tr("Save them before going on?"));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool ProjectFileController::confirmOverwrite()
{
    if (!m_document.fileChangedElsewhere())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("The file changed on disk"),
                    tr("%1 was changed by someone else since it was opened.")
                        .arg(QFileInfo(m_document.filePath()).fileName()),
                    QMessageBox::Cancel, m_window);
    box.setObjectName(QStringLiteral("overwriteBox"));
    box.setInformativeText(tr("Saving now replaces their change with yours."));
    QPushButton *overwrite = box.addButton(tr("Overwrite Their Change"), QMessageBox::AcceptRole);
    QPushButton *saveElsewhere = box.addButton(tr("Save As\u2026"), QMessageBox::ActionRole);
    box.setDefaultButton(saveElsewhere);
    box.exec();
    if (box.clickedButton() == saveElsewhere) {
        saveAs(); // the caller's save to the old file does not happen either way
        return false;
    }
    return box.clickedButton() == overwrite;
}

bool ProjectFileController::save()
{
    if (m_document.filePath().isEmpty())
        return saveAs();
    if (!confirmOverwrite())
        return !m_document.isModified();
    if (auto saved = m_document.save(); !saved) {
        QMessageBox::warning(m_window, tr("Cannot save"), saved.error().toString());
        return false;
    }
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_document.filePath())));
    return true;
}

bool ProjectFileController::saveAs()
{
    const QString suggested =
        m_document.filePath().isEmpty()
            ? QDir(startDirectory()).filePath(m_document.displayName() + QStringLiteral(".cutover"))
            : m_document.filePath();
    QString file =
        QFileDialog::getSaveFileName(m_window, tr("Save Project As"), suggested, kFilter);
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".cutover");
    if (auto saved = m_document.saveAs(file); !saved) {
        QMessageBox::warning(m_window, tr("Cannot save"), saved.error().toString());
        return false;
    }
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_document.filePath())));
    return true;
}

void ProjectFileController::reloadFromDisk()
{
    if (!maybeSave())
        return;
    if (auto reloaded = m_document.reload(); !reloaded) {
        const Error &error = reloaded.error();
        Q_EMIT openFailed(m_document.filePath(), error.where(), error.message());
        return;
    }
    Q_EMIT message(tr("Reloaded %1").arg(QDir::toNativeSeparators(m_document.filePath())));
}

// Not modal: a pull can land while the user is typing; the question waits for them.
void ProjectFileController::offerReload()
{
    if (m_reloadBox)
        return;
    m_reloadBox = new QMessageBox(
        QMessageBox::Question, tr("Project changed on disk"),
        tr("%1 was changed outside Cutover.").arg(QFileInfo(m_document.filePath()).fileName()),
        QMessageBox::NoButton, m_window);
    m_reloadBox->setObjectName(QStringLiteral("changedOnDiskBox"));
    m_reloadBox->setAttribute(Qt::WA_DeleteOnClose);
    m_reloadBox->setInformativeText(
        m_document.isModified()
            ? tr("Reload it and lose your unsaved changes, or keep yours (saving will then ask "
                 "before replacing the other change)?")
            : tr("Reload it to see the change?"));
    QPushButton *reload = m_reloadBox->addButton(tr("Reload"), QMessageBox::AcceptRole);
    m_reloadBox->addButton(tr("Keep Mine"), QMessageBox::RejectRole);
    m_reloadBox->setDefaultButton(reload);
    connect(m_reloadBox, &QMessageBox::buttonClicked, this, [this, reload](QAbstractButton *b) {
        if (b != reload)
            return;
        if (auto reloaded = m_document.reload(); reloaded)
            Q_EMIT message(tr("Reloaded %1 after a change on disk")
                               .arg(QDir::toNativeSeparators(m_document.filePath())));
    });
    m_reloadBox->open();
}

QStringList ProjectFileController::recentProjects()
{
    return QSettings().value(kRecentKey).toStringList();
}

void ProjectFileController::remember(const QString &filePath)
{
    QStringList recent = recentProjects();
    recent.removeAll(filePath);
    recent.prepend(filePath);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
}

void ProjectFileController::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentProjects();
    for (int i = 0; i < recent.size(); ++i) {
        const QString &path = recent.at(i);
        QAction *item = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        item->setStatusTip(QDir::toNativeSeparators(path));
        item->setEnabled(QFileInfo::exists(path));
        connect(item, &QAction::triggered, this, [this, path] { open(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    m_recentMenu->addSeparator();
    connect(m_recentMenu->addAction(tr("Clear the List")), &QAction::triggered, this,
            [] { QSettings().remove(kRecentKey); });
}

} // namespace cutover
