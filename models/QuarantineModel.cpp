#include "QuarantineModel.h"

#include "core/ViolationText.h"
#include "run/ledger/RunHistory.h"
#include "transform/SourceKey.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHash>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace cutover {

namespace {

// A target file not made yet holds no quarantine, and reading it must not make it.
bool targetMissing(const Project &project)
{
    auto spec = RunHistory::targetSpec(project);
    return spec && !spec->isServer() && !QFileInfo::exists(spec->path());
}

} // namespace

QuarantineModel::QuarantineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_pool.setMaxThreadCount(2); // a page and a count at once
}

QuarantineModel::~QuarantineModel()
{
    ++m_generation;
    m_pool.waitForDone();
}

void QuarantineModel::setProject(const Project &project)
{
    m_project = project;
    m_hasProject = true;
    restart();
}

void QuarantineModel::setFilter(const QuarantineFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (m_hasProject)
        restart();
}

void QuarantineModel::refresh()
{
    if (m_hasProject)
        restart();
}

void QuarantineModel::clear()
{
    ++m_generation;
    m_hasProject = false;
    m_project = {};
    setFetching(false);
    beginResetModel();
    m_rows.clear();
    m_atEnd = true;
    m_total = -1;
    m_error.clear();
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
}

// Whoever hears of the reset may ask for the first page already; there is one read at a time.
void QuarantineModel::restart()
{
    ++m_generation;
    setFetching(false); // the read in flight is stale now
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    m_total = -1;
    m_error.clear();
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
    fetchMore({});
    startCount();
}

void QuarantineModel::setFetching(bool fetching)
{
    if (fetching == m_fetching)
        return;
    m_fetching = fetching;
    Q_EMIT loadingChanged(fetching);
}

bool QuarantineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasProject && !m_atEnd;
}

void QuarantineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_fetching)
        return;
    setFetching(true);
    const quint64 generation = m_generation;
    PageRequest request{m_filter, querySort(m_sortColumn, m_sortOrder), std::nullopt, m_pageSize};
    if (!m_rows.isEmpty())
        request.after = m_rows.last();
    auto *watcher = new QFutureWatcher<Page>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        takePage(generation, watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, &QuarantineModel::readPage, m_project, m_passwords, request));
}

QuarantineSort QuarantineModel::querySort(int column, Qt::SortOrder order)
{
    using C = QuarantineSort::Column;
    static const QHash<int, C> columns = {
        {KeyColumn, C::SourceKey},      {TableColumn, C::Table},
        {ReasonColumn, C::Reasons},     {RunColumn, C::Run},
        {WhenColumn, C::QuarantinedAt}, {RetriedColumn, C::RetriedInRun}};
    const C sorted = columns.value(column, C::ReadOrder);
    return {sorted, sorted != C::ReadOrder && order == Qt::DescendingOrder};
}

// Sorted on the database: the rows read so far are in the old order, so they go, and the first
// page of the new order comes as after a new filter.
void QuarantineModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount) {
        column = -1;
        order = Qt::AscendingOrder;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_hasProject)
        restart();
}

void QuarantineModel::takePage(quint64 generation, const Page &page)
{
    if (generation != m_generation)
        return; // stale: the filter or the project changed since
    if (!page.error.isEmpty()) {
        m_atEnd = true;
        m_error = page.error;
        setFetching(false);
        Q_EMIT failed(page.error);
        return;
    }
    m_atEnd = page.rows.size() < m_pageSize;
    // still fetching while the rows go in: a fetchMore from a listener to the insertion would
    // read after a row that is not there yet
    if (!page.rows.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(page.rows.size()) - 1);
        m_rows += page.rows;
        endInsertRows();
    }
    setFetching(false);
    Q_EMIT pageLoaded(int(page.rows.size()));
}

void QuarantineModel::startCount()
{
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Page>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        const Page page = watcher->result();
        if (generation != m_generation || !page.error.isEmpty())
            return; // a failed count fails the page too, which says so
        m_total = page.total;
        Q_EMIT totalCountChanged(m_total);
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, &QuarantineModel::readCount, m_project, m_passwords, m_filter));
}

QuarantineModel::Page QuarantineModel::readPage(const Project &project,
                                                const PasswordProvider *passwords,
                                                const PageRequest &request)
{
    Page page;
    if (targetMissing(project))
        return page;
    RunHistory history(project, passwords);
    auto rows = history.quarantinePage(request.filter, request.after ? &*request.after : nullptr,
                                       request.limit, request.sort);
    if (rows)
        page.rows = std::move(*rows);
    else
        page.error = rows.error().toString();
    return page;
}

QuarantineModel::Page QuarantineModel::readCount(const Project &project,
                                                 const PasswordProvider *passwords,
                                                 const QuarantineFilter &filter)
{
    Page page;
    page.total = 0;
    if (targetMissing(project))
        return page;
    RunHistory history(project, passwords);
    auto total = history.quarantineCount(filter);
    if (total)
        page.total = *total;
    else
        page.error = total.error().toString();
    return page;
}

int QuarantineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuarantineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuarantineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::InitialSortOrderRole)
        return int(section == WhenColumn ? Qt::DescendingOrder
                                         : Qt::AscendingOrder); // newest first
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Source key");
    case TableColumn:
        return tr("Table");
    case ReasonColumn:
        return tr("Reasons");
    case RunColumn:
        return tr("Run");
    case WhenColumn:
        return tr("Quarantined");
    case RetriedColumn:
        return tr("Loaded again");
    default:
        return {};
    }
}

QVariant QuarantineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QuarantinedRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return index.column() == ReasonColumn ? reasonLines(row).join(QLatin1Char('\n'))
                                              : QVariant();
    case Qt::DecorationRole:
        if (index.column() == ReasonColumn && !row.violations.isEmpty())
            return kindColor(row.violations.first().kind);
        return {};
    case KindsRole: {
        QVariantList kinds;
        for (const Violation &v : row.violations)
            kinds.append(int(v.kind));
        return kinds;
    }
    case SourceKeyRole:
        return row.sourceKey;
    case RetriedRole:
        return !row.retriedInRun.isEmpty();
    default:
        return {};
    }
}

QVariant QuarantineModel::display(const QuarantinedRow &row, int column) const
{
    switch (column) {
    case KeyColumn:
        return keyText(row.sourceKey);
    case TableColumn:
        return row.tableName;
    case ReasonColumn: {
        if (row.violations.isEmpty())
            return QString();
        const QString first = reasonLines(row).first();
        const qsizetype more = row.violations.size() - 1;
        return more == 0 ? first : tr("%1  (+%n more)", nullptr, int(more)).arg(first);
    }
    case RunColumn:
        return row.runId.left(8);
    case WhenColumn:
        return QLocale().toString(row.quarantinedAt.toLocalTime(), QLocale::ShortFormat);
    case RetriedColumn:
        return row.retriedInRun.isEmpty() ? QString()
                                          : tr("\u2713 run %1").arg(row.retriedInRun.left(8));
    default:
        return {};
    }
}

QString QuarantineModel::kindSymbol(Violation::Kind kind)
{
    switch (kind) {
    case Violation::Kind::Rule:
        return QStringLiteral("\u25b2"); // ▲
    case Violation::Kind::Conversion:
        return QStringLiteral("\u25c6"); // ◆
    case Violation::Kind::Database:
        return QStringLiteral("\u25a0"); // ■
    case Violation::Kind::Function:
        break;
    }
    return QStringLiteral("\u25cf"); // ●
}

QString QuarantineModel::kindLabel(Violation::Kind kind)
{
    switch (kind) {
    case Violation::Kind::Rule:
        return tr("Rule");
    case Violation::Kind::Conversion:
        return tr("Conversion");
    case Violation::Kind::Database:
        return tr("Target refused");
    case Violation::Kind::Function:
        break;
    }
    return tr("Function");
}

// Okabe-Ito colours, told apart by most colour-blind eyes (and the shapes say it anyway).
QColor QuarantineModel::kindColor(Violation::Kind kind)
{
    switch (kind) {
    case Violation::Kind::Rule:
        return QColor(0xd5, 0x5e, 0x00); // vermillion
    case Violation::Kind::Conversion:
        return QColor(0x00, 0x72, 0xb2); // blue
    case Violation::Kind::Database:
        return QColor(0xcc, 0x79, 0xa7); // reddish purple
    case Violation::Kind::Function:
        break;
    }
    return QColor(0x00, 0x9e, 0x73); // bluish green
}

QString QuarantineModel::keyText(const QString &sourceKey)
{
    if (!sourceKey.startsWith(QLatin1Char('[')))
        return sourceKey; // a keyless row's position, #12
    QStringList parts;
    for (const QVariant &value : SourceKey::fromJson(sourceKey))
        parts.append(value.isNull() ? QStringLiteral("NULL") : value.toString());
    return parts.join(QStringLiteral(", "));
}

QStringList QuarantineModel::reasonLines(const QuarantinedRow &row)
{
    QStringList lines;
    for (const Violation &v : row.violations)
        lines.append(kindSymbol(v.kind) + QLatin1Char(' ') + ViolationText::describe(v));
    return lines;
}

} // namespace cutover
