#include "ReportProfilesModel.h"

#include "ReportPalette.h"
#include "report/ReportFacts.h"

#include <QFont>
#include <QLocale>

namespace cutover {

ReportProfilesModel::ReportProfilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ReportProfilesModel::setTable(const ReconcileReport &report, const QString &table)
{
    beginResetModel();
    m_rows.clear();
    if (const TableReconciliation *t = report.table(table)) {
        const ReportFacts facts(report);
        QStringList columns;
        for (const ColumnComparisonSummary &c : t->columns)
            columns << c.column;
        for (const QString &c : ReportFacts::profiledColumns(*t))
            if (!columns.contains(c))
                columns << c;
        for (const QString &column : std::as_const(columns)) {
            Row row;
            row.column = column;
            for (const ColumnComparisonSummary &c : t->columns)
                if (c.column == column) {
                    row.comparison = c;
                    row.compared = true;
                }
            row.profiled = ReportFacts::profile(t->expectedProfiles, column) ||
                           ReportFacts::profile(t->targetProfiles, column);
            std::tie(row.expected, row.target) = ReportFacts::profiles(*t, column);
            // differences are judged on the raw values; only what is shown is masked
            row.rangeDiffers =
                row.expected.min != row.target.min || row.expected.max != row.target.max;
            row.masked = report.masked && facts.sensitive(*t, column);
            for (ColumnProfile *p : {&row.expected, &row.target}) {
                p->min = facts.shown(*t, column, p->min);
                p->max = facts.shown(*t, column, p->max);
            }
            m_rows.append(row);
        }
    }
    endResetModel();
}

void ReportProfilesModel::clear()
{
    setTable(ReconcileReport(), QString());
}

int ReportProfilesModel::rowOf(const QString &column) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).column == column)
            return row;
    return -1;
}

int ReportProfilesModel::differingColumns() const
{
    int n = 0;
    for (const Row &row : m_rows) {
        bool any = row.comparison.differing > 0;
        for (int c = NullsExpectedColumn; c < ColumnCount; ++c)
            any = any || differs(row, c);
        n += any ? 1 : 0;
    }
    return n;
}

int ReportProfilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReportProfilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ReportProfilesModel::differs(const Row &row, int column)
{
    if (!row.profiled)
        return false;
    switch (column) {
    case NullsExpectedColumn:
    case NullsTargetColumn:
        return row.expected.nulls != row.target.nulls;
    case DistinctExpectedColumn:
    case DistinctTargetColumn:
        return row.expected.distinct != row.target.distinct;
    case RangeExpectedColumn:
    case RangeTargetColumn:
        return row.rangeDiffers;
    case DifferingColumn:
        return row.comparison.differing > 0;
    default:
        return false;
    }
}

bool ReportProfilesModel::isNumber(int column)
{
    return column == DifferingColumn ||
           (column >= NullsExpectedColumn && column <= DistinctTargetColumn);
}

QString ReportProfilesModel::value(const Row &row, int column)
{
    const QLocale locale;
    switch (column) {
    case NullsExpectedColumn:
        return locale.toString(row.expected.nulls);
    case NullsTargetColumn:
        return locale.toString(row.target.nulls);
    case DistinctExpectedColumn:
        return locale.toString(row.expected.distinct);
    case DistinctTargetColumn:
        return locale.toString(row.target.distinct);
    case RangeExpectedColumn:
        return range(row.expected);
    case RangeTargetColumn:
        return range(row.target);
    default:
        return {};
    }
}

QString ReportProfilesModel::range(const ColumnProfile &profile)
{
    if (profile.min == profile.max) // one value, or none, or masked
        return profile.min;
    return profile.min + QStringLiteral(" \u2026 ") + profile.max;
}

QString ReportProfilesModel::text(const Row &row, int column) const
{
    switch (column) {
    case ColumnColumn:
        return row.temporal() ? tr("%1 (dates)").arg(row.column) : row.column;
    case TypeColumn:
        return row.comparison.type;
    case RuleColumn:
        return row.comparison.rule;
    case DifferingColumn:
        return row.compared ? QLocale().toString(row.comparison.differing) : QString();
    default:
        break;
    }
    if (!row.profiled)
        return {};
    const QString shown = value(row, column);
    // the target side carries the sign: "≠ 13"
    const bool targetSide = column == NullsTargetColumn || column == DistinctTargetColumn ||
                            column == RangeTargetColumn;
    if (targetSide && differs(row, column))
        return ReportPalette::differMark() + QLatin1Char(' ') + shown;
    return shown;
}

QVariant ReportProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    const bool differing = differs(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return text(row, column);
    case Qt::ToolTipRole:
        if (row.masked && column >= RangeExpectedColumn)
            return tr("%1 is sensitive: its values stay masked").arg(row.column);
        if (column == ColumnColumn && row.comparison.sensitive)
            return tr("%1 is sensitive").arg(row.column);
        if (differing)
            return tr("%1: differs between the expected rows and the target")
                .arg(text(row, column));
        return column >= RangeExpectedColumn ? QVariant(text(row, column)) : QVariant();
    case Qt::BackgroundRole:
        return differing ? QVariant(ReportPalette::differTint()) : QVariant();
    case Qt::FontRole:
        if (differing || column == ColumnColumn) {
            QFont font;
            font.setBold(differing);
            font.setItalic(column == ColumnColumn && row.comparison.sensitive);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return isNumber(column) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case ColumnNameRole:
        return row.column;
    case DifferingRole:
        return differing;
    case MaskedRole:
        return row.masked && column >= RangeExpectedColumn;
    default:
        return {};
    }
}

QVariant ReportProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {QT_TR_NOOP("Column"),
                                         QT_TR_NOOP("Type"),
                                         QT_TR_NOOP("Compared"),
                                         QT_TR_NOOP("Rows\ndiffering"),
                                         QT_TR_NOOP("Nulls\nexpected"),
                                         QT_TR_NOOP("Nulls\ntarget"),
                                         QT_TR_NOOP("Distinct\nexpected"),
                                         QT_TR_NOOP("Distinct\ntarget"),
                                         QT_TR_NOOP("Range expected"),
                                         QT_TR_NOOP("Range target")};
    return tr(titles[section]);
}

} // namespace cutover
