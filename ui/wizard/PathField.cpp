#include "wizard/PathField.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

namespace cutover {

PathField::PathField(Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_mode(mode)
    , m_edit(new QLineEdit(this))
    , m_browse(new QToolButton(this))
{
    m_edit->setObjectName(QStringLiteral("path"));
    m_edit->setClearButtonEnabled(true);
    m_browse->setText(tr("Browse\u2026"));
    m_browse->setToolTip(mode == Mode::Folder ? tr("Choose a folder") : tr("Choose a file"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_browse);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &PathField::pathChanged);
    connect(m_browse, &QToolButton::clicked, this, &PathField::browse);
}

QString PathField::path() const
{
    const QString text = expanded(m_edit->text().trimmed());
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::current().absoluteFilePath(text));
}

void PathField::setPath(const QString &path)
{
    m_edit->setText(shown(path));
}

QString PathField::shown(const QString &path)
{
    const QString home = QDir::homePath();
    if (path == home || path.startsWith(home + QLatin1Char('/')))
        return QDir::toNativeSeparators(QLatin1Char('~') + path.mid(home.size()));
    return QDir::toNativeSeparators(path);
}

QString PathField::expanded(const QString &text)
{
    if (text == QLatin1String("~") || text.startsWith(QLatin1String("~/")))
        return QDir::homePath() + text.mid(1);
    return QDir::fromNativeSeparators(text);
}

void PathField::browse()
{
    const QString start = path();
    QString chosen;
    switch (m_mode) {
    case Mode::OpenFile:
        chosen = QFileDialog::getOpenFileName(this, tr("Choose a file"), start, m_filter);
        break;
    case Mode::SaveFile:
        chosen = QFileDialog::getSaveFileName(this, tr("New file"), start, m_filter, nullptr,
                                              QFileDialog::DontConfirmOverwrite);
        break;
    case Mode::Folder:
        chosen = QFileDialog::getExistingDirectory(this, tr("Choose a folder"), start);
        break;
    }
    if (!chosen.isEmpty())
        setPath(chosen);
}

} // namespace cutover
