#include "QuarantineFilterBar.h"

#include "QuarantineModel.h"
#include "run/ledger/RunMode.h"
#include "run/ledger/RunStatus.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QTimer>

namespace cutover {

QuarantineFilterBar::QuarantineFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_run(new QComboBox(this))
    , m_table(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_column(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_typing(new QTimer(this))
{
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_run->setToolTip(tr("The run whose rejected rows to show"));
    m_table->setToolTip(tr("Only this target table's rows"));
    m_kind->setToolTip(tr("Only rows with a reason of this kind"));
    m_column->setToolTip(tr("Only rows with a reason on this target column"));
    m_kind->addItem(tr("Any reason"));
    for (const auto kind : {Violation::Kind::Rule, Violation::Kind::Conversion,
                            Violation::Kind::Function, Violation::Kind::Database})
        m_kind->addItem(QuarantineModel::kindSymbol(kind) + QLatin1Char(' ') +
                            QuarantineModel::kindLabel(kind),
                        int(kind));
    m_search->setPlaceholderText(tr("Find in keys, values and reasons"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    m_typing->setSingleShot(true);
    m_typing->setInterval(300);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const QList<QPair<QString, QWidget *>> parts = {{tr("&Run"), m_run},
                                                    {tr("&Table"), m_table},
                                                    {tr("Rea&son"), m_kind},
                                                    {tr("Co&lumn"), m_column}};
    for (const auto &[text, box] : parts) {
        auto *label = new QLabel(text, this);
        label->setBuddy(box);
        label->setContentsMargins(0, 0, 2, 0); // the mnemonic's width is rounded down
        layout->addWidget(label);
        layout->addWidget(box);
        layout->addSpacing(label->fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    }
    layout->addWidget(m_search, 1);

    setItems(m_run, tr("All runs"), {});
    setItems(m_table, tr("All tables"), {});
    setItems(m_column, tr("Any column"), {});
    for (QComboBox *box : {m_run, m_kind, m_column})
        connect(box, &QComboBox::currentIndexChanged, this, &QuarantineFilterBar::filterChanged);
    connect(m_table, &QComboBox::currentIndexChanged, this, [this] {
        fillColumns();
        Q_EMIT filterChanged();
    });
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &QuarantineFilterBar::filterChanged);
}

// Fills box with "all" (no data) and the items (each its own data), keeping the current item
// when it is still offered; no filterChanged for it.
void QuarantineFilterBar::setItems(QComboBox *box, const QString &allText, const QStringList &items)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(allText);
    for (const QString &item : items)
        box->addItem(item, item);
    box->setCurrentIndex(qMax(0, box->findData(current)));
}

void QuarantineFilterBar::setProject(const Project &project)
{
    m_project = project;
    fillTables();
}

void QuarantineFilterBar::setRuns(const QList<RunRecord> &runs)
{
    m_runs = runs;
    const QString current = m_run->currentData().toString();
    {
        const QSignalBlocker blocker(m_run);
        m_run->clear();
        m_run->addItem(tr("All runs"));
        for (const RunRecord &run : runs)
            m_run->addItem(runText(run), run.runId);
        m_run->setCurrentIndex(qMax(0, m_run->findData(current)));
    }
    fillTables();
}

QString QuarantineFilterBar::runText(const RunRecord &run)
{
    qint64 quarantined = 0;
    for (const RunTableRecord &table : run.tables)
        quarantined += table.quarantined;
    return tr("%1 \u00b7 %2 \u00b7 %3 \u00b7 %4 quarantined \u00b7 %5")
        .arg(QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
             runModeName(run.mode), runStatusName(run.status), QLocale().toString(quarantined),
             run.runId.left(8));
}

void QuarantineFilterBar::fillTables()
{
    QStringList tables;
    for (const TableMapping &mapping : m_project.mappings)
        tables.append(mapping.target);
    for (const RunRecord &run : std::as_const(m_runs))
        for (const RunTableRecord &table : run.tables)
            if (!tables.contains(table.tableName))
                tables.append(table.tableName);
    tables.sort(Qt::CaseInsensitive);
    setItems(m_table, tr("All tables"), tables);
    fillColumns();
}

// The chosen table's mapped columns, or every mapped column when all tables are shown.
void QuarantineFilterBar::fillColumns()
{
    QStringList columns;
    const QString table = m_table->currentData().toString();
    for (const TableMapping &mapping : m_project.mappings)
        if (table.isEmpty() || mapping.target == table)
            for (const ColumnMapping &column : mapping.columns)
                if (!columns.contains(column.target))
                    columns.append(column.target);
    columns.sort(Qt::CaseInsensitive);
    setItems(m_column, tr("Any column"), columns);
}

QuarantineFilter QuarantineFilterBar::filter() const
{
    QuarantineFilter f;
    f.runId = m_run->currentData().toString();
    f.table = m_table->currentData().toString();
    if (m_kind->currentData().isValid())
        f.kind = Violation::Kind(m_kind->currentData().toInt());
    f.column = m_column->currentData().toString();
    f.text = m_search->text().trimmed();
    return f;
}

void QuarantineFilterBar::selectRun(const QString &runId)
{
    m_run->setCurrentIndex(qMax(0, m_run->findData(runId)));
}

void QuarantineFilterBar::selectTable(const QString &table)
{
    m_table->setCurrentIndex(qMax(0, m_table->findData(table)));
}

} // namespace cutover
