#include "QuarantineRowDetails.h"

#include "QuarantineModel.h"
#include "core/ViolationText.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cutover {

namespace {

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("NULL");
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    default:
        return value.toVariant().toString();
    }
}

// A read-only table whose last column takes the room left and wraps; rows grow to its lines.
QTableWidget *newTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setWordWrap(true);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
    return item;
}

} // namespace

QuarantineRowDetails::QuarantineRowDetails(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_reasons(newTable({tr("Kind"), tr("Column"), tr("Reason")}, this))
    , m_values(newTable({tr("Source column"), tr("Raw value")}, this))
{
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *split = new QSplitter(Qt::Horizontal, this); // reasons beside the values
    auto *reasonsBox = new QWidget(split);
    auto *reasonsLayout = new QVBoxLayout(reasonsBox);
    reasonsLayout->setContentsMargins(0, 0, 0, 0);
    reasonsLayout->addWidget(new QLabel(tr("<b>Why it was rejected</b>"), reasonsBox));
    reasonsLayout->addWidget(m_reasons);
    auto *valuesBox = new QWidget(split);
    auto *valuesLayout = new QVBoxLayout(valuesBox);
    valuesLayout->setContentsMargins(0, 0, 0, 0);
    valuesLayout->addWidget(new QLabel(tr("<b>Raw source values</b>"), valuesBox));
    valuesLayout->addWidget(m_values);
    split->addWidget(reasonsBox);
    split->addWidget(valuesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(split, 1);
    connect(m_reasons, &QTableWidget::cellActivated, this, [this](int row) {
        Q_EMIT reasonActivated(m_reasons->item(row, ColumnColumn)->data(Qt::UserRole).toString());
    });
    clear();
}

void QuarantineRowDetails::clear()
{
    m_hasRow = false;
    m_row = {};
    m_heading->setText(tr("Choose a row to see every reason it was rejected for and its raw "
                          "source values."));
    m_reasons->setRowCount(0);
    m_values->setRowCount(0);
}

void QuarantineRowDetails::showRow(const QuarantinedRow &row)
{
    m_row = row;
    m_hasRow = true;
    QString heading =
        tr("<b>%1</b>, source key <b>%2</b><br>run %3, quarantined %4")
            .arg(row.tableName.toHtmlEscaped(),
                 QuarantineModel::keyText(row.sourceKey).toHtmlEscaped(), row.runId.left(8),
                 QLocale().toString(row.quarantinedAt.toLocalTime(), QLocale::ShortFormat));
    if (!row.retriedInRun.isEmpty())
        heading += tr("<br>\u2713 loaded again by run %1").arg(row.retriedInRun.left(8));
    m_heading->setText(heading);
    fillReasons(row);
    fillValues(row);
}

QString QuarantineRowDetails::headingText() const
{
    return m_heading->text();
}

void QuarantineRowDetails::fillReasons(const QuarantinedRow &row)
{
    m_reasons->setRowCount(int(row.violations.size()));
    for (int i = 0; i < row.violations.size(); ++i) {
        const Violation &v = row.violations.at(i);
        auto *kind = cell(QuarantineModel::kindSymbol(v.kind) + QLatin1Char(' ') +
                          QuarantineModel::kindLabel(v.kind));
        kind->setForeground(QuarantineModel::kindColor(v.kind));
        auto *column = cell(v.column.isEmpty() ? tr("(row)") : v.column);
        column->setData(Qt::UserRole, v.column);
        auto *reason = cell(ViolationText::describe(v));
        reason->setToolTip(reason->text());
        m_reasons->setItem(i, KindColumn, kind);
        m_reasons->setItem(i, ColumnColumn, column);
        m_reasons->setItem(i, ReasonTextColumn, reason);
    }
    m_reasons->resizeColumnToContents(KindColumn);
    m_reasons->resizeColumnToContents(ColumnColumn);
}

void QuarantineRowDetails::fillValues(const QuarantinedRow &row)
{
    QStringList named;
    for (const Violation &v : row.violations)
        named.append(v.column);
    m_values->setRowCount(int(row.rawValues.size()));
    int i = 0;
    for (auto it = row.rawValues.constBegin(); it != row.rawValues.constEnd(); ++it, ++i) {
        const bool marked = named.contains(it.key());
        auto *column = cell(marked ? QStringLiteral("\u25b6 ") + it.key() : it.key());
        auto *value = cell(valueText(it.value()));
        if (it.value().isNull())
            value->setForeground(m_values->palette().placeholderText());
        if (marked) {
            QFont bold = column->font();
            bold.setBold(true);
            column->setFont(bold);
            column->setToolTip(tr("A reason names this column"));
        }
        m_values->setItem(i, 0, column);
        m_values->setItem(i, 1, value);
    }
    m_values->resizeColumnToContents(0);
}

QString QuarantineRowDetails::currentColumn() const
{
    if (const int row = m_reasons->currentRow(); row >= 0)
        return m_reasons->item(row, ColumnColumn)->data(Qt::UserRole).toString();
    for (const Violation &v : m_row.violations)
        if (!v.column.isEmpty())
            return v.column;
    return {};
}

} // namespace cutover
