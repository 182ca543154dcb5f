#pragma once

#include "ProjectCommand.h"

namespace cutover {

// Changes the transform expression of one target column of one table mapping. Typing in one
// expression is one command per burst: consecutive changes of the same column merge until the
// typing pauses for kBurstGapMs, and a burst that ends where it started leaves nothing to undo.
class SetExpressionCommand : public ProjectCommand
{
public:
    static constexpr qint64 kBurstGapMs = 2000;

    SetExpressionCommand(ProjectDocument &document, QString mapping, QString column,
                         QString expression);

    void redo() override;
    void undo() override;
    int id() const override { return SetExpressionId; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    void set(const QString &expression);

    QString m_mapping; // the target table
    QString m_column;  // the target column
    QString m_before;
    QString m_after;
    qint64 m_at; // when the last change of the burst was made (a monotonic clock, ms)
};

} // namespace cutover
