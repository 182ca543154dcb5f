#include "wizard/ConnectionChooser.h"

#include "wizard/PathField.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace cutover {

namespace {
constexpr int kPostgresPort = 5432;
constexpr int kMySqlPort = 3306;
constexpr int kMaxPort = 65535;
} // namespace

ConnectionChooser::ConnectionChooser(Role role, QWidget *parent)
    : QWidget(parent)
    , m_role(role)
    , m_form(new QFormLayout)
    , m_kind(new QComboBox(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("SQLite file"), int(Kind::Sqlite));
    m_kind->addItem(tr("PostgreSQL"), int(Kind::PostgreSql));
    m_kind->addItem(tr("MySQL / MariaDB"), int(Kind::MySql));
    if (role == Role::Source)
        m_kind->addItem(tr("CSV folder"), int(Kind::Csv));
    m_kind->addItem(tr("Connection URL"), int(Kind::Url));
    addRows();
    layout->addWidget(m_hint);
    layout->addWidget(m_problem);
    alignLabels();
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionChooser::kindChosen);
    kindChosen();
}

void ConnectionChooser::addRows()
{
    m_form->addRow(tr("Kind:"), m_kind);
    m_file = new PathField(PathField::Mode::OpenFile, this);
    m_file->setObjectName(QStringLiteral("file"));
    m_file->setNameFilter(tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    m_form->addRow(tr("Database file:"), m_file);
    m_create = new QCheckBox(tr("Create a new empty file"), this);
    m_create->setObjectName(QStringLiteral("createFile"));
    m_create->setToolTip(tr("The file is made when you finish the wizard; the run creates the "
                            "tables in it."));
    m_form->addRow(QString(), m_create);
    m_folder = new PathField(PathField::Mode::Folder, this);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_form->addRow(tr("Folder:"), m_folder);
    m_host = addLineEdit(tr("Host:"), QStringLiteral("host"), QStringLiteral("localhost"));
    m_host->setText(QStringLiteral("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, kMaxPort);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_form->addRow(tr("Port:"), m_port);
    m_database = addLineEdit(tr("Database:"), QStringLiteral("database"), QString());
    m_user = addLineEdit(tr("User:"), QStringLiteral("user"), QString());
    m_schema = addLineEdit(tr("Schema:"), QStringLiteral("schema"), QStringLiteral("public"));
    m_url = addLineEdit(tr("URL:"), QStringLiteral("url"),
                        QStringLiteral("postgresql://user@host:5432/database"));
    m_hint = new QLabel(tr("The password is never saved in the project: it comes from the system "
                           "keychain or the CUTOVER_PASSWORD variable."),
                        this);
    m_hint->setWordWrap(true);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);

    for (QLineEdit *edit : {m_host, m_database, m_user, m_schema, m_url})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionChooser::update);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionChooser::update);
    connect(m_file, &PathField::pathChanged, this, &ConnectionChooser::update);
    connect(m_folder, &PathField::pathChanged, this, &ConnectionChooser::update);
    connect(m_create, &QCheckBox::toggled, this, &ConnectionChooser::update);
}

// Every label as wide as the widest of any kind, so that the fields stay put when the kind
// changes and line up with the other chooser's; the notes below start where the fields do.
void ConnectionChooser::alignLabels()
{
    int width = 0;
    QList<QWidget *> labels;
    for (int row = 0; row < m_form->rowCount(); ++row)
        if (QLayoutItem *item = m_form->itemAt(row, QFormLayout::LabelRole); item && item->widget())
            labels << item->widget();
    for (QWidget *label : std::as_const(labels))
        width = std::max(width, label->sizeHint().width());
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(width);
    int gap = m_form->horizontalSpacing();
    if (gap < 0)
        gap = style()->layoutSpacing(QSizePolicy::Label, QSizePolicy::LineEdit, Qt::Horizontal);
    for (QLabel *note : {m_hint, m_problem})
        note->setContentsMargins(width + gap, 0, 0, 0);
}

QLineEdit *ConnectionChooser::addLineEdit(const QString &label, const QString &name,
                                          const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    m_form->addRow(label, edit);
    return edit;
}

ConnectionChooser::Kind ConnectionChooser::kind() const
{
    return Kind(m_kind->currentData().toInt());
}

void ConnectionChooser::setKind(Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

void ConnectionChooser::kindChosen()
{
    const Kind k = kind();
    const bool server = k == Kind::PostgreSql || k == Kind::MySql;
    m_form->setRowVisible(FileRow, k == Kind::Sqlite);
    m_form->setRowVisible(CreateRow, k == Kind::Sqlite && m_role == Role::Target);
    m_form->setRowVisible(FolderRow, k == Kind::Csv);
    for (int row : {HostRow, PortRow, DatabaseRow, UserRow})
        m_form->setRowVisible(row, server);
    m_form->setRowVisible(SchemaRow, k == Kind::PostgreSql);
    m_form->setRowVisible(UrlRow, k == Kind::Url);
    m_hint->setVisible(server || k == Kind::Url);
    if (server)
        m_port->setValue(k == Kind::PostgreSql ? kPostgresPort : kMySqlPort);
    update();
}

void ConnectionChooser::update()
{
    m_file->setMode(createsFile() ? PathField::Mode::SaveFile : PathField::Mode::OpenFile);
    const QString text = problem();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    Q_EMIT changed();
}

QString ConnectionChooser::url() const
{
    switch (kind()) {
    case Kind::Sqlite:
        return m_file->path().isEmpty() ? QString() : QStringLiteral("sqlite:") + m_file->path();
    case Kind::Csv:
        return m_folder->path().isEmpty() ? QString() : QStringLiteral("csv:") + m_folder->path();
    case Kind::PostgreSql:
        return serverUrl(QStringLiteral("postgresql"));
    case Kind::MySql:
        return serverUrl(QStringLiteral("mysql"));
    case Kind::Url:
        return m_url->text().trimmed();
    }
    return {};
}

QString ConnectionChooser::serverUrl(const QString &scheme) const
{
    const QString host = m_host->text().trimmed();
    const QString database = m_database->text().trimmed();
    if (host.isEmpty() || database.isEmpty())
        return {};
    QUrl url;
    url.setScheme(scheme);
    url.setHost(host);
    url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + database);
    const QString schema = m_schema->text().trimmed();
    if (kind() == Kind::PostgreSql && !schema.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("schema"), schema);
        url.setQuery(query);
    }
    return url.toString();
}

Result<ConnectionSpec> ConnectionChooser::spec() const
{
    return ConnectionSpec::parse(url());
}

bool ConnectionChooser::createsFile() const
{
    return m_role == Role::Target && kind() == Kind::Sqlite && m_create->isChecked();
}

QString ConnectionChooser::problem() const
{
    switch (kind()) {
    case Kind::Sqlite:
        return fileProblem();
    case Kind::Csv:
        return folderProblem();
    case Kind::PostgreSql:
    case Kind::MySql:
        return serverProblem();
    case Kind::Url:
        break;
    }
    if (url().isEmpty())
        return tr("Enter a URL such as sqlite:legacy.db or mysql://user@host/database.");
    const auto parsed = spec();
    if (!parsed)
        return parsed.error().message() + QLatin1Char('.');
    if (m_role == Role::Target && parsed->kind() == ConnectionSpec::Kind::Csv)
        return tr("A run cannot write into a CSV folder; choose a database.");
    return {};
}

QString ConnectionChooser::fileProblem() const
{
    const QString path = m_file->path();
    if (path.isEmpty())
        return createsFile() ? tr("Enter the name of the new database file.")
                             : tr("Choose the database file.");
    const QFileInfo info(path);
    if (createsFile())
        return info.exists() ? tr("A file of that name exists; choose another name, or untick "
                                  "\"Create a new empty file\" to use it.")
                             : QString();
    if (!info.exists())
        return m_role == Role::Target
                   ? tr("There is no file at this path; tick \"Create a new empty file\" to "
                        "start one.")
                   : tr("There is no file at this path.");
    return info.isDir() ? tr("This is a folder; choose a database file.") : QString();
}

QString ConnectionChooser::folderProblem() const
{
    const QString path = m_folder->path();
    if (path.isEmpty())
        return tr("Choose the folder of CSV files.");
    return QFileInfo(path).isDir() ? QString() : tr("There is no folder at this path.");
}

QString ConnectionChooser::serverProblem() const
{
    if (m_host->text().trimmed().isEmpty())
        return tr("Enter the server's host name.");
    if (m_database->text().trimmed().isEmpty())
        return tr("Enter the database name.");
    return {};
}

} // namespace cutover
