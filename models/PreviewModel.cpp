#include "PreviewModel.h"

#include "core/ViolationText.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace cutover {

namespace {

using Status = PreviewResult::CellStatus;

QString shown(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::QByteArray)
        return QStringLiteral("x'%1'").arg(QString::fromLatin1(value.toByteArray().toHex()));
    return value.toString();
}

// Each status differs in a mark as well as in colour, for a colour-blind reader.
QString mark(Status status)
{
    switch (status) {
    case Status::Violation:
        return QStringLiteral("\u2717 "); // ✗
    case Status::ConvertedWithLossRisk:
        return QStringLiteral("\u2248 "); // ≈
    case Status::NotEvaluated:
        return QStringLiteral("? ");
    default:
        return {};
    }
}

// NULL is written in italics, so it cannot be taken for the text "NULL".
QVariant nullFont(const QVariant &value)
{
    if (!value.isNull())
        return {};
    QFont italic;
    italic.setItalic(true);
    return italic;
}

} // namespace

PreviewModel::PreviewModel(Side side, QObject *parent)
    : QAbstractTableModel(parent)
    , m_side(side)
{}

void PreviewModel::setResult(const PreviewResult &result)
{
    m_announcing = true;
    beginResetModel();
    m_result = result;
    filterRows();
    finishReset();
}

void PreviewModel::setFocusColumns(const QStringList &names)
{
    if (names == m_focus)
        return;
    m_focus = names;
    if (columnCount() > 0)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void PreviewModel::setViolationsOnly(bool only)
{
    if (only == m_violationsOnly)
        return;
    m_announcing = true;
    beginResetModel();
    m_violationsOnly = only;
    filterRows();
    finishReset();
}

// Rows are not fetched while a change is being announced: a listener that fetches in its
// modelReset or rowsInserted slot would insert rows before the others have heard of the change.
void PreviewModel::finishReset()
{
    endResetModel();
    m_announcing = false;
}

void PreviewModel::filterRows()
{
    m_rows.clear();
    for (int i = 0; i < m_result.rows.size(); ++i)
        if (!m_violationsOnly || !m_result.rows.at(i).violations.isEmpty())
            m_rows.append(i);
    m_fetched = qMin(int(m_rows.size()), kFetchStep);
}

int PreviewModel::columnOf(const QString &targetColumn) const
{
    if (m_side != Side::Target)
        return -1;
    for (int c = 0; c < m_result.targetColumns.size(); ++c)
        if (m_result.targetColumns.at(c).name == targetColumn)
            return c + 1;
    return -1;
}

QColor PreviewModel::tint(Status status)
{
    switch (status) {
    case Status::Changed:
        return QColor(0xe8, 0xf0, 0xfa); // light blue
    case Status::Null:
        return QColor(0xf1, 0xf1, 0xf1); // grey
    case Status::ConvertedWithLossRisk:
        return QColor(0xfd, 0xf0, 0xdc); // orange
    case Status::Violation:
        return QColor(0xfb, 0xe3, 0xe4); // red
    case Status::NotEvaluated:
        return QColor(0xee, 0xe6, 0xf5); // purple
    case Status::Unchanged:
        break;
    }
    return {};
}

QString PreviewModel::reasons(const PreviewResult::Row &row)
{
    QStringList lines;
    for (const Violation &v : row.violations)
        lines.append(ViolationText::describe(v));
    return lines.join(QLatin1Char('\n'));
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_fetched;
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_side == Side::Source ? int(m_result.sourceColumns.size())
                                  : int(m_result.targetColumns.size()) + 1;
}

bool PreviewModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_announcing && m_fetched < m_rows.size();
}

void PreviewModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = qMin(kFetchStep, int(m_rows.size()) - m_fetched);
    m_announcing = true;
    beginInsertRows({}, m_fetched, m_fetched + more - 1);
    m_fetched += more;
    endInsertRows();
    m_announcing = false;
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_fetched)
        return {};
    const PreviewResult::Row &row = m_result.rows.at(m_rows.at(index.row()));
    if (m_side == Side::Source)
        return sourceData(row, index.column(), role);
    return index.column() == 0 ? verdictData(row, role) : targetData(row, index.column() - 1, role);
}

QVariant PreviewModel::sourceData(const PreviewResult::Row &row, int column, int role) const
{
    const QVariant value = row.source.value(column);
    switch (role) {
    case Qt::DisplayRole:
        return shown(value);
    case Qt::FontRole:
        return nullFont(value);
    case Qt::ForegroundRole:
        return value.isNull() ? QBrush(QColor(0x6b, 0x6b, 0x6b)) : QVariant();
    case ColumnNameRole:
        return m_result.sourceColumns.value(column);
    default:
        return {};
    }
}

QVariant PreviewModel::targetData(const PreviewResult::Row &row, int column, int role) const
{
    const PreviewResult::Cell cell = row.cells.value(column);
    const QVariant value = row.target.value(column);
    switch (role) {
    case Qt::DisplayRole:
        return mark(cell.status) + shown(value);
    case Qt::BackgroundRole:
        return tint(cell.status).isValid() ? QBrush(tint(cell.status)) : QVariant();
    case Qt::FontRole:
        return nullFont(value);
    case Qt::ToolTipRole:
    case ReasonRole:
        return cell.note.isEmpty() ? QVariant() : cell.note;
    case StatusRole:
        return int(cell.status);
    case ColumnNameRole:
        return m_result.targetColumns.value(column).name;
    default:
        return {};
    }
}

QVariant PreviewModel::verdictData(const PreviewResult::Row &row, int role) const
{
    qsizetype warnings = 0;
    for (const Violation &v : row.violations)
        warnings += !v.blocking;
    switch (role) {
    case Qt::DisplayRole:
        if (row.blocked)
            return tr("\u2717 quarantined");
        if (warnings > 0)
            return warnings == 1 ? tr("! 1 warning") : tr("! %1 warnings").arg(warnings);
        return tr("\u2713");
    case Qt::BackgroundRole:
        return row.blocked    ? QBrush(tint(Status::Violation))
               : warnings > 0 ? QBrush(tint(Status::ConvertedWithLossRisk))
                              : QVariant();
    case Qt::ToolTipRole:
    case ReasonRole: {
        QString text = reasons(row);
        if (!row.sampleReason.isEmpty())
            text = text.isEmpty() ? tr("picked: %1").arg(row.sampleReason)
                                  : tr("picked: %1\n%2").arg(row.sampleReason, text);
        return text.isEmpty() ? QVariant() : text;
    }
    case StatusRole:
        return int(row.blocked ? Status::Violation : Status::Unchanged);
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section < m_rows.size())
            return m_rows.at(section) + 1;
        return {};
    }
    const QString name = m_side == Side::Source ? m_result.sourceColumns.value(section)
                         : section == 0         ? QString()
                                                : m_result.targetColumns.value(section - 1).name;
    if (role == Qt::FontRole && !name.isEmpty() && m_focus.contains(name, Qt::CaseInsensitive)) {
        QFont font;
        font.setBold(true);
        font.setUnderline(true);
        return font;
    }
    if (m_side == Side::Source)
        return role == Qt::DisplayRole ? QVariant(name) : QVariant();
    if (section == 0)
        return role == Qt::DisplayRole ? tr("Row") : QVariant();
    const PreviewResult::Column column = m_result.targetColumns.value(section - 1);
    switch (role) {
    case Qt::DisplayRole:
        return column.name;
    case Qt::ToolTipRole:
        return column.compileError.isEmpty()
                   ? tr("%1 %2 = %3").arg(column.name, column.type, column.expression)
                   : tr("%1: %2").arg(column.name, column.compileError);
    default:
        return {};
    }
}

} // namespace cutover
