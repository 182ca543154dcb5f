#include "wizard/ConnectionsPage.h"

#include "wizard/ConnectionChooser.h"
#include "wizard/MigrationDraft.h"

#include <QGroupBox>
#include <QVBoxLayout>

namespace cutover {

namespace {
QGroupBox *framed(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    return box;
}
} // namespace

ConnectionsPage::ConnectionsPage(MigrationDraft *draft, QWidget *parent)
    : QWizardPage(parent)
    , m_draft(draft)
    , m_source(new ConnectionChooser(ConnectionChooser::Role::Source, this))
    , m_target(new ConnectionChooser(ConnectionChooser::Role::Target, this))
{
    setTitle(tr("Source and target"));
    setSubTitle(tr("Where the data comes from and where it goes. Nothing is written until you "
                   "finish."));
    m_source->setObjectName(QStringLiteral("sourceChooser"));
    m_target->setObjectName(QStringLiteral("targetChooser"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(framed(tr("Source (read from)"), m_source, this));
    layout->addWidget(framed(tr("Target (written to)"), m_target, this));
    layout->addStretch(1);
    connect(m_source, &ConnectionChooser::changed, this, &QWizardPage::completeChanged);
    connect(m_target, &ConnectionChooser::changed, this, &QWizardPage::completeChanged);
}

bool ConnectionsPage::isComplete() const
{
    return m_source->problem().isEmpty() && m_target->problem().isEmpty();
}

bool ConnectionsPage::validatePage()
{
    auto source = m_source->spec();
    auto target = m_target->spec();
    if (!source || !target)
        return false;
    m_draft->source = {*source, false, {}};
    m_draft->target = {*target, m_target->createsFile(), {}};
    return true;
}

} // namespace cutover
