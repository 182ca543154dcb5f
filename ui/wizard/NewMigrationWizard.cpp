#include "wizard/NewMigrationWizard.h"

#include "wizard/ConnectionsPage.h"
#include "wizard/IntrospectionPage.h"
#include "wizard/SavePage.h"
#include "wizard/SuggestionsPage.h"

namespace cutover {

namespace {
constexpr int kWidth = 860;
constexpr int kHeight = 640;
} // namespace

NewMigrationWizard::NewMigrationWizard(const PasswordProvider *passwords, QWidget *parent)
    : QWizard(parent)
    , m_connections(new ConnectionsPage(&m_draft, this))
    , m_introspection(new IntrospectionPage(&m_draft, passwords, this))
    , m_suggestions(new SuggestionsPage(&m_draft, passwords, this))
    , m_save(new SavePage(&m_draft, this))
{
    setObjectName(QStringLiteral("newMigrationWizard"));
    setWindowTitle(tr("New migration"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(ConnectionsPageId, m_connections);
    setPage(IntrospectionPageId, m_introspection);
    setPage(SuggestionsPageId, m_suggestions);
    setPage(SavePageId, m_save);
    setStartId(ConnectionsPageId);
    resize(kWidth, kHeight);
}

NewMigrationWizard::~NewMigrationWizard() = default;

QString NewMigrationWizard::projectFile() const
{
    return m_save->savedFile();
}

} // namespace cutover
