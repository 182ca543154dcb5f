#include "wizard/SavePage.h"

#include "project/ProjectWriter.h"
#include "wizard/MigrationDraft.h"
#include "wizard/PathField.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace cutover {

namespace {
const QString kSuffix = QStringLiteral(".cutover");

QString baseName(const ConnectionSpec &spec)
{
    return spec.isServer() ? spec.database() : QFileInfo(spec.path()).completeBaseName();
}
} // namespace

SavePage::SavePage(MigrationDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_name(new QLineEdit(this))
    , m_folder(new PathField(PathField::Mode::Folder, this))
    , m_fileName(new QLineEdit(this))
    , m_preview(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Save the project"));
    setSubTitle(tr("One *.cutover file holds the connections and mappings; keep it next to your "
                   "migration scripts and commit it to git."));
    m_name->setObjectName(QStringLiteral("projectName"));
    m_folder->setObjectName(QStringLiteral("projectFolder"));
    m_fileName->setObjectName(QStringLiteral("fileName"));
    m_error->setObjectName(QStringLiteral("saveError"));
    for (QLabel *label : {m_summary, m_error})
        label->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Project name:"), m_name);
    form->addRow(tr("Folder:"), m_folder);
    form->addRow(tr("File name:"), m_fileName);
    form->addRow(QString(), m_preview);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(fontMetrics().height());
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_name, &QLineEdit::textEdited, this, &SavePage::nameEdited);
    connect(m_fileName, &QLineEdit::textEdited, this, [this] { m_fileNameFollows = false; });
    connect(m_fileName, &QLineEdit::textChanged, this, &SavePage::updatePreview);
    connect(m_folder, &PathField::pathChanged, this, &SavePage::updatePreview);
}

void SavePage::initializePage()
{
    if (m_name->text().isEmpty()) {
        m_name->setText(
            tr("%1 to %2").arg(baseName(m_draft->source.spec), baseName(m_draft->target.spec)));
        nameEdited();
    }
    if (m_folder->path().isEmpty())
        m_folder->setPath(m_draft->source.spec.isServer()
                              ? QDir::homePath()
                              : QFileInfo(m_draft->source.spec.path()).absolutePath());
    m_error->clear();
    updatePreview();
}

void SavePage::nameEdited()
{
    if (m_fileNameFollows)
        m_fileName->setText(fileNameFor(m_name->text()));
    Q_EMIT completeChanged();
}

QString SavePage::fileNameFor(const QString &projectName)
{
    QString stem = projectName.trimmed().toLower();
    stem.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    stem.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return stem.isEmpty() ? QString() : stem + kSuffix;
}

QString SavePage::filePath() const
{
    QString name = m_fileName->text().trimmed();
    if (name.isEmpty() || m_folder->path().isEmpty())
        return {};
    if (!name.endsWith(kSuffix))
        name += kSuffix;
    return QDir(m_folder->path()).absoluteFilePath(name);
}

void SavePage::updatePreview()
{
    const QString path = filePath();
    m_preview->setText(path.isEmpty() ? QString()
                       : QFileInfo::exists(path)
                           ? tr("%1 exists; choose another file name.").arg(PathField::shown(path))
                           : tr("Saves %1").arg(PathField::shown(path)));
    m_summary->setText(describeChoice() + describeConnections(path));
    Q_EMIT completeChanged();
}

QString SavePage::describeChoice() const
{
    const auto &choice = m_draft->choice;
    const qsizetype tables = choice.mappings.size() + choice.create.size();
    const int columns = m_draft->chosenColumnCount();
    QString text = tr("The project maps %1 with %2")
                       .arg(tables == 1 ? tr("1 table") : tr("%1 tables").arg(tables),
                            columns == 1 ? tr("1 column") : tr("%1 columns").arg(columns));
    if (!choice.create.isEmpty())
        text += tr(", and the run creates %1 in the target: %2")
                    .arg(choice.create.size() == 1 ? tr("1 table")
                                                   : tr("%1 tables").arg(choice.create.size()),
                         choice.create.join(QStringLiteral(", ")));
    text += QLatin1Char('.');
    if (m_draft->target.createFile)
        text += QLatin1Char(' ') + tr("Finish makes the new, empty target file %1.")
                                       .arg(QFileInfo(m_draft->target.spec.path()).fileName());
    return text + QLatin1Char(' ') + tr("The workbench opens it, ready to validate and run.");
}

QString SavePage::describeConnections(const QString &path) const
{
    if (path.isEmpty())
        return {};
    const QString dir = QFileInfo(path).absolutePath();
    return QStringLiteral("\n\n") +
           tr("The file names the source %1 and the target %2; files in the project's folder are "
              "named relative to it, so the folder can move as a whole.")
               .arg(MigrationDraft::projectUrl(m_draft->source.spec, dir),
                    MigrationDraft::projectUrl(m_draft->target.spec, dir));
}

bool SavePage::isComplete() const
{
    return !m_name->text().trimmed().isEmpty() && !filePath().isEmpty() &&
           !QFileInfo::exists(filePath());
}

bool SavePage::validatePage()
{
    const QString path = filePath();
    auto saved = save(path);
    if (!saved) {
        m_error->setText(tr("Not saved: %1").arg(saved.error().toString()));
        return false;
    }
    m_savedFile = path;
    return true;
}

Result<void> SavePage::save(const QString &path)
{
    if (QFileInfo::exists(path))
        return Error(Error::Code::Io, QStringLiteral("the file exists"), path,
                     QStringLiteral("choose another file name"));
    auto project = m_draft->project(m_name->text().trimmed(), path);
    if (!project)
        return project.error();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(Error::Code::Io, QStringLiteral("cannot make the folder"),
                     QFileInfo(path).absolutePath());
    const QString target = m_draft->target.spec.path();
    if (m_draft->target.createFile && !QFileInfo::exists(target))
        if (auto made = createEmptyFile(target); !made)
            return made;
    return ProjectWriter::save(*project, path);
}

Result<void> SavePage::createEmptyFile(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(Error::Code::Io,
                     QStringLiteral("cannot create the database: %1").arg(file.errorString()),
                     path);
    return {};
}

} // namespace cutover
