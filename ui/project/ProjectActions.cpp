#include "project/ProjectActions.h"

#include "ProjectDocument.h"
#include "ProjectEdits.h"
#include "ProjectValidation.h"
#include "automap/ExpressionProposer.h"
#include "connection/ConnectionDialog.h"
#include "project/ProjectFileController.h"
#include "project/ProjectTreeView.h"
#include "wizard/NewMigrationWizard.h"

#include <QAction>

namespace cutover {

namespace {

QAction *makeAction(QObject *parent, const char *icon, const QString &text,
                    const QKeySequence &keys, const QString &tip)
{
    auto *a =
        new QAction(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))), text, parent);
    a->setShortcut(keys);
    a->setStatusTip(tip);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, keys.toString(QKeySequence::NativeText)));
    return a;
}

} // namespace

ProjectActions::ProjectActions(ProjectDocument &document, ProjectFileController &files,
                               const ProjectValidation &validation, Passwords passwords,
                               QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_files(files)
    , m_validation(validation)
    , m_passwords(passwords)
    , m_window(window)
{
    m_newMigration = makeAction(this, "wizard", tr("New &Migration\u2026"),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
                                tr("Connect a source and a target and map one onto the other"));
    m_addConnection = makeAction(this, "connection", tr("Add &Connection\u2026"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                 tr("Add a database or a CSV folder to the project"));
    m_addMapping = makeAction(this, "mapping", tr("Add &Table Mapping"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
                              tr("Map the next unmapped source table"));
    connect(m_newMigration, &QAction::triggered, this, &ProjectActions::newMigration);
    connect(m_addConnection, &QAction::triggered, this, [this] { editConnection(-1); });
    connect(m_addMapping, &QAction::triggered, this, &ProjectActions::addMapping);
    connect(&document, &ProjectDocument::projectReplaced, this, &ProjectActions::updateActions);
    updateActions();
}

void ProjectActions::updateActions()
{
    const bool open = m_document.hasProject();
    m_addConnection->setEnabled(open && m_passwords.session && m_passwords.keychain);
    m_addMapping->setEnabled(open);
}

void ProjectActions::follow(ProjectTreeView *tree)
{
    m_tree = tree;
    connect(tree, &ProjectTreeView::addRequested, this, [this](ProjectTreeModel::Group group) {
        if (group == ProjectTreeModel::Group::Connections)
            editConnection(-1);
        else
            addMapping();
    });
    connect(tree, &ProjectTreeView::editRequested, this,
            [this](ProjectTreeModel::Kind, qsizetype index) { editConnection(index); });
}

void ProjectActions::newMigration()
{
    // opening the project it saved asks about unsaved changes of the one open now
    NewMigrationWizard wizard(m_passwords.known, m_window);
    if (wizard.exec() == QDialog::Accepted && !wizard.projectFile().isEmpty())
        m_files.open(wizard.projectFile());
}

bool ProjectActions::editConnection(qsizetype index)
{
    if (!m_passwords.session || !m_passwords.keychain)
        return false;
    const bool accepted =
        ConnectionDialog::editConnection(m_window, m_document, *m_passwords.session,
                                         *m_passwords.keychain, index, m_passwords.known);
    if (accepted && m_tree)
        m_tree->select(ProjectTreeModel::Kind::Connection,
                       index >= 0 ? index : m_document.project().connections.size() - 1);
    return accepted;
}

void ProjectActions::addMapping()
{
    const Project &project = m_document.project();
    const ProjectCheck::Outcome &outcome = m_validation.outcome();
    QStringList mappedSources, targets;
    for (const TableMapping &m : project.mappings) {
        mappedSources.append(m.source.toLower());
        targets.append(m.target);
    }
    TableMapping mapping;
    for (const TableInfo &table : outcome.source.tables)
        if (!mappedSources.contains(table.name.toLower())) {
            mapping.source = table.name;
            break;
        }
    const TableInfo *source = outcome.source.table(mapping.source);
    const TableInfo *target = outcome.target.tableIgnoringCase(mapping.source);
    mapping.target =
        ProjectEdits::freeName(target ? target->name
                                      : (mapping.source.isEmpty() ? QStringLiteral("new_table")
                                                                  : mapping.source.toLower()),
                               targets);
    if (source && target)
        for (const ColumnInfo &c : target->columns)
            if (const ColumnInfo *from = source->columnIgnoringCase(c.name)) {
                ColumnMapping column;
                column.target = c.name;
                column.expression = ExpressionProposer::reference(from->name);
                mapping.columns.append(column);
            }
    ProjectEdits(m_document).addMapping(mapping);
    if (m_tree)
        m_tree->select(ProjectTreeModel::Kind::Mapping, m_document.project().mappings.size() - 1);
}

} // namespace cutover
