#pragma once

#include <QString>

namespace cutover {

// The style sheets of the HTML report: one for browsers (screen and print, A4, a page per
// table) and the subset QTextDocument understands, for the PDF.
class HtmlReportStyle
{
public:
    static QString browser();
    static QString richText();
};

} // namespace cutover
