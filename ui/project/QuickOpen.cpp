#include "project/QuickOpen.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace cutover {

namespace {

constexpr int kTargetRole = Qt::UserRole + 1;

QString iconOf(QuickOpen::Kind kind)
{
    using K = QuickOpen::Kind;
    switch (kind) {
    case K::SourceTable:
    case K::TargetTable:
        return QStringLiteral(":/icons/table.svg");
    case K::SourceColumn:
    case K::TargetColumn:
    case K::MappedColumn:
        return QStringLiteral(":/icons/column.svg");
    case K::Mapping:
        return QStringLiteral(":/icons/mapping.svg");
    case K::Lookup:
        return QStringLiteral(":/icons/lookup.svg");
    case K::Rule:
        return QStringLiteral(":/icons/rule.svg");
    case K::Phase:
        return QStringLiteral(":/icons/phase.svg");
    case K::Connection:
        return QStringLiteral(":/icons/connection.svg");
    }
    return {};
}

} // namespace

QuickOpen::QuickOpen(QWidget *parent)
    : QDialog(parent, Qt::Popup)
    , m_search(new QLineEdit(this))
    , m_list(new QListView(this))
    , m_items(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("quickOpen"));
    m_search->setObjectName(QStringLiteral("quickOpenSearch"));
    m_search->setPlaceholderText(
        tr("Find a table, column, mapping, lookup, rule, phase or connection"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_filter->setSourceModel(m_items);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterRole(Qt::DisplayRole);
    m_list->setModel(m_filter);
    m_list->setUniformItemSizes(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    resize(560, 360);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        m_list->setCurrentIndex(m_filter->index(0, 0));
    });
    connect(m_list, &QListView::activated, this, &QuickOpen::choose);
}

int QuickOpen::matchCount() const
{
    return m_filter->rowCount();
}

void QuickOpen::add(Kind kind, const QString &text, const QString &detail, const Target &target)
{
    auto *item =
        new QStandardItem(QIcon(iconOf(kind)), QStringLiteral("%1    \u2014 %2").arg(text, detail));
    item->setData(QVariant::fromValue(target), kTargetRole);
    m_items->appendRow(item);
}

void QuickOpen::setContents(const ProjectCheck::Outcome &outcome)
{
    m_items->clear();
    const Project &p = outcome.project;
    for (qsizetype i = 0; i < p.mappings.size(); ++i) {
        const TableMapping &m = p.mappings.at(i);
        add(Kind::Mapping, m.target, tr("table mapping from %1").arg(m.source),
            {Kind::Mapping, i, m.target, {}});
        for (const ColumnMapping &c : m.columns)
            add(Kind::MappedColumn, QStringLiteral("%1.%2").arg(m.target, c.target),
                tr("mapped column: %1").arg(c.expression.simplified()),
                {Kind::MappedColumn, i, m.target, c.target});
    }
    for (const TableInfo &t : outcome.source.tables) {
        add(Kind::SourceTable, t.name, tr("source table"), {Kind::SourceTable, -1, t.name, {}});
        for (const ColumnInfo &c : t.columns)
            add(Kind::SourceColumn, QStringLiteral("%1.%2").arg(t.name, c.name),
                tr("source column, %1").arg(c.declaredType),
                {Kind::SourceColumn, -1, t.name, c.name});
    }
    for (const TableInfo &t : outcome.target.tables) {
        add(Kind::TargetTable, t.name, tr("target table"), {Kind::TargetTable, -1, t.name, {}});
        for (const ColumnInfo &c : t.columns)
            add(Kind::TargetColumn, QStringLiteral("%1.%2").arg(t.name, c.name),
                tr("target column, %1").arg(c.declaredType),
                {Kind::TargetColumn, -1, t.name, c.name});
    }
    for (qsizetype i = 0; i < p.lookups.size(); ++i)
        add(Kind::Lookup, p.lookups.at(i).name, tr("lookup map"), {Kind::Lookup, i, {}, {}});
    for (qsizetype i = 0; i < p.rules.size(); ++i)
        add(Kind::Rule, p.rules.at(i).name, tr("rule on %1").arg(p.rules.at(i).table),
            {Kind::Rule, i, p.rules.at(i).table, p.rules.at(i).column});
    for (qsizetype i = 0; i < p.phases.size(); ++i)
        add(Kind::Phase, p.phases.at(i).name, tr("phase"), {Kind::Phase, i, {}, {}});
    for (qsizetype i = 0; i < p.connections.size(); ++i)
        add(Kind::Connection, p.connections.at(i).name, tr("connection"),
            {Kind::Connection, i, {}, {}});
    m_search->clear();
    m_list->setCurrentIndex(m_filter->index(0, 0));
}

bool QuickOpen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown ||
            key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            choose(m_list->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickOpen::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const Target target = index.data(kTargetRole).value<Target>();
    accept();
    Q_EMIT chosen(target);
}

} // namespace cutover
