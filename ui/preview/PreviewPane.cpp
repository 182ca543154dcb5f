#include "preview/PreviewPane.h"

#include "ColumnMappingModel.h"
#include "PreviewModel.h"
#include "ProjectDocument.h"
#include "preview/PreviewRowDetails.h"
#include "preview/PreviewService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace cutover {

namespace {

using Status = PreviewResult::CellStatus;

QTableView *previewView(QAbstractItemModel *model, QWidget *parent, const QString &name)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setDefaultSectionSize(130);
    return view;
}

// Scrolls a view sideways just far enough to show a column whole, so that the columns on its
// left (the row's verdict first) stay in view as far as they fit.
void revealColumn(QTableView *view, int column)
{
    if (column < 0 || column >= view->model()->columnCount())
        return;
    const int right = view->horizontalHeader()->sectionPosition(column) + view->columnWidth(column);
    view->horizontalScrollBar()->setValue(qMax(0, right - view->viewport()->width()));
}

} // namespace

PreviewPane::PreviewPane(ProjectDocument &document, ColumnMappingModel &columns, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_columns(columns)
    , m_sourceModel(new PreviewModel(PreviewModel::Side::Source, this))
    , m_targetModel(new PreviewModel(PreviewModel::Side::Target, this))
    , m_details(new PreviewRowDetails(this))
{
    setObjectName(QStringLiteral("previewPane"));
    setPasswordProvider(nullptr);
    m_sourceView = previewView(m_sourceModel, this, QStringLiteral("previewSource"));
    m_targetView = previewView(m_targetModel, this, QStringLiteral("previewTarget"));
    // one row is one row: the two sides scroll and select together
    connect(m_sourceView->verticalScrollBar(), &QScrollBar::valueChanged,
            m_targetView->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_targetView->verticalScrollBar(), &QScrollBar::valueChanged,
            m_sourceView->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_targetView, &QTableView::clicked, this, &PreviewPane::cellClicked);
    connect(m_targetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_sourceView->currentIndex().row() != current.row())
                    m_sourceView->selectRow(current.row());
                showRowDetails();
            });
    connect(m_sourceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid() && m_targetView->currentIndex().row() != current.row())
                    m_targetView->selectRow(current.row());
            });
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->setChildrenCollapsible(false);
    auto *sourceSide = new QWidget(sides);
    auto *sourceLayout = new QVBoxLayout(sourceSide);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(new QLabel(tr("Source rows"), sourceSide));
    sourceLayout->addWidget(m_sourceView);
    auto *targetSide = new QWidget(sides);
    auto *targetLayout = new QVBoxLayout(targetSide);
    targetLayout->setContentsMargins(0, 0, 0, 0);
    targetLayout->addWidget(new QLabel(tr("Target rows, as the run would write them"), targetSide));
    targetLayout->addWidget(m_targetView);
    sides->addWidget(sourceSide);
    sides->addWidget(targetSide);
    sides->setStretchFactor(0, 2);
    sides->setStretchFactor(1, 3);

    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setChildrenCollapsible(false);
    rows->addWidget(sides);
    rows->addWidget(m_details);
    rows->setStretchFactor(0, 3);
    rows->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createControls());
    layout->addWidget(rows, 1);
    layout->addWidget(createLegend());

    m_delay.setSingleShot(true);
    m_delay.setInterval(kDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &PreviewPane::start);
    connect(&document, &ProjectDocument::changed, this, [this](ProjectDocument::Part part) {
        if (part == ProjectDocument::Part::Mappings || part == ProjectDocument::Part::Lookups ||
            part == ProjectDocument::Part::Rules)
            schedule();
    });
    connect(&columns, &QAbstractItemModel::modelReset, this, &PreviewPane::schedule);
}

PreviewPane::~PreviewPane() = default;

void PreviewPane::setPasswordProvider(const PasswordProvider *passwords)
{
    delete m_service;
    m_service = new PreviewService(passwords, this);
    connect(m_service, &PreviewService::previewReady, this, &PreviewPane::showResult);
    connect(m_service, &PreviewService::previewFailed, this, &PreviewPane::fail);
}

QWidget *PreviewPane::createControls()
{
    auto *bar = new QWidget(this);
    m_kind = new QComboBox(bar);
    m_kind->setObjectName(QStringLiteral("sampleKind"));
    m_kind->addItem(tr("First rows"), int(SampleSpec::Kind::First));
    m_kind->addItem(tr("Random rows"), int(SampleSpec::Kind::Random));
    m_kind->addItem(tr("Rows matching"), int(SampleSpec::Kind::Filter));
    m_kind->addItem(tr("Edge cases"), int(SampleSpec::Kind::EdgeCases));
    m_kind->setToolTip(tr("Edge cases: NULLs, the longest values, extremes, values missing from "
                          "lookups"));
    m_rows = new QSpinBox(bar);
    m_rows->setObjectName(QStringLiteral("sampleRows"));
    m_rows->setRange(1, 10000);
    m_rows->setValue(500);
    m_rows->setSuffix(tr(" rows"));
    m_seed = new QSpinBox(bar);
    m_seed->setRange(1, 999999);
    m_seed->setPrefix(tr("seed "));
    m_filter = new QLineEdit(bar);
    m_filter->setPlaceholderText(tr("a WHERE condition on the source rows"));
    m_violationsOnly = new QCheckBox(tr("Only rows with violations"), bar);
    m_violationsOnly->setObjectName(QStringLiteral("violationsOnly"));
    auto *refresh = new QPushButton(tr("Refresh"), bar);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_rows),
                       static_cast<QWidget *>(m_seed), static_cast<QWidget *>(m_filter)})
        row->addWidget(w);
    row->addWidget(m_violationsOnly);
    row->addWidget(refresh);
    row->addWidget(m_status, 1);
    updateSampleFields();
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateSampleFields();
        schedule();
    });
    connect(m_rows, &QSpinBox::valueChanged, this, &PreviewPane::schedule);
    connect(m_seed, &QSpinBox::valueChanged, this, &PreviewPane::schedule);
    connect(m_filter, &QLineEdit::editingFinished, this, &PreviewPane::schedule);
    connect(refresh, &QPushButton::clicked, this, &PreviewPane::refresh);
    connect(m_violationsOnly, &QCheckBox::toggled, this, [this](bool only) {
        m_sourceModel->setViolationsOnly(only);
        m_targetModel->setViolationsOnly(only);
    });
    return bar;
}

QWidget *PreviewPane::createLegend()
{
    auto *legend = new QLabel(
        tr("\u2717 violation   \u2248 converted, may lose data   NULL in italics   blue: "
           "changed by the expression   plain: copied as it is"),
        this);
    legend->setObjectName(QStringLiteral("previewLegend"));
    legend->setWordWrap(true);
    return legend;
}

void PreviewPane::updateSampleFields()
{
    const auto kind = SampleSpec::Kind(m_kind->currentData().toInt());
    m_seed->setVisible(kind == SampleSpec::Kind::Random);
    m_filter->setVisible(kind == SampleSpec::Kind::Filter);
}

void PreviewPane::setSample(const SampleSpec &spec)
{
    m_kind->setCurrentIndex(m_kind->findData(int(spec.kind)));
    m_rows->setValue(spec.rows);
    m_seed->setValue(int(spec.seed));
    m_filter->setText(spec.filter);
    schedule();
}

SampleSpec PreviewPane::sample() const
{
    SampleSpec spec;
    spec.kind = SampleSpec::Kind(m_kind->currentData().toInt());
    spec.rows = m_rows->value();
    spec.seed = quint64(m_seed->value());
    spec.filter = spec.kind == SampleSpec::Kind::Filter ? m_filter->text() : QString();
    return spec;
}

void PreviewPane::schedule()
{
    m_stale = true;
    if (isVisible())
        m_delay.start();
}

void PreviewPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        m_delay.start();
}

void PreviewPane::refresh()
{
    m_delay.stop();
    start();
}

void PreviewPane::start()
{
    const qsizetype mapping = m_columns.mapping();
    if (!m_document.hasProject() || mapping < 0 || mapping >= m_document.project().mappings.size())
        return;
    m_stale = false;
    const QString table = m_document.project().mappings.at(mapping).target;
    m_service->request(m_document.project(), table, sample());
    m_status->setText(tr("Reading the sample\u2026"));
}

void PreviewPane::showResult(int generation, const PreviewResult &result)
{
    if (generation != m_service->generation())
        return;
    const int chosen = m_targetView->currentIndex().row(); // stays chosen: the same sample row
    // Freeing 10,000 rows of cells takes some 30 ms: the last reference to the old result goes
    // to a worker thread instead of blocking the event loop.
    PreviewResult old = m_targetModel->result();
    m_sourceModel->setResult(result);
    m_targetModel->setResult(result);
    if (chosen >= 0 && chosen < m_targetModel->rowCount())
        m_targetView->selectRow(chosen); // its details come with currentRowChanged
    else
        m_details->clear();
    // the verdict as narrow as it can be: the edited column has to fit beside it
    m_targetView->resizeColumnToContents(0);
    QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old = {}; });
    QString status =
        tr("%1 rows in %2 ms").arg(QLocale().toString(result.rows.size())).arg(result.elapsedMs);
    if (const int blocked = result.blockedRows(); blocked > 0)
        status += tr(" \u00b7 %1 would be quarantined").arg(blocked);
    if (!result.notes.isEmpty())
        status += QStringLiteral(" \u00b7 ") + result.notes.join(QStringLiteral("; "));
    m_status->setText(status);
    m_status->setToolTip(status);
    applyFocus();
    Q_EMIT previewShown(generation);
}

void PreviewPane::fail(int generation, const Error &error)
{
    if (generation != m_service->generation() || error.code() == Error::Code::Cancelled)
        return;
    m_status->setText(tr("No preview: %1").arg(error.message()));
    m_status->setToolTip(error.toString());
    Q_EMIT previewFailed(error);
}

void PreviewPane::showColumn(const QString &targetColumn)
{
    m_focus = targetColumn;
    applyFocus();
}

void PreviewPane::applyFocus()
{
    const PreviewResult &result = m_targetModel->result();
    QStringList reads;
    for (const PreviewResult::Column &column : result.targetColumns)
        if (column.name == m_focus)
            reads = column.lineage;
    m_targetModel->setFocusColumns(m_focus.isEmpty() ? QStringList() : QStringList{m_focus});
    m_sourceModel->setFocusColumns(reads);
    // after the views have laid out the rows of a new result, which they do at the next turn
    const int targetColumn = m_targetModel->columnOf(m_focus);
    const int sourceColumn =
        reads.isEmpty() ? -1 : int(result.sourceColumns.indexOf(reads.first()));
    QTimer::singleShot(0, this, [this, targetColumn, sourceColumn] {
        revealColumn(m_targetView, targetColumn);
        revealColumn(m_sourceView, sourceColumn);
    });
}

void PreviewPane::showRowDetails()
{
    const QModelIndex current = m_targetView->currentIndex();
    if (!current.isValid() || !m_document.hasProject()) {
        m_details->clear();
        return;
    }
    m_details->showRow(m_targetModel->result(), m_targetModel->resultRow(current.row()),
                       m_document.project().rules);
}

void PreviewPane::cellClicked(const QModelIndex &index)
{
    if (index.data(PreviewModel::StatusRole).toInt() != int(Status::Violation))
        return;
    const QString column = index.data(PreviewModel::ColumnNameRole).toString();
    if (!column.isEmpty())
        Q_EMIT violationChosen(column);
}

QString PreviewPane::statusText() const
{
    return m_status->text();
}

} // namespace cutover
