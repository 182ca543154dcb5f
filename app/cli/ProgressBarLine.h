#pragma once

#include "run/RunProgress.h"

#include <QString>

namespace cutover::cli {

// The line `cutover-cli run` redraws on a terminal:
//   [#########---------------] 2/5 tables  encounter 5,000/6,079, 8,361 rows/s, ETA 0s  467
//   quarantined
// The bar fills by the tables done and the share of its rows each other table has written or
// quarantined, and is full only once every table is done. The line fits in width - 1 columns
// (a character in the last column makes some terminals wrap, and '\r' then redraws the wrong
// line): the bar is shorter on a narrow terminal, and the text gives up what it must to fit, in
// this order: the rates, the ETAs, counts for percentages, words, the ends of table names.
class ProgressBarLine
{
public:
    static QString format(const RunProgress &progress, int width);
    // From 0 to 1, and 1 only when every table is done.
    static double share(const RunProgress &progress);
    // [##------]: width characters between the brackets, all '#' only for a share of 1.
    static QString bar(double share, int width);

private:
    enum class Detail
    {
        Full,    // encounter 5,000/6,079, 8,361 rows/s, ETA 0s
        NoRate,  // encounter 5,000/6,079, ETA 0s
        Counts,  // encounter 5,000/6,079
        Percent, // encounter 82%
    };

    struct Layout
    {
        Detail detail = Detail::Full;
        int barWidth = 24;
        int nameWidth = -1;   // table names cut to this many characters; -1: whole
        bool compact = false; // "3/5" for "3/5 tables", "quar." for "quarantined"
    };

    static QString compose(const RunProgress &progress, const Layout &layout);
    static QString tablePart(const TableProgress &t, Detail detail, int nameWidth);
    // The share of t's rows written or quarantined, from 0 to 1.
    static double handled(const TableProgress &t);
    // What t adds to the bar: handled(), but below 1 until t is done.
    static double tableShare(const TableProgress &t);
};

} // namespace cutover::cli
