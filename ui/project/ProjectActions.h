#pragma once

#include "ProjectTreeModel.h"

#include <QObject>

class QAction;
class QWidget;

namespace cutover {

class PasswordProvider;
class PasswordStore;
class ProjectDocument;
class ProjectFileController;
class ProjectTreeView;
class ProjectValidation;
class SessionPasswordProvider;

// The actions that open a dialog to add to the project: the new-migration wizard, the
// connection dialog (new or edit), and a new table mapping matched by name; and the project
// tree's requests for them.
class ProjectActions : public QObject
{
    Q_OBJECT

public:
    struct Passwords
    {
        const PasswordProvider *known = nullptr; // the whole chain the engine asks
        SessionPasswordProvider *session = nullptr;
        PasswordStore *keychain = nullptr;
    };

    ProjectActions(ProjectDocument &document, ProjectFileController &files,
                   const ProjectValidation &validation, Passwords passwords, QWidget *window);

    QAction *newMigrationAction() const { return m_newMigration; }
    QAction *addConnectionAction() const { return m_addConnection; }
    QAction *addMappingAction() const { return m_addMapping; }

    // Answers the tree's add and edit requests.
    void follow(ProjectTreeView *tree);

    // The wizard; opens the project it saved.
    void newMigration();
    // The connection dialog on connection index (-1: a new one); true when accepted.
    bool editConnection(qsizetype index);
    // A table mapping for the first source table no mapping reads, onto the target table of
    // the same name (any case) when there is one, its columns mapped by name.
    void addMapping();

private:
    void updateActions();

    ProjectDocument &m_document;
    ProjectFileController &m_files;
    const ProjectValidation &m_validation;
    Passwords m_passwords;
    QWidget *m_window;
    ProjectTreeView *m_tree = nullptr;
    QAction *m_newMigration = nullptr;
    QAction *m_addConnection = nullptr;
    QAction *m_addMapping = nullptr;
};

} // namespace cutover
