#include "core/TextExcerpt.h"

namespace cutover {

namespace {

QString cut(const QString &text, qsizetype from, qsizetype length)
{
    return text.mid(from, TextExcerpt::kKeep) + QStringLiteral("… (%L1 characters)").arg(length);
}

} // namespace

bool TextExcerpt::isShort(const QString &text)
{
    if (text.size() > kLongText)
        return false;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        if (run > kLongRun)
            return false;
    }
    return true;
}

QString TextExcerpt::of(const QString &text)
{
    if (isShort(text))
        return text;
    QString out;
    qsizetype start = 0; // of the run of non-space characters being read
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && !text.at(i).isSpace())
            continue;
        const qsizetype length = i - start;
        out += length > kLongRun ? cut(text, start, length) : text.mid(start, length);
        if (i < text.size())
            out += text.at(i);
        start = i + 1;
    }
    if (out.size() > kLongText)
        out = out.left(kLongText) + QStringLiteral("… (%L1 characters in all)").arg(text.size());
    return out;
}

} // namespace cutover
