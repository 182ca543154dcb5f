#include "AuditTrailModel.h"

#include "ReportPalette.h"

#include <QJsonDocument>
#include <QLocale>

namespace cutover {

AuditTrailModel::AuditTrailModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

namespace {

// Every field: a changed line keeps the hash it was written with.
bool same(const AuditEntry &a, const AuditEntry &b)
{
    return a.seq == b.seq && a.time == b.time && a.who == b.who && a.kind == b.kind &&
           a.summary == b.summary && a.data == b.data && a.prev == b.prev && a.hash == b.hash;
}

} // namespace

bool AuditTrailModel::extends(const QList<AuditEntry> &entries) const
{
    if (entries.size() < m_entries.size())
        return false;
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (!same(entries.at(i), m_entries.at(i)))
            return false;
    return true;
}

void AuditTrailModel::setEntries(const QList<AuditEntry> &entries)
{
    if (!extends(entries)) {
        beginResetModel();
        m_entries = entries;
        endResetModel();
        return;
    }
    if (entries.size() == m_entries.size())
        return;
    beginInsertRows({}, int(m_entries.size()), int(entries.size()) - 1);
    m_entries = entries;
    endInsertRows();
}

const AuditEntry *AuditTrailModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

int AuditTrailModel::rowOf(qint64 seq) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).seq == seq)
            return int(i);
    return -1;
}

void AuditTrailModel::rowChanged(int row)
{
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void AuditTrailModel::setBroken(qint64 seq, const QString &reason)
{
    if (seq == m_brokenSeq && reason == m_brokenReason)
        return;
    const int before = rowOf(m_brokenSeq);
    m_brokenSeq = seq;
    m_brokenReason = reason;
    rowChanged(before);
    rowChanged(rowOf(seq));
}

int AuditTrailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditTrailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

AuditTrailModel::Family AuditTrailModel::family(const QString &kind)
{
    const QString head = kind.section(QLatin1Char('.'), 0, 0);
    if (head == QLatin1String("runbook"))
        return Family::Runbook;
    if (head == QLatin1String("run") || head == QLatin1String("rollback") ||
        head == QLatin1String("quarantine"))
        return Family::Runs;
    if (head == QLatin1String("reconcile") || head == QLatin1String("report"))
        return Family::Reports;
    if (head == QLatin1String("project"))
        return Family::Project;
    return Family::Other;
}

QString AuditTrailModel::familyTitle(Family family)
{
    switch (family) {
    case Family::Runbook:
        return tr("Runbook");
    case Family::Runs:
        return tr("Runs");
    case Family::Reports:
        return tr("Reports");
    case Family::Project:
        return tr("Project");
    case Family::Other:
        break;
    }
    return tr("Other");
}

QString AuditTrailModel::dataText(const AuditEntry &entry)
{
    return QString::fromUtf8(QJsonDocument(entry.data).toJson(QJsonDocument::Indented)).trimmed();
}

QString AuditTrailModel::timeText(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant AuditTrailModel::display(const AuditEntry &entry, int column) const
{
    switch (column) {
    case SeqColumn:
        return entry.seq == m_brokenSeq
                   ? QStringLiteral("%1 %2").arg(brokenMark(), QLocale().toString(entry.seq))
                   : QLocale().toString(entry.seq);
    case TimeColumn:
        return timeText(entry.time);
    case WhoColumn:
        return entry.who;
    case KindColumn:
        return entry.kind;
    case SummaryColumn:
        return entry.summary;
    default:
        return {};
    }
}

QString AuditTrailModel::toolTip(const AuditEntry &entry) const
{
    QString text;
    if (entry.seq == m_brokenSeq)
        text = tr("%1 The chain breaks here: %2").arg(brokenMark(), m_brokenReason) +
               QStringLiteral("\n\n");
    text += tr("%1 UTC\n").arg(entry.time.toUTC().toString(Qt::ISODateWithMs));
    return text + dataText(entry);
}

QVariant AuditTrailModel::data(const QModelIndex &index, int role) const
{
    const AuditEntry *e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e)
        return {};
    const bool broken = e->seq == m_brokenSeq;
    switch (role) {
    case Qt::DisplayRole:
        return display(*e, index.column());
    case Qt::ToolTipRole:
        return toolTip(*e);
    case Qt::TextAlignmentRole:
        return index.column() == SeqColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                           : QVariant();
    case Qt::ForegroundRole:
        return broken ? QVariant(ReportPalette::statusColour(ReconcileStatus::Fail)) : QVariant();
    case Qt::BackgroundRole:
        return broken ? QVariant(ReportPalette::statusTint(ReconcileStatus::Fail)) : QVariant();
    case SeqRole:
        return e->seq;
    case FamilyRole:
        return int(family(e->kind));
    case DataTextRole:
        return dataText(*e);
    case SortRole:
        return index.column() == SeqColumn || index.column() == TimeColumn
                   ? QVariant(e->seq)
                   : display(*e, index.column());
    case BrokenRole:
        return broken;
    default:
        return {};
    }
}

QVariant AuditTrailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeqColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case WhoColumn:
        return tr("Who");
    case KindColumn:
        return tr("Kind");
    case SummaryColumn:
        return tr("Summary");
    default:
        return {};
    }
}

} // namespace cutover
