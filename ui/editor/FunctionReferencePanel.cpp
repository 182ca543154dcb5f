#include "editor/FunctionReferencePanel.h"

#include "FunctionReferenceModel.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace cutover {

FunctionReferencePanel::FunctionReferencePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new FunctionReferenceModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_list(new QTreeView(this))
    , m_details(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("functionReference"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(FunctionReferenceModel::SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_search->setObjectName(QStringLiteral("functionSearch"));
    m_search->setPlaceholderText(tr("Search functions: name, description, example"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("functionList"));
    m_list->setModel(m_proxy);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // the dock is narrow: the signature in the list, what it does in the tooltip and below
    m_list->setHeaderHidden(true);
    m_list->setColumnHidden(FunctionReferenceModel::SummaryColumn, true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->installEventFilter(this);
    m_details->setObjectName(QStringLiteral("functionDetails"));
    m_details->setOpenLinks(false);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->viewport()->setAutoFillBackground(false);
    m_details->setMinimumHeight(m_details->fontMetrics().height() * 5);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_list);
    split->addWidget(m_details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(split, 1);

    connect(m_search, &QLineEdit::textChanged, this, &FunctionReferencePanel::search);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FunctionReferencePanel::showDetails);
    connect(m_list, &QTreeView::doubleClicked, this, &FunctionReferencePanel::requestInsert);
    showDetails({});
}

void FunctionReferencePanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FunctionReferencePanel::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void FunctionReferencePanel::search(const QString &text)
{
    m_proxy->setFilterFixedString(text.trimmed());
    if (m_proxy->rowCount() > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_proxy->index(0, 0));
    showDetails(m_list->currentIndex());
}

QStringList FunctionReferencePanel::shownFunctions() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, 0).data(FunctionReferenceModel::NameRole).toString());
    return names;
}

bool FunctionReferencePanel::choose(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return false;
    QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!shown.isValid()) {
        m_search->clear();
        shown = m_proxy->mapFromSource(m_model->index(row, 0));
    }
    m_list->setCurrentIndex(shown);
    m_list->scrollTo(shown);
    return true;
}

QString FunctionReferencePanel::chosenFunction() const
{
    return m_list->currentIndex().data(FunctionReferenceModel::NameRole).toString();
}

QString FunctionReferencePanel::detailsText() const
{
    return m_details->toPlainText();
}

void FunctionReferencePanel::showDetails(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_details->setText(
            m_proxy->rowCount() == 0
                ? tr("No function matches \u201c%1\u201d.").arg(m_search->text().toHtmlEscaped())
                : tr("Choose a function to read about it; double-click or press "
                     "Enter to insert it at the cursor of the expression."));
        return;
    }
    auto text = [&current](int role) {
        return current.data(role).toString().toHtmlEscaped();
    };
    m_details->setText(
        tr("<b>%1</b> &nbsp;<small>(%2)</small><br>%3<br>e.g. <code>%4</code><br><small>"
           "Double-click or Enter inserts it at the cursor.</small>")
            .arg(text(FunctionReferenceModel::SignatureRole),
                 text(FunctionReferenceModel::OriginRole),
                 text(FunctionReferenceModel::SummaryRole),
                 text(FunctionReferenceModel::ExampleRole)));
}

void FunctionReferencePanel::requestInsert(const QModelIndex &index)
{
    const QString name = index.data(FunctionReferenceModel::NameRole).toString();
    if (!name.isEmpty())
        Q_EMIT insertRequested(name);
}

// Down in the search moves into the list; Enter in either inserts the chosen function.
bool FunctionReferencePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const int key = static_cast<QKeyEvent *>(event)->key();
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        requestInsert(m_list->currentIndex());
        return true;
    }
    if (watched == m_search && (key == Qt::Key_Down || key == Qt::Key_Up)) {
        QCoreApplication::sendEvent(m_list, event);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace cutover
