#pragma once

#include "reconcile/ReconcileStatus.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace cutover {

// How the report viewer's models mark a verdict and a difference. Never by colour alone: each
// status has its icon shape (tick, triangle, cross) and its word, each difference its sign, so
// the marks read the same to a colour-blind reader, on a grey-scale print, and to a screen
// reader. The colours are from the Okabe-Ito palette, which stays apart under the common colour
// vision deficiencies.
class ReportPalette
{
public:
    static QIcon statusIcon(ReconcileStatus status);
    // A strong colour for text and a light one for a cell's background.
    static QColor statusColour(ReconcileStatus status);
    static QColor statusTint(ReconcileStatus status);
    // "✔", "▲" or "✖".
    static QString statusMark(ReconcileStatus status);
    // "✔ Pass", "▲ Needs review", "✖ Fail".
    static QString statusLabel(ReconcileStatus status);

    // The background of a value that differs from the other side's, and its sign ("≠").
    static QColor differTint();
    static QString differMark();
    // The background of a difference that is new since the earlier report, or resolved.
    static QColor newTint();
    static QColor resolvedTint();
    // Grey for what is not there (a missing row's target values, an empty value).
    static QColor absentColour();
};

} // namespace cutover
