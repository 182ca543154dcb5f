#pragma once

#include "audit/AuditEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace cutover {

// The project's audit trail, one row per entry in file order: number, time (local), who, kind
// and summary; the entry's data as indented JSON in a tooltip and DataTextRole. The entry a
// verification found broken is marked by a cross and its reason, not by colour alone. A newer
// read that only adds entries at the end inserts them, so a view keeps its selection.
class AuditTrailModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        WhoColumn,
        KindColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        SeqRole = Qt::UserRole + 1,
        FamilyRole,   // int of Family
        DataTextRole, // the data as indented JSON
        SortRole,     // the number for # and time, else the text
        BrokenRole,   // true on the entry a verification found broken
    };
    // The kinds of entry a user filters by; Other only shows under "all".
    enum class Family
    {
        Other,
        Runbook, // runbook.start, runbook.step, sign-offs...
        Runs,    // run, rollback, quarantine
        Reports, // reconcile, report
        Project, // project.save
    };
    Q_ENUM(Family)

    explicit AuditTrailModel(QObject *parent = nullptr);

    void setEntries(const QList<AuditEntry> &entries);
    const QList<AuditEntry> &entries() const { return m_entries; }
    const AuditEntry *entry(int row) const;
    // The row of an entry by its number, -1 when it is not listed.
    int rowOf(qint64 seq) const;
    // Marks the entry a verification found broken (0: none) with why.
    void setBroken(qint64 seq, const QString &reason);
    qint64 brokenSeq() const { return m_brokenSeq; }
    const QString &brokenReason() const { return m_brokenReason; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static Family family(const QString &kind);
    static QString familyTitle(Family family);
    // The entry's data as indented JSON ("{}" when it has none).
    static QString dataText(const AuditEntry &entry);
    // "2024-05-01 14:03:22", in local time.
    static QString timeText(const QDateTime &time);
    static QString brokenMark() { return QStringLiteral("\u2716"); }

private:
    QVariant display(const AuditEntry &entry, int column) const;
    QString toolTip(const AuditEntry &entry) const;
    bool extends(const QList<AuditEntry> &entries) const;
    void rowChanged(int row);

    QList<AuditEntry> m_entries;
    qint64 m_brokenSeq = 0;
    QString m_brokenReason;
};

} // namespace cutover
