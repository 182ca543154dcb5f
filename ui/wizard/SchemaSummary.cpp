#include "wizard/SchemaSummary.h"

#include "core/Error.h"
#include "schema/DatabaseSchema.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {
QString counted(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}
} // namespace

SchemaSummary::SchemaSummary(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_label->setObjectName(QStringLiteral("summary"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree->setHeaderLabels({tr("Table"), tr("Columns"), tr("Rows")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_tree, 1);
    layout->addStretch(0); // keeps the text on top while the list is hidden
}

void SchemaSummary::clear(const QString &text)
{
    m_tree->clear();
    m_tree->hide();
    m_label->setText(text);
}

void SchemaSummary::showSchema(const DatabaseSchema &schema, bool isNewFile)
{
    m_tree->clear();
    int tables = 0;
    int views = 0;
    for (const TableInfo &table : schema.tables) {
        (table.isView ? views : tables) += 1;
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, table.isView ? tr("%1 (view)").arg(table.name) : table.name);
        item->setText(1, QString::number(table.columns.size()));
        item->setText(2, table.rowEstimate < 0 ? tr("?") : QLocale().toString(table.rowEstimate));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tree->setVisible(!schema.tables.isEmpty());
    if (isNewFile)
        m_label->setText(
            tr("A new, empty database. Its tables can be created from the source's: the next page "
               "offers them."));
    else if (schema.tables.isEmpty())
        m_label->setText(tr("No tables."));
    else
        m_label->setText(
            counted(tables, tr("1 table"), tr("%1 tables")) +
            (views == 0 ? QString()
                        : QStringLiteral(", ") + counted(views, tr("1 view"), tr("%1 views"))) +
            QLatin1Char('.'));
}

void SchemaSummary::showError(const Error &error)
{
    m_tree->clear();
    m_tree->hide();
    QString text = tr("Could not read it: %1.").arg(error.message());
    if (!error.hint().isEmpty())
        text += QLatin1Char(' ') + error.hint() + QLatin1Char('.');
    m_label->setText(text);
}

QString SchemaSummary::text() const
{
    return m_label->text();
}

} // namespace cutover
