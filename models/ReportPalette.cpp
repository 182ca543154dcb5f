#include "ReportPalette.h"

namespace cutover {

QIcon ReportPalette::statusIcon(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QIcon(QStringLiteral(":/icons/ok.svg"));
    case ReconcileStatus::NeedsReview:
        return QIcon(QStringLiteral(":/icons/warning.svg"));
    case ReconcileStatus::Fail:
        return QIcon(QStringLiteral(":/icons/error.svg"));
    }
    return {};
}

QColor ReportPalette::statusColour(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QColor(0x00, 0x7a, 0x5a); // bluish green, darkened for text
    case ReconcileStatus::NeedsReview:
        return QColor(0x9a, 0x5b, 0x00); // orange, darkened for text
    case ReconcileStatus::Fail:
        return QColor(0xb8, 0x3c, 0x00); // vermillion
    }
    return {};
}

QColor ReportPalette::statusTint(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QColor(0xe4, 0xf4, 0xee);
    case ReconcileStatus::NeedsReview:
        return QColor(0xfd, 0xf1, 0xd6);
    case ReconcileStatus::Fail:
        return QColor(0xfb, 0xe3, 0xd6);
    }
    return {};
}

QString ReportPalette::statusMark(ReconcileStatus status)
{
    switch (status) {
    case ReconcileStatus::Pass:
        return QStringLiteral("\u2714");
    case ReconcileStatus::NeedsReview:
        return QStringLiteral("\u25b2");
    case ReconcileStatus::Fail:
        return QStringLiteral("\u2716");
    }
    return {};
}

QString ReportPalette::statusLabel(ReconcileStatus status)
{
    return statusMark(status) + QLatin1Char(' ') + reconcileStatusTitle(status);
}

QColor ReportPalette::differTint()
{
    return QColor(0xfd, 0xe9, 0xb8); // amber
}

QString ReportPalette::differMark()
{
    return QStringLiteral("\u2260");
}

QColor ReportPalette::newTint()
{
    return QColor(0xfb, 0xe3, 0xd6);
}

QColor ReportPalette::resolvedTint()
{
    return QColor(0xdd, 0xee, 0xfa); // sky blue, apart from the new differences' vermillion
}

QColor ReportPalette::absentColour()
{
    return QColor(0x6b, 0x6b, 0x6b);
}

} // namespace cutover
