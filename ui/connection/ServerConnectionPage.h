#pragma once

#include "connection/ConnectionPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cutover {

// A PostgreSQL or MySQL/MariaDB server: host, port, database, user, for PostgreSQL the schema
// and the SSL mode, and the password, which never goes into the URL. The password is offered
// to the session (and to the keychain when "remember" is ticked) by the dialog.
class ServerConnectionPage : public ConnectionPage
{
    Q_OBJECT

public:
    explicit ServerConnectionPage(ConnectionSpec::Kind kind, QWidget *parent = nullptr);

    ConnectionSpec::Kind kind() const override { return m_kind; }
    void load(const ConnectionSpec &spec) override;
    Result<QString> url(const QString &baseDir) const override;
    QString suggestedName() const override;

    QString password() const;
    bool rememberPassword() const;
    // Says in the password field that a password is already known for this connection.
    void setPasswordKnown(bool known);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *schemaEdit() const { return m_schema; }
    QComboBox *sslModeBox() const { return m_sslMode; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }

private:
    bool isPostgres() const { return m_kind == ConnectionSpec::Kind::PostgreSql; }
    int defaultPort() const { return isPostgres() ? 5432 : 3306; }
    void addFields();
    void addPostgresFields();
    QMap<QString, QString> options() const;

    ConnectionSpec::Kind m_kind;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_schema = nullptr;  // PostgreSQL only
    QComboBox *m_sslMode = nullptr; // PostgreSQL only
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QMap<QString, QString> m_otherOptions;
};

} // namespace cutover
