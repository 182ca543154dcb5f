#pragma once

#include <QString>

namespace cutover {

// The style sheets of the runbook's and the status update's HTML: one for browsers (screen and
// print on A4) and the subset QTextDocument understands, for the PDF. Colours only ever repeat
// what a word or symbol beside them says, so a black-and-white print loses nothing.
class RunbookHtmlStyle
{
public:
    static QString browser();
    static QString richText();

    // The colours of the RAG status, the steps' statuses and the status update's status.
    static constexpr auto kGreen = "#1e7b45";
    static constexpr auto kAmber = "#995700";
    static constexpr auto kRed = "#b42318";
    static constexpr auto kBlue = "#2457a6";
    static constexpr auto kGrey = "#616e7c";
};

} // namespace cutover
