#pragma once

#include <QString>

namespace cutover {

// Text for a message that may quote a value of any size: a 10 MB value in a project file must
// not make a 10 MB error. Every run of more than kLongRun characters without white space keeps
// its first kKeep characters and says how long it was; a text still longer than kLongText keeps
// its first kLongText characters. Shorter text comes back as it is.
class TextExcerpt
{
public:
    static constexpr qsizetype kLongRun = 400;
    static constexpr qsizetype kKeep = 200;
    static constexpr qsizetype kLongText = 4000;

    static QString of(const QString &text);

private:
    static bool isShort(const QString &text);
};

} // namespace cutover
