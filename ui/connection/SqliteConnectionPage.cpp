#include "connection/SqliteConnectionPage.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace cutover {

namespace {
QString fileFilter()
{
    return QObject::tr("SQLite databases (*.db *.sqlite *.sqlite3 *.db3);;All files (*)");
}
} // namespace

SqliteConnectionPage::SqliteConnectionPage(QWidget *parent)
    : ConnectionPage(parent)
    , m_path(new QLineEdit(this))
    , m_create(new QCheckBox(tr("Create a new empty file if there is none (for a target)"), this))
{
    m_path->setObjectName(QStringLiteral("sqlitePath"));
    m_path->setPlaceholderText(tr("Path of the database file"));
    m_create->setObjectName(QStringLiteral("sqliteCreate"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("sqliteBrowse"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    addRow(tr("&File:"), m_path, row);
    form()->addRow(QString(), m_create);
    connect(browse, &QPushButton::clicked, this, &SqliteConnectionPage::browse);
    connect(m_path, &QLineEdit::textEdited, this, &ConnectionPage::edited);
    connect(m_create, &QCheckBox::toggled, this, &ConnectionPage::edited);
}

void SqliteConnectionPage::load(const ConnectionSpec &spec)
{
    m_path->setText(QDir::toNativeSeparators(spec.path()));
    m_otherOptions = spec.options();
}

QString SqliteConnectionPage::absolutePath() const
{
    return ConnectionPage::absolutePath(m_path->text());
}

Result<QString> SqliteConnectionPage::url(const QString &baseDir) const
{
    const QString path = absolutePath();
    if (path.isEmpty())
        return Error(Error::Code::Usage, tr("Choose the SQLite file."));
    if (QFileInfo(path).isDir())
        return Error(Error::Code::Usage, tr("%1 is a folder; choose a SQLite file.").arg(path));
    if (!m_create->isChecked() && !QFileInfo::exists(path))
        return Error(Error::Code::Usage,
                     tr("There is no file at %1. Tick \"Create a new empty file\" to make one "
                        "for a target.")
                         .arg(path));
    return QStringLiteral("sqlite:") + storedPath(path, baseDir) + queryString(m_otherOptions);
}

QString SqliteConnectionPage::suggestedName() const
{
    return QFileInfo(absolutePath()).completeBaseName();
}

bool SqliteConnectionPage::willCreate() const
{
    const QString path = absolutePath();
    return m_create->isChecked() && !path.isEmpty() && !QFileInfo::exists(path);
}

Result<void> SqliteConnectionPage::prepareAccept()
{
    if (!willCreate())
        return {};
    const QString path = absolutePath();
    // SQLite takes an empty file for an empty database.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return Error(Error::Code::Io, tr("Cannot create %1: %2").arg(path, file.errorString()));
    return {};
}

void SqliteConnectionPage::browse()
{
    const QString start = m_path->text().isEmpty() ? lastFolder() : absolutePath();
    const QString chosen =
        m_create->isChecked()
            ? QFileDialog::getSaveFileName(this, tr("New or existing SQLite file"), start,
                                           fileFilter(), nullptr, QFileDialog::DontConfirmOverwrite)
            : QFileDialog::getOpenFileName(this, tr("SQLite file"), start, fileFilter());
    if (chosen.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(chosen));
    rememberFolder(QFileInfo(chosen).absolutePath());
    Q_EMIT edited();
}

} // namespace cutover
