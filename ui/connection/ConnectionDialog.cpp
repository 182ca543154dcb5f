#include "connection/ConnectionDialog.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "connect/PasswordStore.h"
#include "connect/SessionPasswordProvider.h"
#include "connection/ConnectionTestPanel.h"
#include "connection/CsvConnectionPage.h"
#include "connection/ServerConnectionPage.h"
#include "connection/SqliteConnectionPage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {

const QString kLastKindKey = QStringLiteral("connectionDialog/lastKind");

// The kinds in the order the Kind box lists them; a page per kind in the same order.
const QList<ConnectionSpec::Kind> kKinds = {ConnectionSpec::Kind::Sqlite,
                                            ConnectionSpec::Kind::PostgreSql,
                                            ConnectionSpec::Kind::MySql, ConnectionSpec::Kind::Csv};

// The kind of the connection last added, so that adding several of one kind is quick.
ConnectionSpec::Kind lastKind()
{
    const QString last = QSettings().value(kLastKindKey).toString();
    for (ConnectionSpec::Kind kind : kKinds)
        if (ConnectionSpec::productName(kind) == last)
            return kind;
    return ConnectionSpec::Kind::Sqlite;
}

bool hasSource(ConnectionDialog::Role role)
{
    return role == ConnectionDialog::Role::Source ||
           role == ConnectionDialog::Role::SourceAndTarget;
}

bool hasTarget(ConnectionDialog::Role role)
{
    return role == ConnectionDialog::Role::Target ||
           role == ConnectionDialog::Role::SourceAndTarget;
}

// What the project's source or target should name once the connection (renamed from `before`
// to `after`, or new when before is empty) has the role it was given.
QString roleAfter(const QString &current, const QString &before, const QString &after, bool wanted)
{
    const QString renamed = (!before.isEmpty() && current == before) ? after : current;
    if (wanted)
        return after;
    return renamed == after ? QString() : renamed;
}

} // namespace

bool ConnectionDialog::editConnection(QWidget *parent, ProjectDocument &doc,
                                      SessionPasswordProvider &session, PasswordStore &keychain,
                                      qsizetype index, const PasswordProvider *known)
{
    ConnectionDialog dialog(doc, session, keychain, index, parent);
    dialog.setKnownPasswords(known);
    return dialog.exec() == QDialog::Accepted;
}

ConnectionDialog::ConnectionDialog(ProjectDocument &doc, SessionPasswordProvider &session,
                                   PasswordStore &keychain, qsizetype index, QWidget *parent)
    : QDialog(parent)
    , m_document(doc)
    , m_session(session)
    , m_keychain(keychain)
    , m_index(index >= 0 && index < doc.project().connections.size() ? index : -1)
{
    setObjectName(QStringLiteral("ConnectionDialog"));
    createFields();
    createPages();
    m_test = new ConnectionTestPanel(this);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b01c1c"));
    m_error->hide();
    createButtons();
    auto *layout = qobject_cast<QVBoxLayout *>(this->layout());
    layout->addWidget(m_test);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    connect(m_test, &ConnectionTestPanel::testRequested, this, &ConnectionDialog::testConnection);
    alignLabels();
    if (m_index >= 0) {
        load(doc.project().connections.at(m_index));
    } else {
        setWindowTitle(tr("New connection"));
        setKind(lastKind());
        const Project &project = doc.project();
        setRole(project.sourceConnection.isEmpty()   ? Role::Source
                : project.targetConnection.isEmpty() ? Role::Target
                                                     : Role::None);
    }
    setMinimumWidth(560);
}

void ConnectionDialog::createFields()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("How mappings and the command line name it"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItems(
        {tr("SQLite file"), tr("PostgreSQL"), tr("MySQL / MariaDB"), tr("CSV folder")});
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("role"));
    m_role->addItem(tr("Neither"), QVariant::fromValue(Role::None));
    m_role->addItem(tr("Source: the migration reads from it"), QVariant::fromValue(Role::Source));
    m_role->addItem(tr("Target: the migration writes to it"), QVariant::fromValue(Role::Target));
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("Optional"));
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Role:"), m_role);
    form->addRow(tr("D&escription:"), m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::showPage);
}

void ConnectionDialog::createPages()
{
    m_pages = new QStackedWidget(this);
    m_sqlite = new SqliteConnectionPage(m_pages);
    m_postgres = new ServerConnectionPage(ConnectionSpec::Kind::PostgreSql, m_pages);
    m_mysql = new ServerConnectionPage(ConnectionSpec::Kind::MySql, m_pages);
    m_csv = new CsvConnectionPage(m_pages);
    for (ConnectionPage *page :
         {static_cast<ConnectionPage *>(m_sqlite), static_cast<ConnectionPage *>(m_postgres),
          static_cast<ConnectionPage *>(m_mysql), static_cast<ConnectionPage *>(m_csv)}) {
        page->setBaseDir(baseDir());
        m_pages->addWidget(page);
        connect(page, &ConnectionPage::edited, this, &ConnectionDialog::pageEdited);
    }
    layout()->addWidget(m_pages);
}

void ConnectionDialog::createButtons()
{
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(m_index >= 0 ? tr("Save") : tr("Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
}

// Every form's label column as wide as the widest, so the top fields and the page's fields
// line up.
void ConnectionDialog::alignLabels()
{
    QList<QFormLayout *> forms = findChildren<QFormLayout *>();
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms)
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole))
                if (QWidget *label = item->widget()) {
                    labels.append(label);
                    width = qMax(width, label->sizeHint().width());
                }
    for (QWidget *label : labels)
        label->setMinimumWidth(width);
    // The test panel and the error line start where the fields do.
    const int indent = width + (forms.isEmpty() ? 0 : qMax(0, forms.first()->horizontalSpacing()));
    m_test->setContentsMargins(indent, 0, 0, 0);
    m_error->setContentsMargins(indent, 0, 0, 0);
}

void ConnectionDialog::load(const ConnectionDef &def)
{
    setWindowTitle(tr("Edit connection %1").arg(def.name));
    m_nameEdited = true;
    m_name->setText(def.name);
    m_description->setText(def.description);
    const Project &project = m_document.project();
    const bool source = project.sourceConnection == def.name;
    const bool target = project.targetConnection == def.name;
    setRole(source && target ? Role::SourceAndTarget
            : source         ? Role::Source
            : target         ? Role::Target
                             : Role::None);
    auto spec = ConnectionSpec::parse(def.url, baseDir());
    if (!spec) {
        setKind(ConnectionSpec::Kind::Sqlite);
        showError(
            tr("The stored URL \"%1\" does not parse: %2").arg(def.url, spec.error().message()));
        return;
    }
    setKind(spec->kind());
    currentPage()->load(*spec);
    if (ServerConnectionPage *server = serverPage())
        server->setPasswordKnown(m_session.contains(*spec));
    m_test->clear();
}

ConnectionDialog::Role ConnectionDialog::currentRole() const
{
    return m_role->currentData().value<Role>();
}

void ConnectionDialog::setRole(Role role)
{
    if (role == Role::SourceAndTarget && m_role->findData(QVariant::fromValue(role)) < 0)
        m_role->addItem(tr("Source and target"), QVariant::fromValue(Role::SourceAndTarget));
    m_role->setCurrentIndex(m_role->findData(QVariant::fromValue(role)));
}

void ConnectionDialog::setKind(ConnectionSpec::Kind kind)
{
    m_kind->setCurrentIndex(int(kKinds.indexOf(kind)));
    showPage(m_kind->currentIndex());
}

ConnectionSpec::Kind ConnectionDialog::kind() const
{
    return currentPage()->kind();
}

ConnectionPage *ConnectionDialog::currentPage() const
{
    return qobject_cast<ConnectionPage *>(m_pages->currentWidget());
}

ServerConnectionPage *ConnectionDialog::serverPage() const
{
    return qobject_cast<ServerConnectionPage *>(m_pages->currentWidget());
}

QString ConnectionDialog::baseDir() const
{
    return m_document.project().baseDir;
}

// Only the shown page counts for the dialog's size: a SQLite file does not need the room the
// CSV tables take.
void ConnectionDialog::showPage(int index)
{
    if (index < 0)
        return;
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored,
            i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->setCurrentIndex(index);
    if (m_test)
        m_test->clear();
    if (m_index < 0 && !m_nameEdited)
        m_name->clear();
    if (m_error)
        m_error->hide();
    adjustSize();
}

void ConnectionDialog::pageEdited()
{
    m_test->clear();
    m_error->hide();
    if (!m_nameEdited)
        m_name->setText(uniqueName(currentPage()->suggestedName()));
}

QString ConnectionDialog::uniqueName(const QString &wanted) const
{
    if (wanted.isEmpty())
        return {};
    const QList<ConnectionDef> &connections = m_document.project().connections;
    auto taken = [&](const QString &name) {
        for (qsizetype i = 0; i < connections.size(); ++i)
            if (i != m_index && connections.at(i).name == name)
                return true;
        return false;
    };
    QString name = wanted;
    for (int n = 2; taken(name); ++n)
        name = QStringLiteral("%1_%2").arg(wanted).arg(n);
    return name;
}

void ConnectionDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void ConnectionDialog::testConnection()
{
    m_error->hide();
    auto url = currentPage()->url(baseDir());
    if (!url) {
        m_test->showMessage(url.error().message(), true);
        return;
    }
    auto spec = ConnectionSpec::parse(*url, baseDir());
    if (!spec) {
        m_test->showMessage(spec.error().message(), true);
        return;
    }
    if (currentPage() == m_sqlite && m_sqlite->willCreate()) {
        m_test->showMessage(tr("There is no file at %1 yet: an empty database is made there "
                               "when you add the connection.")
                                .arg(spec->path()),
                            false);
        return;
    }
    ServerConnectionPage *server = serverPage();
    m_test->start(*spec, server ? server->password() : QString(), m_known ? m_known : &m_session);
}

Result<ConnectionDef> ConnectionDialog::connectionDef() const
{
    ConnectionDef def;
    def.name = m_name->text().trimmed();
    if (def.name.isEmpty())
        return Error(Error::Code::Usage, tr("Give the connection a name."));
    if (uniqueName(def.name) != def.name)
        return Error(Error::Code::Usage,
                     tr("The project already has a connection named %1.").arg(def.name));
    auto url = currentPage()->url(baseDir());
    if (!url)
        return url.error();
    def.url = *url;
    def.description = m_description->text().trimmed();
    return def;
}

void ConnectionDialog::accept()
{
    auto def = connectionDef();
    if (!def) {
        showError(def.error().message());
        return;
    }
    auto spec = ConnectionSpec::parse(def->url, baseDir());
    if (!spec) {
        showError(spec.error().message());
        return;
    }
    if (auto prepared = currentPage()->prepareAccept(); !prepared) {
        showError(prepared.error().message());
        return;
    }
    if (!keepPassword(*spec))
        return;
    m_test->clear();
    applyEdits(*def);
    QSettings().setValue(kLastKindKey, ConnectionSpec::productName(spec->kind()));
    QDialog::accept();
}

bool ConnectionDialog::keepPassword(const ConnectionSpec &spec)
{
    ServerConnectionPage *server = serverPage();
    if (!server || server->password().isEmpty())
        return true;
    m_session.set(spec, server->password());
    if (!server->rememberPassword())
        return true;
    const QString failure = m_keychain.store(spec, server->password());
    if (failure.isEmpty())
        return true;
    showError(tr("The system keychain did not keep the password: %1. Untick \"Remember\" to "
                 "keep it until Cutover closes.")
                  .arg(failure));
    return false;
}

void ConnectionDialog::applyEdits(const ConnectionDef &def)
{
    const Project &project = m_document.project();
    const bool isNew = m_index < 0;
    const QString before = isNew ? QString() : project.connections.at(m_index).name;
    const bool defChanged = isNew || project.connections.at(m_index) != def;
    const Role role = currentRole();
    const QString source = roleAfter(project.sourceConnection, before, def.name, hasSource(role));
    const QString target = roleAfter(project.targetConnection, before, def.name, hasTarget(role));
    const QString renamedSource = (!before.isEmpty() && project.sourceConnection == before)
                                      ? def.name
                                      : project.sourceConnection;
    const QString renamedTarget = (!before.isEmpty() && project.targetConnection == before)
                                      ? def.name
                                      : project.targetConnection;
    if (!defChanged && source == renamedSource && target == renamedTarget)
        return; // nothing to undo
    QUndoStack *stack = m_document.undoStack();
    stack->beginMacro(isNew ? tr("Add connection %1").arg(def.name)
                            : tr("Edit connection %1").arg(def.name));
    ProjectEdits edits(m_document);
    if (isNew)
        edits.addConnection(def);
    else if (defChanged)
        edits.replaceConnection(m_index, def);
    if (source != renamedSource)
        edits.setSourceConnection(source);
    if (target != renamedTarget)
        edits.setTargetConnection(target);
    stack->endMacro();
}

} // namespace cutover
