#include "ProblemListModel.h"

#include <QColor>
#include <QIcon>

#include <algorithm>

namespace cutover {

ProblemListModel::ProblemListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemListModel::setProblems(const QList<Problem> &problems)
{
    beginResetModel();
    m_problems = problems;
    std::stable_sort(m_problems.begin(), m_problems.end(), [](const Problem &a, const Problem &b) {
        if (a.severity != b.severity)
            return int(a.severity) < int(b.severity);
        return a.location.localeAwareCompare(b.location) < 0;
    });
    endResetModel();
    Q_EMIT countsChanged();
}

void ProblemListModel::clear()
{
    setProblems({});
}

int ProblemListModel::count(Problem::Severity severity) const
{
    return int(std::count_if(m_problems.cbegin(), m_problems.cend(),
                             [severity](const Problem &p) { return p.severity == severity; }));
}

QString ProblemListModel::summary() const
{
    const auto part = [](int n, const char *one, const char *many) {
        return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
    };
    QStringList parts;
    if (const int errors = count(Problem::Severity::Error))
        parts << part(errors, "error", "errors");
    if (const int warnings = count(Problem::Severity::Warning))
        parts << part(warnings, "warning", "warnings");
    if (const int infos = count(Problem::Severity::Info))
        parts << part(infos, "note", "notes");
    return parts.isEmpty() ? tr("No problems") : parts.join(QStringLiteral(", "));
}

QString ProblemListModel::severityLabel(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Error:
        return tr("Error");
    case Problem::Severity::Warning:
        return tr("Warning");
    case Problem::Severity::Info:
        return tr("Info");
    }
    return {};
}

QColor ProblemListModel::severityColour(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Error:
        return QColor(0xc6, 0x28, 0x28);
    case Problem::Severity::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case Problem::Severity::Info:
        return QColor(0x1e, 0x6f, 0xb8);
    }
    return {};
}

QIcon ProblemListModel::severityIcon(Problem::Severity severity)
{
    switch (severity) {
    case Problem::Severity::Error:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    case Problem::Severity::Warning:
        return QIcon(QStringLiteral(":/icons/warning.svg"));
    case Problem::Severity::Info:
        return QIcon(QStringLiteral(":/icons/info.svg"));
    }
    return {};
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags ProblemListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant ProblemListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Location");
    case MessageColumn:
        return tr("Message");
    case CodeColumn:
        return tr("Code");
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(CodeRole, "code");
    names.insert(LocationRole, "location");
    names.insert(PathRole, "path");
    names.insert(TableRole, "table");
    names.insert(ColumnRole, "column");
    names.insert(OffsetRole, "offset");
    names.insert(SeverityColourRole, "severityColour");
    return names;
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityLabel(p.severity);
        case LocationColumn:
            return p.location;
        case MessageColumn:
            return p.message;
        case CodeColumn:
            return p.code;
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        QStringList lines{QStringLiteral("%1: %2").arg(severityLabel(p.severity), p.message)};
        if (!p.location.isEmpty())
            lines << tr("Location: %1").arg(p.location);
        if (!p.path.isEmpty())
            lines << tr("In the project file at %1").arg(p.path);
        if (!p.code.isEmpty())
            lines << tr("Code: %1").arg(p.code);
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(p.severity)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn ? QVariant(severityColour(p.severity)) : QVariant();
    case SeverityRole:
        return int(p.severity);
    case CodeRole:
        return p.code;
    case LocationRole:
        return p.location;
    case PathRole:
        return p.path;
    case TableRole:
        return p.table;
    case ColumnRole:
        return p.column;
    case OffsetRole:
        return p.offset;
    case SeverityColourRole:
        return severityColour(p.severity);
    default:
        return {};
    }
}

} // namespace cutover
