#include "ColumnMappingModel.h"

#include "ProjectEdits.h"

#include <QColor>
#include <QFont>
#include <QIcon>

namespace cutover {

ColumnMappingModel::ColumnMappingModel(ProjectDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &ProjectDocument::projectReplaced, this, [this] { setMapping(-1); });
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Mappings)
            refresh();
    });
}

void ColumnMappingModel::setMapping(qsizetype mapping)
{
    beginResetModel();
    m_mapping = mapping;
    m_rows = buildRows();
    indexProblems();
    endResetModel();
}

void ColumnMappingModel::setSchemas(const DatabaseSchema &source, const DatabaseSchema &target)
{
    beginResetModel();
    m_source = source;
    m_target = target;
    m_rows = buildRows();
    endResetModel();
}

void ColumnMappingModel::setProblems(const QList<Problem> &problems)
{
    m_problems = problems;
    indexProblems();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

void ColumnMappingModel::setLineage(const QHash<QString, QStringList> &lineage)
{
    m_lineage = lineage;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ReadsColumn), index(int(m_rows.size()) - 1, ReadsColumn));
}

void ColumnMappingModel::assumeLineage(const QString &targetColumn,
                                       const QStringList &sourceColumns)
{
    const TableMapping *m = tableMapping();
    if (!m)
        return;
    const QString key = m->target + QLatin1Char('.') + targetColumn;
    if (m_lineage.value(key) == sourceColumns && m_lineage.contains(key))
        return;
    m_lineage.insert(key, sourceColumns);
    if (const int row = rowOf(targetColumn); row >= 0) // the canvas draws the new lines
        Q_EMIT dataChanged(index(row, ReadsColumn), index(row, ReadsColumn));
}

// Edits change cells in place; a column mapped or unmapped outside the schema changes the rows.
void ColumnMappingModel::refresh()
{
    QList<Row> rows = buildRows();
    const bool sameRows = std::equal(rows.begin(), rows.end(), m_rows.begin(), m_rows.end(),
                                     [](const Row &a, const Row &b) { return a.name == b.name; });
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

const TableMapping *ColumnMappingModel::tableMapping() const
{
    const auto &mappings = m_document.project().mappings;
    return m_mapping >= 0 && m_mapping < mappings.size() ? &mappings.at(m_mapping) : nullptr;
}

const ColumnMapping *ColumnMappingModel::columnMapping(const QString &name) const
{
    const TableMapping *m = tableMapping();
    return m ? m->column(name) : nullptr;
}

const TableInfo *ColumnMappingModel::sourceTable() const
{
    const TableMapping *m = tableMapping();
    return m ? m_source.table(m->source) : nullptr;
}

const TableInfo *ColumnMappingModel::targetTable() const
{
    const TableMapping *m = tableMapping();
    if (!m)
        return nullptr;
    const TableInfo *table = m_target.table(m->target);
    return table ? table : m_document.project().targetTable(m->target);
}

ColumnMappingModel::State ColumnMappingModel::state(const QString &targetColumn) const
{
    const int row = rowOf(targetColumn);
    return row < 0 ? State::Unmapped : stateOf(m_rows.at(row));
}

QString ColumnMappingModel::expression(const QString &targetColumn) const
{
    const ColumnMapping *c = columnMapping(targetColumn);
    return c ? c->expression : QString();
}

QStringList ColumnMappingModel::columnsRead(const QString &targetColumn) const
{
    const TableMapping *m = tableMapping();
    return m && columnMapping(targetColumn)
               ? m_lineage.value(m->target + QLatin1Char('.') + targetColumn)
               : QStringList();
}

QList<ColumnMappingModel::Row> ColumnMappingModel::buildRows() const
{
    QList<Row> rows;
    const TableMapping *m = tableMapping();
    if (!m)
        return rows;
    const TableInfo *table = targetTable();
    if (table)
        for (const ColumnInfo &c : table->columns)
            rows.append({c.name, &c});
    for (const ColumnMapping &c : m->columns)
        if (!table || !table->column(c.target))
            rows.append({c.target, nullptr});
    return rows;
}

int ColumnMappingModel::rowOf(const QString &targetColumn) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).name == targetColumn)
            return i;
    return -1;
}

int ColumnMappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ColumnMappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// The shown mapping's problems by target column, once per check rather than per painted cell.
void ColumnMappingModel::indexProblems()
{
    m_columnProblems.clear();
    const QString prefix = QStringLiteral("mappings[%1]").arg(m_mapping);
    for (const Problem &p : std::as_const(m_problems)) {
        if (!p.path.startsWith(prefix) || p.severity == Problem::Severity::Info)
            continue;
        ColumnProblems &found = m_columnProblems[p.column];
        found.error = found.error || p.severity == Problem::Severity::Error;
        found.warning = found.warning || p.severity == Problem::Severity::Warning;
        if (found.message.isEmpty())
            found.message = p.message;
    }
}

ColumnMappingModel::State ColumnMappingModel::stateOf(const Row &row) const
{
    State state = columnMapping(row.name) ? State::Mapped : State::Unmapped;
    if (const auto found = m_columnProblems.constFind(row.name); found != m_columnProblems.cend()) {
        if (found->error)
            return State::Error;
        if (found->warning)
            state = State::Warning;
    }
    if (state == State::Unmapped && row.info && !row.info->nullable && !row.info->hasDefault &&
        !row.info->autoIncrement)
        return State::RequiredUnmapped;
    return state;
}

QString ColumnMappingModel::statusText(const Row &row) const
{
    if (const auto found = m_columnProblems.constFind(row.name); found != m_columnProblems.cend())
        return found->message;
    switch (stateOf(row)) {
    case State::Mapped:
        return tr("mapped");
    case State::RequiredUnmapped:
        return tr("required (NOT NULL, no default) but not mapped");
    case State::Unmapped:
        return row.info && row.info->hasDefault ? tr("not mapped: the target's default")
                                                : tr("not mapped: NULL");
    default:
        return {};
    }
}

QVariant ColumnMappingModel::display(const Row &row, int column) const
{
    const ColumnMapping *c = columnMapping(row.name);
    switch (column) {
    case TargetColumn:
        return row.name;
    case TypeColumn:
        if (!row.info)
            return tr("not in the target");
        return row.info->declaredType + (row.info->nullable ? QString() : tr(" not null"));
    case ExpressionColumn:
        return c ? c->expression : QString();
    case DefaultColumn:
        return c && c->hasDefault ? c->defaultValue : QString();
    case StatusColumn:
        return statusText(row);
    case ReadsColumn:
        return columnsRead(row.name).join(QStringLiteral(", "));
    default:
        return {};
    }
}

QVariant ColumnMappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == StatusColumn || index.column() == TargetColumn
                   ? statusText(row)
                   : display(row, index.column());
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            switch (stateOf(row)) {
            case State::Error:
            case State::RequiredUnmapped:
                return QIcon(QStringLiteral(":/icons/error.svg"));
            case State::Warning:
                return QIcon(QStringLiteral(":/icons/warning.svg"));
            case State::Mapped:
                return QIcon(QStringLiteral(":/icons/ok.svg"));
            case State::Unmapped:
                return {};
            }
        if (index.column() == TargetColumn && row.info && row.info->primaryKeyPosition > 0)
            return QIcon(QStringLiteral(":/icons/key.svg"));
        return {};
    case Qt::ForegroundRole:
        return stateOf(row) == State::Unmapped ? QVariant(QColor(0x6b, 0x6b, 0x6b)) : QVariant();
    case StateRole:
        return QVariant::fromValue(stateOf(row));
    case ColumnNameRole:
        return row.name;
    default:
        return {};
    }
}

QVariant ColumnMappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TargetColumn:
        return tr("Target column");
    case TypeColumn:
        return tr("Type");
    case ExpressionColumn:
        return tr("Expression");
    case DefaultColumn:
        return tr("Default");
    case StatusColumn:
        return tr("Status");
    case ReadsColumn:
        return tr("Reads");
    default:
        return {};
    }
}

Qt::ItemFlags ColumnMappingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == ExpressionColumn ||
        (index.column() == DefaultColumn && columnMapping(m_rows.at(index.row()).name)))
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool ColumnMappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Row row = m_rows.at(index.row());
    if (index.column() == ExpressionColumn)
        return setExpression(row, value.toString());
    return setDefault(row, value.toString());
}

bool ColumnMappingModel::setExpression(const Row &row, const QString &expression)
{
    ProjectEdits edits(m_document);
    const TableMapping *m = tableMapping();
    const ColumnMapping *c = columnMapping(row.name);
    if (c && c->expression == expression)
        return false;
    if (!c) {
        if (expression.trimmed().isEmpty())
            return false;
        ColumnMapping added;
        added.target = row.name;
        added.expression = expression;
        edits.mapColumn(m_mapping, added);
    } else if (expression.trimmed().isEmpty()) {
        edits.unmapColumn(m_mapping, m->columns.indexOf(*c));
    } else {
        edits.setExpression(m_mapping, row.name, expression);
    }
    return true;
}

bool ColumnMappingModel::setDefault(const Row &row, const QString &value)
{
    const TableMapping *m = tableMapping();
    const ColumnMapping *c = columnMapping(row.name);
    ColumnMapping changed = *c;
    changed.defaultValue = value;
    changed.hasDefault = !value.isEmpty();
    if (changed == *c)
        return false;
    ProjectEdits(m_document)
        .replaceColumn(m_mapping, m->columns.indexOf(*c), changed, tr("the default"));
    return true;
}

} // namespace cutover
