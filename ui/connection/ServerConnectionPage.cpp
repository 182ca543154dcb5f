#include "connection/ServerConnectionPage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>

namespace cutover {

namespace {

const QString kSchema = QStringLiteral("schema");
const QString kSslMode = QStringLiteral("sslmode");
const QString kDefaultSchema = QStringLiteral("public");
const QString kDefaultSslMode = QStringLiteral("prefer");

QLineEdit *lineEdit(QWidget *parent, const QString &name, const QString &placeholder)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

ServerConnectionPage::ServerConnectionPage(ConnectionSpec::Kind kind, QWidget *parent)
    : ConnectionPage(parent)
    , m_kind(kind)
{
    addFields();
    if (isPostgres())
        addPostgresFields();
    m_password =
        lineEdit(this, QStringLiteral("password"), tr("Asked only if the server wants one"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setToolTip(tr("Without it, the password is kept in memory until Cutover closes, "
                              "and never written anywhere."));
    form()->addRow(tr("&Password:"), m_password);
    form()->addRow(QString(), m_remember);
    m_remember->setEnabled(false); // nothing to remember until a password is typed
    connect(m_password, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_remember->setEnabled(!text.isEmpty()); });
    for (QLineEdit *edit : {m_host, m_database, m_user, m_schema, m_password})
        if (edit)
            connect(edit, &QLineEdit::textEdited, this, &ConnectionPage::edited);
    connect(m_port, &QSpinBox::valueChanged, this, &ConnectionPage::edited);
}

void ServerConnectionPage::addFields()
{
    m_host = lineEdit(this, QStringLiteral("host"), QStringLiteral("localhost"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, 65535);
    m_port->setValue(defaultPort());
    m_port->setGroupSeparatorShown(false);
    m_database = lineEdit(this, QStringLiteral("database"), tr("Name of the database"));
    m_user = lineEdit(this, QStringLiteral("user"), tr("Your user name if empty"));
    auto *portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    auto *address = new QHBoxLayout;
    address->addWidget(m_host, 1);
    address->addWidget(portLabel);
    address->addWidget(m_port);
    addRow(tr("&Host:"), m_host, address);
    form()->addRow(tr("&Database:"), m_database);
    form()->addRow(tr("&User:"), m_user);
}

void ServerConnectionPage::addPostgresFields()
{
    m_schema = lineEdit(this, QStringLiteral("schema"), kDefaultSchema);
    m_sslMode = new QComboBox(this);
    m_sslMode->setObjectName(QStringLiteral("sslMode"));
    const QList<QPair<QString, QString>> modes = {
        {QStringLiteral("disable"), tr("disable: never use SSL")},
        {QStringLiteral("allow"), tr("allow: SSL if the server insists")},
        {QStringLiteral("prefer"), tr("prefer: SSL when the server offers it")},
        {QStringLiteral("require"), tr("require: always SSL, certificate not checked")},
        {QStringLiteral("verify-ca"), tr("verify-ca: SSL, certificate checked")},
        {QStringLiteral("verify-full"), tr("verify-full: SSL, certificate and host name checked")},
    };
    for (const auto &[mode, text] : modes)
        m_sslMode->addItem(text, mode);
    m_sslMode->setCurrentIndex(m_sslMode->findData(kDefaultSslMode));
    form()->addRow(tr("&Schema:"), m_schema);
    form()->addRow(tr("SS&L mode:"), m_sslMode);
    connect(m_sslMode, &QComboBox::currentIndexChanged, this, &ConnectionPage::edited);
}

void ServerConnectionPage::load(const ConnectionSpec &spec)
{
    m_otherOptions = spec.options();
    m_host->setText(spec.host());
    m_port->setValue(spec.port() > 0 ? spec.port() : defaultPort());
    m_database->setText(spec.database());
    m_user->setText(spec.user());
    if (isPostgres()) {
        m_schema->setText(m_otherOptions.take(kSchema));
        const int mode = m_sslMode->findData(m_otherOptions.take(kSslMode));
        m_sslMode->setCurrentIndex(mode >= 0 ? mode : m_sslMode->findData(kDefaultSslMode));
    }
}

QMap<QString, QString> ServerConnectionPage::options() const
{
    QMap<QString, QString> options = m_otherOptions;
    if (!isPostgres())
        return options;
    const QString schema = m_schema->text().trimmed();
    if (!schema.isEmpty() && schema != kDefaultSchema)
        options.insert(kSchema, schema);
    const QString mode = m_sslMode->currentData().toString();
    if (mode != kDefaultSslMode)
        options.insert(kSslMode, mode);
    return options;
}

Result<QString> ServerConnectionPage::url(const QString &) const
{
    const QString host = m_host->text().trimmed();
    const QString database = m_database->text().trimmed();
    if (database.isEmpty())
        return Error(Error::Code::Usage, tr("Type the name of the database."));
    QUrl url;
    url.setScheme(isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("mysql"));
    url.setHost(host.isEmpty() ? QStringLiteral("localhost") : host);
    if (!url.isValid())
        return Error(Error::Code::Usage, tr("\"%1\" is not a host name.").arg(host));
    if (m_port->value() != defaultPort())
        url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + database);
    return url.toString(QUrl::FullyEncoded) + queryString(options());
}

QString ServerConnectionPage::suggestedName() const
{
    return m_database->text().trimmed();
}

QString ServerConnectionPage::password() const
{
    return m_password->text();
}

bool ServerConnectionPage::rememberPassword() const
{
    return m_remember->isChecked();
}

void ServerConnectionPage::setPasswordKnown(bool known)
{
    m_password->setPlaceholderText(known ? tr("Known for this session; type to change")
                                         : tr("Asked only if the server wants one"));
}

} // namespace cutover
