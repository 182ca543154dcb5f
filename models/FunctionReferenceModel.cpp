#include "FunctionReferenceModel.h"

namespace cutover {

FunctionReferenceModel::FunctionReferenceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (const FunctionCatalog::Function &f : FunctionCatalog::functions())
        m_entries.append({f, false});
    for (const FunctionCatalog::Function &f : FunctionCatalog::sqliteFunctions())
        m_entries.append({f, true});
}

int FunctionReferenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FunctionReferenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FunctionReferenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const FunctionCatalog::Function &f = entry.function;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == FunctionColumn ? f.signature : f.summary;
    case Qt::ToolTipRole:
        return QStringLiteral("<p><b>%1</b></p><p>%2</p><p>e.g. <code>%3</code></p>")
            .arg(f.signature.toHtmlEscaped(), f.summary.toHtmlEscaped(), f.example.toHtmlEscaped());
    case NameRole:
        return f.name;
    case SignatureRole:
        return f.signature;
    case SummaryRole:
        return f.summary;
    case ExampleRole:
        return f.example;
    case OriginRole:
        return entry.sqlite ? QStringLiteral("SQLite") : QStringLiteral("Cutover");
    case SearchRole:
        return QStringList{f.signature, f.summary, f.example}.join(QLatin1Char(' ')).toLower();
    default:
        return {};
    }
}

QVariant FunctionReferenceModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == FunctionColumn ? tr("Function") : tr("What it does");
}

int FunctionReferenceModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).function.name.compare(name, Qt::CaseInsensitive) == 0)
            return row;
    return -1;
}

} // namespace cutover
