#pragma once

#include "wizard/MigrationDraft.h"

#include <QWizard>

namespace cutover {

class ConnectionsPage;
class IntrospectionPage;
class PasswordProvider;
class SavePage;
class SuggestionsPage;

// "New migration": from two connections to a saved project ready to validate and run, without
// writing JSON. Pages: source and target connections; both schemas read off the GUI thread;
// auto-map's suggestions to tick (and tables to create for a lift and shift); where to save.
// Finish writes the project through ProjectWriter; projectFile() then names it, for the main
// window to open:
//
//     NewMigrationWizard wizard(passwords, this);
//     if (wizard.exec() == QDialog::Accepted)
//         openProject(wizard.projectFile());
//
// passwords may be null and must outlive the wizard (and any read it started).
class NewMigrationWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId
    {
        ConnectionsPageId,
        IntrospectionPageId,
        SuggestionsPageId,
        SavePageId
    };

    explicit NewMigrationWizard(const PasswordProvider *passwords, QWidget *parent = nullptr);
    ~NewMigrationWizard() override;

    // The project file Finish wrote; empty until then.
    QString projectFile() const;

    ConnectionsPage *connectionsPage() const { return m_connections; }
    IntrospectionPage *introspectionPage() const { return m_introspection; }
    SuggestionsPage *suggestionsPage() const { return m_suggestions; }
    SavePage *savePage() const { return m_save; }

private:
    MigrationDraft m_draft;
    ConnectionsPage *m_connections = nullptr;
    IntrospectionPage *m_introspection = nullptr;
    SuggestionsPage *m_suggestions = nullptr;
    SavePage *m_save = nullptr;
};

} // namespace cutover
