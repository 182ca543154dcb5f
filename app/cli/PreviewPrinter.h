#pragma once

#include "preview/PreviewResult.h"

#include <QJsonObject>
#include <QTextStream>

namespace cutover::cli {

// Prints a PreviewResult for cutover-cli preview: a compact text table per row, source beside
// target with a status mark per target cell and the row's violations under it; or the whole
// result as JSON (stable key order).
class PreviewPrinter
{
public:
    static constexpr int kValueWidth = 30;

    static void printText(QTextStream &out, const PreviewResult &result);
    static void printJson(QTextStream &out, const PreviewResult &result);
    static QJsonObject toJson(const PreviewResult &result);
    // A value as the text table shows it: NULL, quoted when spaces at its ends or empty would
    // be invisible, control characters escaped, elided to width characters.
    static QString display(const QVariant &value, int width = kValueWidth);
    static QChar mark(PreviewResult::CellStatus status);

private:
    static void printHeader(QTextStream &out, const PreviewResult &result);
    static void printRow(QTextStream &out, const PreviewResult &result, int index);
    static void printSummary(QTextStream &out, const PreviewResult &result);
    static QJsonObject rowJson(const PreviewResult &result, const PreviewResult::Row &row);
};

} // namespace cutover::cli
