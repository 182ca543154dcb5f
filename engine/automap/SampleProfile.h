#pragma once

#include <QString>
#include <QStringList>

namespace cutover {

// The shapes found in sample values of one column: how many look like dates (and in which
// formats), timestamps, e-mail addresses, UUIDs, integers, decimals (with a point or a comma),
// money with a currency sign, Y/N flags. Built from text, so it works for any source.
class SampleProfile
{
public:
    enum class Shape
    {
        Date,
        Timestamp,
        Email,
        Uuid,
        Integer,
        Decimal,
        Money,
        Flag,
        Code // short upper-case codes: M, F, FIN, BER
    };

    // Profiles the values (NULLs already left out).
    static SampleProfile of(const QStringList &values);

    int count() const { return m_count; }   // non-blank values
    int blanks() const { return m_blanks; } // '' or only white space
    int matching(Shape shape) const;
    // Share of the non-blank values of that shape, 0..1 (0 when there are none).
    double share(Shape shape) const;
    // At least 80 % of at least one non-blank value have the shape.
    bool looksLike(Shape shape) const { return m_count > 0 && share(shape) >= 0.8; }
    // Qt date formats that parse the dates, most values first (each value counted once).
    const QStringList &dateFormats() const { return m_dateFormats; }
    const QStringList &timestampFormats() const { return m_timestampFormats; }
    // Both dd/MM and MM/dd fit every such value: the choice of format is a guess.
    bool ambiguousDayMonth() const { return m_ambiguousDayMonth; }
    bool hasDecimalComma() const { return m_decimalComma > 0; }
    bool hasCurrencySigns() const { return m_currencySigns > 0; }
    bool hasPadding() const { return m_padded > 0; } // leading, trailing or doubled spaces
    bool hasMixedCase() const { return m_mixedCase; }
    static QString shapeName(Shape shape);

private:
    void add(const QString &value);
    static QStringList coveringFormats(const QStringList &values, const QStringList &formats,
                                       bool withTime);

    int m_count = 0;
    int m_blanks = 0;
    int m_counts[9] = {};
    QStringList m_dateFormats;
    QStringList m_timestampFormats;
    bool m_ambiguousDayMonth = false;
    int m_decimalComma = 0;
    int m_currencySigns = 0;
    int m_padded = 0;
    bool m_mixedCase = false;
};

} // namespace cutover
