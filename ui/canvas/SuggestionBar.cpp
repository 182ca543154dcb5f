#include "canvas/SuggestionBar.h"

#include "ColumnMappingModel.h"
#include "ElidedLabel.h"
#include "ProjectDocument.h"
#include "canvas/MappingScene.h"
#include "canvas/SuggestionLine.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QtConcurrent>

namespace cutover {

SuggestionBar::SuggestionBar(ProjectDocument &document, ColumnMappingModel &columns,
                             MappingScene &scene, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_columns(columns)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("suggestionBar"));
    m_suggest = new QPushButton(QIcon(QStringLiteral(":/icons/mapping.svg")), tr("&Suggest"), this);
    m_suggest->setObjectName(QStringLiteral("suggest"));
    m_suggest->setToolTip(tr("Suggest mappings for the unmapped target columns, from names, "
                             "types and sample values of the source"));
    m_status = new ElidedLabel(this);
    m_status->setObjectName(QStringLiteral("suggestionStatus"));
    m_status->setElideMode(Qt::ElideRight);
    m_thresholdLabel = new QLabel(this);
    m_threshold = new QSlider(Qt::Horizontal, this);
    m_threshold->setObjectName(QStringLiteral("suggestionThreshold"));
    m_threshold->setRange(30, 100);
    m_threshold->setSingleStep(5);
    m_threshold->setPageStep(10);
    m_threshold->setValue(qRound(scene.threshold() * 100));
    m_threshold->setMaximumWidth(140);
    m_threshold->setToolTip(tr("The confidence \"Accept\" takes: weaker suggestions are drawn "
                               "faint"));
    m_accept = new QPushButton(tr("Accept"), this);
    m_accept->setObjectName(QStringLiteral("acceptSuggestions"));
    m_rejectAll = new QPushButton(tr("Reject All"), this);
    m_rejectAll->setObjectName(QStringLiteral("rejectSuggestions"));
    m_rejectAll->setToolTip(tr("Clear every suggestion; Suggest asks again"));

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_status, 1);
    row->addWidget(m_thresholdLabel);
    row->addWidget(m_threshold);
    row->addWidget(m_accept);
    row->addWidget(m_rejectAll);

    connect(m_suggest, &QPushButton::clicked, this, &SuggestionBar::suggest);
    connect(m_threshold, &QSlider::valueChanged, this, [this] {
        m_scene.setThreshold(threshold());
        refresh();
    });
    connect(m_accept, &QPushButton::clicked, this, [this] { m_scene.acceptAbove(threshold()); });
    connect(m_rejectAll, &QPushButton::clicked, &m_scene, &MappingScene::rejectAll);
    connect(&m_scene, &MappingScene::suggestionsChanged, this, &SuggestionBar::refresh);
    connect(&m_scene, &QGraphicsScene::selectionChanged, this, &SuggestionBar::refresh);
    connect(&m_columns, &QAbstractItemModel::modelReset, this, [this] {
        m_notice.clear();
        refresh();
    });
    refresh();
}

double SuggestionBar::threshold() const
{
    return m_threshold->value() / 100.0;
}

QString SuggestionBar::tablePair() const
{
    return m_scene.tablePair();
}

const SuggestionLine *SuggestionBar::selectedSuggestion() const
{
    for (QGraphicsItem *item : m_scene.selectedItems())
        if (const auto *line = dynamic_cast<const SuggestionLine *>(item))
            return line;
    return nullptr;
}

QString SuggestionBar::statusText() const
{
    return m_status->fullText();
}

void SuggestionBar::suggest()
{
    const TableInfo *source = m_columns.sourceTable();
    const TableInfo *target = m_columns.targetTable();
    if (!source || !target) {
        m_notice = tr("The source and target tables are not known yet: check the connections.");
        refresh();
        return;
    }
    ColumnSuggestionJob::Input input;
    input.project = m_document.project();
    input.sourceSchema = m_columns.sourceSchema();
    input.targetSchema = m_columns.targetSchema();
    if (!input.targetSchema.table(target->name))
        input.targetSchema.tables.append(*target); // a table the run will create
    input.sourceTable = source->name;
    input.targetTable = target->name;
    const quint64 generation = ++m_generation;
    const QString pair = tablePair();
    m_running = true;
    m_notice.clear();
    refresh();
    auto *watcher = new QFutureWatcher<ColumnSuggestionJob::Outcome>(this);
    connect(watcher, &QFutureWatcher<ColumnSuggestionJob::Outcome>::finished, this,
            [this, watcher, generation, pair] {
                watcher->deleteLater();
                finish(generation, pair, watcher->result());
            });
    watcher->setFuture(QtConcurrent::run(&ColumnSuggestionJob::run, input, m_passwords));
}

void SuggestionBar::finish(quint64 generation, const QString &tablePair,
                           const ColumnSuggestionJob::Outcome &outcome)
{
    if (generation != m_generation)
        return; // a newer request was made
    m_running = false;
    if (tablePair != this->tablePair()) {
        refresh();
        return; // the user went on to another table mapping
    }
    m_notice = outcome.notice.isEmpty()
                   ? QString()
                   : tr("From names and types only (no sample values: %1)").arg(outcome.notice);
    QList<AutoMapper::ColumnSuggestion> unmapped;
    for (const AutoMapper::ColumnSuggestion &suggested : outcome.suggestions)
        if (m_columns.expression(suggested.target).isEmpty())
            unmapped.append(suggested);
    if (unmapped.isEmpty() && m_notice.isEmpty())
        m_notice = tr("No suggestions: every column that has a likely source is mapped.");
    m_scene.setSuggestions(unmapped);
    refresh();
    Q_EMIT finished();
}

void SuggestionBar::refresh()
{
    const QList<AutoMapper::ColumnSuggestion> open = m_scene.openSuggestions();
    qsizetype above = 0;
    for (const AutoMapper::ColumnSuggestion &suggested : open)
        above += suggested.confidence >= threshold();
    m_suggest->setEnabled(!m_running && m_columns.mapping() >= 0);
    QString status;
    if (m_running)
        status = tr("Reading sample values and suggesting\u2026");
    else if (const SuggestionLine *chosen = selectedSuggestion())
        status = tr("%1 = %2 (%3): %4. Enter accepts, Del rejects.")
                     .arg(chosen->suggestion().target, chosen->suggestion().expression.simplified(),
                          chosen->confidenceText(), chosen->suggestion().reason);
    else if (!open.isEmpty())
        status = (open.size() == 1 ? tr("1 suggestion") : tr("%1 suggestions").arg(open.size())) +
                 tr(": double-click or Enter accepts one, Del rejects it");
    if (!m_notice.isEmpty())
        status = status.isEmpty() ? m_notice : status + QStringLiteral(". ") + m_notice;
    m_status->setFullText(status);
    const bool any = !open.isEmpty();
    setVisible(!status.isEmpty());
    for (QWidget *w :
         {static_cast<QWidget *>(m_thresholdLabel), static_cast<QWidget *>(m_threshold),
          static_cast<QWidget *>(m_accept), static_cast<QWidget *>(m_rejectAll)})
        w->setVisible(any);
    m_thresholdLabel->setText(tr("At or above %1%").arg(m_threshold->value()));
    m_accept->setText(tr("Accept %1").arg(above));
    m_accept->setEnabled(above > 0);
    m_accept->setToolTip(tr("Accept the %1 suggestions of at least %2% confidence, as one edit")
                             .arg(above)
                             .arg(m_threshold->value()));
}

} // namespace cutover
