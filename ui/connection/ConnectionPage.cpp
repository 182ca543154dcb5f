#include "connection/ConnectionPage.h"

#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QUrlQuery>

namespace cutover {

namespace {
const QString kLastFolderKey = QStringLiteral("connectionDialog/lastFolder");
}

ConnectionPage::ConnectionPage(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void ConnectionPage::addRow(const QString &label, QWidget *buddy, QLayout *field)
{
    auto *text = new QLabel(label, this);
    text->setBuddy(buddy);
    m_form->addRow(text, field);
}

QString ConnectionPage::absolutePath(const QString &typed) const
{
    const QString path = QDir::fromNativeSeparators(typed.trimmed());
    if (path.isEmpty())
        return {};
    const QDir base(m_baseDir.isEmpty() ? QDir::currentPath() : m_baseDir);
    return QDir::cleanPath(base.absoluteFilePath(path));
}

QString ConnectionPage::storedPath(const QString &absolutePath, const QString &baseDir)
{
    const QString clean = QDir::cleanPath(absolutePath);
    if (baseDir.isEmpty())
        return clean;
    const QString relative = QDir(baseDir).relativeFilePath(clean);
    if (relative.isEmpty() || QDir::isAbsolutePath(relative) ||
        relative.startsWith(QLatin1String("..")))
        return clean;
    return relative;
}

QString ConnectionPage::queryString(const QMap<QString, QString> &options)
{
    if (options.isEmpty())
        return {};
    QUrlQuery query;
    for (auto it = options.begin(); it != options.end(); ++it)
        query.addQueryItem(it.key(), it.value());
    return QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
}

QString ConnectionPage::lastFolder()
{
    return QSettings().value(kLastFolderKey, QDir::homePath()).toString();
}

void ConnectionPage::rememberFolder(const QString &folder)
{
    QSettings().setValue(kLastFolderKey, folder);
}

} // namespace cutover
