#pragma once

#include "core/Result.h"
#include "dialect/ConnectionSpec.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace cutover {

class PathField;

// One connection of the wizard: a kind (SQLite file, PostgreSQL, MySQL/MariaDB, CSV folder, or
// a URL typed as it is) and the fields of that kind, in one form so that the labels line up.
// A target may be a new, empty SQLite file and never a CSV folder. Holds no password: server
// passwords come from the PasswordProvider when the connection is opened.
class ConnectionChooser : public QWidget
{
    Q_OBJECT
public:
    enum class Role
    {
        Source,
        Target
    };
    enum class Kind
    {
        Sqlite,
        PostgreSql,
        MySql,
        Csv,
        Url
    };

    explicit ConnectionChooser(Role role, QWidget *parent = nullptr);

    Kind kind() const;
    void setKind(Kind kind);
    // The URL the fields describe (paths absolute); empty while a required field is empty.
    QString url() const;
    Result<ConnectionSpec> spec() const;
    // Whether the SQLite file does not exist yet and is to be made at Finish (target only).
    bool createsFile() const;
    // What stops the connection from being tried, in words; empty when nothing does.
    QString problem() const;

Q_SIGNALS:
    void changed();

private:
    enum Row
    {
        KindRow,
        FileRow,
        CreateRow,
        FolderRow,
        HostRow,
        PortRow,
        DatabaseRow,
        UserRow,
        SchemaRow,
        UrlRow
    };

    void addRows();
    void alignLabels();
    QLineEdit *addLineEdit(const QString &label, const QString &name, const QString &placeholder);
    void kindChosen();
    void update();
    QString serverUrl(const QString &scheme) const;
    QString fileProblem() const;
    QString folderProblem() const;
    QString serverProblem() const;

    Role m_role;
    QFormLayout *m_form = nullptr;
    QComboBox *m_kind = nullptr;
    PathField *m_file = nullptr;
    QCheckBox *m_create = nullptr;
    PathField *m_folder = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_schema = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace cutover
