#pragma once

#include "dialect/ConnectionSpec.h"
#include "project/ConnectionDef.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QStackedWidget;

namespace cutover {

class ConnectionPage;
class ConnectionTestPanel;
class CsvConnectionPage;
class PasswordProvider;
class PasswordStore;
class ProjectDocument;
class ServerConnectionPage;
class SessionPasswordProvider;
class SqliteConnectionPage;

// Adds a connection to the project or edits one: its name (unique in the project), its kind
// with that kind's fields (ConnectionPage), its role (the project's source, target or neither)
// and a description; "Test connection" tries it on a worker thread. Accepting pushes one undo
// step (a macro of ProjectEdits: add or replace the connection, set the role). A typed password
// goes to the session's store, and to the keychain only when "remember" is ticked; it never
// reaches the project, QSettings or a log.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Role
    {
        None,
        Source,
        Target,
        SourceAndTarget,
    };
    Q_ENUM(Role)

    // The window's entry point: edits connection `index` of doc's project, or adds one when
    // index is -1. session and keychain receive a typed password (see above); known answers a
    // test when no password is typed (the window's chain: session, environment, keychain; null
    // means session alone) and must outlive the application's thread pool. Returns whether the
    // user accepted (and the project changed, or was already so).
    static bool editConnection(QWidget *parent, ProjectDocument &doc,
                               SessionPasswordProvider &session, PasswordStore &keychain,
                               qsizetype index = -1, const PasswordProvider *known = nullptr);

    ConnectionDialog(ProjectDocument &doc, SessionPasswordProvider &session,
                     PasswordStore &keychain, qsizetype index = -1, QWidget *parent = nullptr);

    void setKnownPasswords(const PasswordProvider *known) { m_known = known; }
    void setKind(ConnectionSpec::Kind kind);
    ConnectionSpec::Kind kind() const;
    // Runs "Test connection" as the button does.
    void testConnection();

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *roleBox() const { return m_role; }
    QLineEdit *descriptionEdit() const { return m_description; }
    SqliteConnectionPage *sqlitePage() const { return m_sqlite; }
    ServerConnectionPage *postgresPage() const { return m_postgres; }
    ServerConnectionPage *mysqlPage() const { return m_mysql; }
    CsvConnectionPage *csvPage() const { return m_csv; }
    ConnectionTestPanel *testPanel() const { return m_test; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }

public Q_SLOTS:
    void accept() override;

private:
    void createFields();
    void createPages();
    void createButtons();
    void alignLabels();
    void load(const ConnectionDef &def);
    Role currentRole() const;
    void setRole(Role role);
    ConnectionPage *currentPage() const;
    ServerConnectionPage *serverPage() const;
    QString baseDir() const;
    void showPage(int index);
    void pageEdited();
    QString uniqueName(const QString &wanted) const;
    void showError(const QString &message);
    // The connection as the fields say, or why they cannot yet be saved.
    Result<ConnectionDef> connectionDef() const;
    bool keepPassword(const ConnectionSpec &spec);
    void applyEdits(const ConnectionDef &def);

    ProjectDocument &m_document;
    SessionPasswordProvider &m_session;
    PasswordStore &m_keychain;
    const PasswordProvider *m_known = nullptr;
    qsizetype m_index = -1;
    bool m_nameEdited = false;

    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_role = nullptr;
    QLineEdit *m_description = nullptr;
    QStackedWidget *m_pages = nullptr;
    SqliteConnectionPage *m_sqlite = nullptr;
    ServerConnectionPage *m_postgres = nullptr;
    ServerConnectionPage *m_mysql = nullptr;
    CsvConnectionPage *m_csv = nullptr;
    ConnectionTestPanel *m_test = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace cutover
