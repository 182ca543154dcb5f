#include "transform/functions/TextFunctions.h"

#include "core/RegexMatcher.h"
#include "transform/functions/FunctionCall.h"

#include <algorithm>
#include <sqlite3.h>

namespace cutover {

namespace {

const QString kRegexp = QStringLiteral("regexp");
const QString kRegexpReplace = QStringLiteral("regexp_replace");
const QString kRegexpExtract = QStringLiteral("regexp_extract");
const QString kSplitPart = QStringLiteral("split_part");

constexpr char16_t kSigma = u'σ';
constexpr char16_t kFinalSigma = u'ς';

bool isWordChar(char32_t c)
{
    return QChar::isLetterOrNumber(c) || QChar::isMark(c);
}

bool isApostrophe(char32_t c)
{
    return c == U'\'' || c == U'\u2019';
}

QString lowerOf(char32_t c)
{
    return QString::fromUcs4(&c, 1).toLower();
}

QString titleOf(char32_t c)
{
    const char32_t title = QChar::toTitleCase(c);
    return QString::fromUcs4(&title, 1);
}

// Letters in the run of word characters that starts at i.
size_t wordLength(const std::u32string &text, size_t i)
{
    qsizetype n = 0;
    while (i + n < text.size() && isWordChar(text.at(i + n)))
        ++n;
    return n;
}

QString finalSigma(QString text)
{
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (text.at(i) != QChar(kSigma) || !text.at(i - 1).isLetter())
            continue;
        const bool wordGoesOn = i + 1 < text.size() && text.at(i + 1).isLetter();
        if (!wordGoesOn)
            text[i] = QChar(kFinalSigma);
    }
    return text;
}

QString spellOut(char32_t c)
{
    static const QHash<char32_t, QString> letters{
        {U'ß', QStringLiteral("ss")}, {U'ẞ', QStringLiteral("SS")}, {U'æ', QStringLiteral("ae")},
        {U'Æ', QStringLiteral("AE")}, {U'œ', QStringLiteral("oe")}, {U'Œ', QStringLiteral("OE")},
        {U'ø', QStringLiteral("o")},  {U'Ø', QStringLiteral("O")},  {U'đ', QStringLiteral("d")},
        {U'Đ', QStringLiteral("D")},  {U'ð', QStringLiteral("d")},  {U'Ð', QStringLiteral("D")},
        {U'ł', QStringLiteral("l")},  {U'Ł', QStringLiteral("L")},  {U'þ', QStringLiteral("th")},
        {U'Þ', QStringLiteral("Th")}, {U'ı', QStringLiteral("i")},
    };
    const auto it = letters.constFind(c);
    return it == letters.constEnd() ? QString::fromUcs4(&c, 1) : *it;
}

bool isAsciiSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r'); // what QChar::isSpace() is in ASCII
}

// The ASCII fast paths below give what the QString functions give for ASCII text (see
// FunctionCall): toUpper, toLower, simplified, trimmed and titleCase change nothing else there.
// They write into a buffer of the function's own and hand it to SQLite in one copy.
template <typename Transform>
bool asciiResult(const FunctionCall &call, Transform transform)
{
    if (call.type(0) != SQLITE_TEXT)
        return false;
    const QByteArrayView in = call.utf8View(0);
    if (!FunctionCall::isAscii(in))
        return false;
    thread_local QByteArray out;
    out.resize(in.size());
    const qsizetype size = transform(in, out.data());
    out.resize(size); // and a NUL after it
    call.setUtf8(QByteArrayView(out.constData(), size), true);
    return true;
}

qsizetype asciiUpper(QByteArrayView in, char *out)
{
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        out[i] = c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
    }
    return in.size();
}

qsizetype asciiLower(QByteArrayView in, char *out)
{
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        out[i] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    }
    return in.size();
}

qsizetype asciiSimplified(QByteArrayView in, char *out)
{
    qsizetype size = 0;
    bool pendingSpace = false;
    for (const char c : in) {
        if (isAsciiSpace(c)) {
            pendingSpace = size > 0;
            continue;
        }
        if (pendingSpace)
            out[size++] = ' ';
        pendingSpace = false;
        out[size++] = c;
    }
    return size;
}

bool isAsciiWordChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

qsizetype asciiWordLength(QByteArrayView in, qsizetype i)
{
    qsizetype n = 0;
    while (i + n < in.size() && isAsciiWordChar(in[i + n]))
        ++n;
    return n;
}

// titleCase() on ASCII, step by step the same.
qsizetype asciiTitleCase(QByteArrayView in, char *out)
{
    bool inWord = false;
    bool capitaliseNext = false;
    qsizetype segment = 0;
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (isAsciiWordChar(c)) {
            const bool title = !inWord || capitaliseNext;
            out[i] = title && c >= 'a' && c <= 'z'    ? char(c - 'a' + 'A')
                     : !title && c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a')
                                                      : c;
            inWord = true;
            capitaliseNext = false;
            ++segment;
        } else if (c == '\'' && inWord && asciiWordLength(in, i + 1) > 0) {
            out[i] = c;
            capitaliseNext = segment == 1 && asciiWordLength(in, i + 1) >= 2;
            segment = 0;
        } else {
            out[i] = c;
            inWord = false;
            segment = 0;
        }
    }
    return in.size();
}

void defineAll(
    sqlite3 *db, TransformEnvironment *env, int &rc,
    std::initializer_list<std::tuple<const char *, int, bool, FunctionCall::Implementation>>
        functions)
{
    for (const auto &[name, nArg, pure, implementation] : functions)
        if (rc == SQLITE_OK)
            rc = FunctionCall::define(db, name, nArg, pure, implementation, env);
}

} // namespace

int TextFunctions::registerOn(sqlite3 *db, TransformEnvironment *env)
{
    int rc = SQLITE_OK;
    defineAll(db, env, rc,
              {
                  {"upper", 1, true, &TextFunctions::upperFn},
                  {"lower", 1, true, &TextFunctions::lowerFn},
                  {"title_case", 1, true, &TextFunctions::titleCaseFn},
                  {"normalize_space", 1, true, &TextFunctions::normalizeSpaceFn},
                  {"unaccent", 1, true, &TextFunctions::unaccentFn},
                  {"null_if_blank", 1, true, &TextFunctions::nullIfBlankFn},
                  {"regexp", 2, false, &TextFunctions::regexpFn},
                  {"regexp_replace", 3, false, &TextFunctions::regexpReplaceFn},
                  {"regexp_extract", 2, false, &TextFunctions::regexpExtractFn},
                  {"regexp_extract", 3, false, &TextFunctions::regexpExtractFn},
                  {"split_part", 3, false, &TextFunctions::splitPartFn},
              });
    return rc;
}

QString TextFunctions::upper(const QString &text)
{
    return text.toUpper();
}

QString TextFunctions::lower(const QString &text)
{
    return finalSigma(text.toLower());
}

QString TextFunctions::titleCase(const QString &text)
{
    const std::u32string chars = text.toStdU32String();
    QString out;
    bool inWord = false;
    bool capitaliseNext = false;
    qsizetype segment = 0; // word characters since the word start or the last apostrophe
    for (size_t i = 0; i < chars.size(); ++i) {
        const char32_t c = chars[i];
        if (isWordChar(c)) {
            out += !inWord || capitaliseNext ? titleOf(c) : lowerOf(c);
            inWord = true;
            capitaliseNext = false;
            ++segment;
        } else if (isApostrophe(c) && inWord && wordLength(chars, i + 1) > 0) {
            out += QString::fromUcs4(&c, 1);
            capitaliseNext = segment == 1 && wordLength(chars, i + 1) >= 2;
            segment = 0;
        } else {
            out += QString::fromUcs4(&c, 1);
            inWord = false;
            segment = 0;
        }
    }
    return finalSigma(out);
}

QString TextFunctions::unaccent(const QString &text)
{
    QString spelt;
    for (char32_t c : text.toStdU32String())
        spelt += spellOut(c);
    const std::u32string decomposed =
        spelt.normalized(QString::NormalizationForm_D).toStdU32String();
    QString out;
    for (char32_t c : decomposed)
        if (QChar::category(c) != QChar::Mark_NonSpacing)
            out += QString::fromUcs4(&c, 1);
    return out.normalized(QString::NormalizationForm_C);
}

void TextFunctions::upperFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (!asciiResult(call, asciiUpper))
        call.isNull(0) ? call.setNull() : call.setText(upper(call.text(0)));
}

void TextFunctions::lowerFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (!asciiResult(call, asciiLower))
        call.isNull(0) ? call.setNull() : call.setText(lower(call.text(0)));
}

void TextFunctions::titleCaseFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (!asciiResult(call, asciiTitleCase))
        call.isNull(0) ? call.setNull() : call.setText(titleCase(call.text(0)));
}

void TextFunctions::normalizeSpaceFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (!asciiResult(call, asciiSimplified))
        call.isNull(0) ? call.setNull() : call.setText(call.text(0).simplified());
}

void TextFunctions::unaccentFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    call.isNull(0) ? call.setNull() : call.setText(unaccent(call.text(0)));
}

void TextFunctions::nullIfBlankFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.type(0) == SQLITE_TEXT) {
        const QByteArrayView text = call.utf8View(0);
        const bool blank = FunctionCall::isAscii(text)
                               ? std::all_of(text.begin(), text.end(), isAsciiSpace)
                               : call.text(0).trimmed().isEmpty();
        if (blank)
            return call.setNull();
    }
    sqlite3_result_value(context, argv[0]);
}

std::optional<RegexMatcher> TextFunctions::pattern(const FunctionCall &call, int i,
                                                   const QString &function)
{
    if (const RegexMatcher *cached = call.cached<RegexMatcher>(i))
        return *cached;
    const QRegularExpression re(call.text(i), QRegularExpression::UseUnicodePropertiesOption);
    if (!re.isValid()) {
        call.refuse(function, call.text(i),
                    QStringLiteral("invalid regular expression: %1 at character %2")
                        .arg(re.errorString())
                        .arg(re.patternErrorOffset()));
        return std::nullopt;
    }
    const RegexMatcher matcher(re);
    call.cache(i, matcher);
    return matcher;
}

void TextFunctions::regexpFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.anyNull())
        return call.setNull();
    const std::optional<RegexMatcher> re = pattern(call, 0, kRegexp);
    if (!re)
        return;
    const std::optional<bool> matches = re->matches(call.text(1));
    if (!matches)
        return call.refuse(kRegexp, call.text(1), RegexMatcher::giveUpReason());
    call.setInteger(*matches ? 1 : 0);
}

void TextFunctions::regexpReplaceFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.anyNull())
        return call.setNull();
    const std::optional<RegexMatcher> re = pattern(call, 1, kRegexpReplace);
    if (!re)
        return;
    const RegexMatcher::Replacement replaced =
        re->replace(call.text(0), call.text(2), call.maxBytes());
    switch (replaced.outcome) {
    case RegexMatcher::Replacement::Outcome::GaveUp:
        return call.refuse(kRegexpReplace, call.text(0), RegexMatcher::giveUpReason());
    case RegexMatcher::Replacement::Outcome::TooLong:
        return call.refuse(kRegexpReplace, call.text(0), FunctionCall::tooLongReason());
    case RegexMatcher::Replacement::Outcome::Done:
        break;
    }
    call.setText(replaced.text);
}

void TextFunctions::regexpExtractFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.anyNull())
        return call.setNull();
    const std::optional<RegexMatcher> re = pattern(call, 1, kRegexpExtract);
    if (!re)
        return;
    const qint64 group = argc > 2 ? call.integer(2) : 0;
    if (group < 0 || group > re->captureCount())
        return call.refuseArgument(kRegexpExtract, 2,
                                   QStringLiteral("the pattern has no group %1 (it has %2)")
                                       .arg(call.display(2))
                                       .arg(re->captureCount()));
    const std::optional<QRegularExpressionMatch> m = re->first(call.text(0));
    if (!m)
        return call.refuse(kRegexpExtract, call.text(0), RegexMatcher::giveUpReason());
    if (!m->hasMatch() || !m->hasCaptured(int(group)))
        return call.setNull();
    call.setText(m->captured(int(group)));
}

void TextFunctions::splitPartFn(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const FunctionCall call(context, argc, argv);
    if (call.anyNull())
        return call.setNull();
    const qint64 n = call.integer(2);
    if (n == 0)
        return call.refuseArgument(
            kSplitPart, 2,
            QStringLiteral("split_part counts fields from 1 (or from -1 at the "
                           "end); 0 is no field"));
    const QString delimiter = call.text(1);
    const QStringList fields =
        delimiter.isEmpty() ? QStringList{call.text(0)} : call.text(0).split(delimiter);
    const qint64 index = n > 0 ? n - 1 : fields.size() + n;
    call.setText(index >= 0 && index < fields.size() ? fields.at(index) : QString(""));
}

} // namespace cutover
