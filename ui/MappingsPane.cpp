#include "MappingsPane.h"

#include "ProblemListModel.h"
#include "project/Project.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {

enum ItemRole
{
    SourceRole = Qt::UserRole + 1,
    TargetRole,
    ColumnRole
};

QString modeText(TableMapping::Mode mode)
{
    switch (mode) {
    case TableMapping::Mode::Insert:
        return QStringLiteral("insert");
    case TableMapping::Mode::Upsert:
        return QStringLiteral("upsert");
    case TableMapping::Mode::TruncateLoad:
        return QStringLiteral("truncate and load");
    }
    return {};
}

QString keyText(TableMapping::KeyStrategy strategy)
{
    switch (strategy) {
    case TableMapping::KeyStrategy::Keep:
        return QStringLiteral("same keys");
    case TableMapping::KeyStrategy::RemapUuid:
        return QStringLiteral("UUID keys");
    case TableMapping::KeyStrategy::Generate:
        return QStringLiteral("new keys");
    }
    return {};
}

QString oneLine(QString text)
{
    return text.simplified();
}

// The worst problem of each mapping ("mappings[N]") and column ("mappings[N].columns[M]").
struct Marks
{
    QHash<int, QList<Problem>> mappings;
    QHash<std::pair<int, int>, QList<Problem>> columns;

    explicit Marks(const QList<Problem> &problems)
    {
        static const QRegularExpression path(
            QStringLiteral("^mappings\\[(\\d+)\\](?:\\.columns\\[(\\d+)\\])?"));
        for (const Problem &problem : problems) {
            const auto match = path.match(problem.path);
            if (!match.hasMatch())
                continue;
            const int mapping = match.captured(1).toInt();
            mappings[mapping].append(problem);
            if (!match.captured(2).isEmpty())
                columns[{mapping, match.captured(2).toInt()}].append(problem);
        }
    }

    static void apply(QTreeWidgetItem *item, const QList<Problem> &problems, const QIcon &normal)
    {
        if (problems.isEmpty()) {
            item->setIcon(0, normal);
            return;
        }
        Problem::Severity worst = Problem::Severity::Info;
        QStringList lines;
        for (const Problem &p : problems) {
            worst = qMin(worst, p.severity);
            lines << QStringLiteral("%1: %2").arg(ProblemListModel::severityLabel(p.severity),
                                                  p.message);
        }
        item->setIcon(0, ProblemListModel::severityIcon(worst));
        item->setToolTip(0,
                         item->toolTip(0) + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n')));
    }
};

} // namespace

MappingsPane::MappingsPane(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(tr("Open a project (Ctrl+O) to see its source and target schemas and the "
                            "table mappings between them."),
                         this))
{
    setObjectName(QStringLiteral("mappingsPane"));
    m_tree->setObjectName(QStringLiteral("mappingsTree"));

    auto *caption = new QLabel(tr("MAPPINGS"), this);
    QFont captionFont = caption->font();
    captionFont.setPointSizeF(captionFont.pointSizeF() * 0.85);
    captionFont.setBold(true);
    captionFont.setLetterSpacing(QFont::PercentageSpacing, 108);
    caption->setFont(captionFont);
    caption->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    m_summary->setStyleSheet(QStringLiteral("color: #5f6b7a;"));

    auto *title = new QLabel(tr("Source \u2192 target"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: #5f6b7a; padding: 24px;"));

    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Mapping"), tr("Details")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(0, 200);

    auto *titleRow = new QHBoxLayout;
    titleRow->setContentsMargins(0, 0, 0, 0);
    titleRow->addWidget(caption);
    titleRow->addStretch(1);
    titleRow->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(title);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_tree, 1);
    m_tree->hide();

    connect(m_tree, &QTreeWidget::itemActivated, this, &MappingsPane::activateItem);
}

void MappingsPane::clear(const QString &message)
{
    m_empty->setText(message.isEmpty() ? tr("Open a project (Ctrl+O) to see its source and "
                                            "target schemas and the table mappings between them.")
                                       : message);
    m_tree->clear();
    m_summary->clear();
    m_tree->hide();
    m_empty->show();
}

void MappingsPane::setProject(const Project &project, const QList<Problem> &problems)
{
    const Marks marks(problems);
    // A reload keeps the mappings that were open and the current one.
    QSet<QString> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->isExpanded())
            expanded.insert(m_tree->topLevelItem(i)->data(0, TargetRole).toString());
    const QString currentTarget =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, TargetRole).toString() : QString();
    const QString currentColumn =
        m_tree->currentItem() ? m_tree->currentItem()->data(0, ColumnRole).toString() : QString();
    m_tree->clear();
    const QIcon mappingIcon(QStringLiteral(":/icons/mapping.svg"));
    const QIcon columnIcon(QStringLiteral(":/icons/column.svg"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int mappingIndex = 0; mappingIndex < project.mappings.size(); ++mappingIndex) {
        const TableMapping &mapping = project.mappings.at(mappingIndex);
        const QString from = mapping.source.isEmpty() ? tr("(query)") : mapping.source;
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, QStringLiteral("%1 \u2192 %2").arg(from, mapping.target));
        QStringList details{mapping.columns.size() == 1
                                ? tr("1 column")
                                : tr("%1 columns").arg(mapping.columns.size()),
                            modeText(mapping.mode), keyText(mapping.keyStrategy)};
        if (!mapping.filter.isEmpty())
            details << tr("where %1").arg(oneLine(mapping.filter));
        item->setText(1, details.join(QStringLiteral("  \u00b7  ")));
        item->setForeground(1, QColor(0x5f, 0x6b, 0x7a));
        QString tip = tr("Target table %1 from %2").arg(mapping.target, from);
        if (!mapping.query.isEmpty())
            tip += QLatin1Char('\n') + mapping.query;
        if (!mapping.note.isEmpty())
            tip += QLatin1Char('\n') + mapping.note;
        item->setToolTip(0, tip);
        item->setToolTip(1, tip);
        item->setData(0, SourceRole, mapping.source);
        item->setData(0, TargetRole, mapping.target);
        Marks::apply(item, marks.mappings.value(mappingIndex), mappingIcon);
        for (int c = 0; c < mapping.columns.size(); ++c) {
            const ColumnMapping &column = mapping.columns.at(c);
            auto *child = new QTreeWidgetItem(item);
            child->setText(0, column.target);
            child->setToolTip(0, tr("%1.%2").arg(mapping.target, column.target));
            Marks::apply(child, marks.columns.value({mappingIndex, c}), columnIcon);
            child->setText(1, oneLine(column.expression));
            child->setToolTip(1, column.expression);
            child->setData(0, SourceRole, mapping.source);
            child->setData(0, TargetRole, mapping.target);
            child->setData(0, ColumnRole, column.target);
            child->setFont(1, mono);
            if (mapping.target == currentTarget && column.target == currentColumn)
                m_tree->setCurrentItem(child);
        }
        item->setExpanded(expanded.contains(mapping.target));
        if (mapping.target == currentTarget && currentColumn.isEmpty())
            m_tree->setCurrentItem(item);
    }
    m_tree->resizeColumnToContents(0);
    m_tree->header()->resizeSection(0, qBound(160, m_tree->header()->sectionSize(0) + 16, 300));
    const qsizetype n = project.mappings.size();
    m_summary->setText(n == 1 ? tr("1 table mapping") : tr("%1 table mappings").arg(n));
    m_empty->setText(tr("This project maps no tables yet."));
    m_empty->setVisible(n == 0);
    m_tree->setVisible(n > 0);
}

bool MappingsPane::selectMapping(int index)
{
    QTreeWidgetItem *item = m_tree->topLevelItem(index);
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
    return true;
}

void MappingsPane::activateItem(QTreeWidgetItem *item, int)
{
    if (!item)
        return;
    Q_EMIT mappingActivated(item->data(0, SourceRole).toString(),
                            item->data(0, TargetRole).toString(),
                            item->data(0, ColumnRole).toString());
}

} // namespace cutover
