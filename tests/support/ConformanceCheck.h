#pragma once

#include <QDebug>
#include <QFileInfo>
#include <QString>
#include <QtNumeric>

#include <cmath>
#include <type_traits>

// QVERIFY, QVERIFY2 and QCOMPARE for the checks of a conformance suite (TargetSessionConformance,
// IntrospectorConformance): a check returns an empty string when it passes, otherwise what failed,
// and the suite's slot reports it with QVERIFY2. The text names the file, the line and the check,
// then the condition or the two values compared.
namespace cutover::test::conformance {

// The same equality QCOMPARE uses: == for most types, a fuzzy comparison for doubles.
template <typename A, typename B>
bool same(const A &actual, const B &expected)
{
    if constexpr (std::is_floating_point_v<A> && std::is_floating_point_v<B>) {
        const double a = actual;
        const double e = expected;
        switch (std::fpclassify(e)) {
        case FP_INFINITE:
            return (e < 0) == (a < 0) && std::fpclassify(a) == FP_INFINITE;
        case FP_NAN:
            return std::fpclassify(a) == FP_NAN;
        default:
            if (!qFuzzyIsNull(e))
                return qFuzzyCompare(a, e);
            return qFuzzyIsNull(a);
        }
    } else {
        return actual == expected;
    }
}

template <typename T>
QString describe(const T &value)
{
    QString text;
    QDebug debug(&text);
    debug.nospace();
    if constexpr (std::is_enum_v<T>)
        debug << int(value);
    else if constexpr (requires(QDebug d) { d << value; })
        debug << value;
    else
        debug << value.toString(); // e.g. NormalizedType
    return text;
}

inline QString failure(const char *file, int line, const char *check, const QString &what)
{
    return QStringLiteral("%1:%2: %3: %4")
        .arg(QFileInfo(QString::fromUtf8(file)).fileName())
        .arg(line)
        .arg(QString::fromUtf8(check), what);
}

} // namespace cutover::test::conformance

#define CONFORMANCE_FAILURE(what)                                                                  \
    ::cutover::test::conformance::failure(__FILE__, __LINE__, __func__, (what))

#define CONFORMANCE_VERIFY(condition)                                                              \
    do {                                                                                           \
        if (!(condition))                                                                          \
            return CONFORMANCE_FAILURE(                                                            \
                QStringLiteral("'%1' returned FALSE.").arg(QString::fromUtf8(#condition)));        \
    } while (false)

#define CONFORMANCE_VERIFY2(condition, description)                                                \
    do {                                                                                           \
        if (!(condition))                                                                          \
            return CONFORMANCE_FAILURE(QStringLiteral("'%1' returned FALSE. (%2)")                 \
                                           .arg(QString::fromUtf8(#condition), (description)));    \
    } while (false)

#define CONFORMANCE_COMPARE(actual, expected)                                                      \
    do {                                                                                           \
        const auto &actualValue = (actual);                                                        \
        const auto &expectedValue = (expected);                                                    \
        if (!::cutover::test::conformance::same(actualValue, expectedValue))                       \
            return CONFORMANCE_FAILURE(                                                            \
                QStringLiteral("Compared values are not the same: %1 is %2, %3 is %4")             \
                    .arg(QString::fromUtf8(#actual),                                               \
                         ::cutover::test::conformance::describe(actualValue),                      \
                         QString::fromUtf8(#expected),                                             \
                         ::cutover::test::conformance::describe(expectedValue)));                  \
    } while (false)

// The text of a Result's error, empty when it holds a value.
#define CONFORMANCE_ERROR(result) ((result).ok() ? QString() : (result).error().toString())
