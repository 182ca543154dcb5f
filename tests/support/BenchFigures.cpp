#include "BenchFigures.h"

#include <QFile>
#include <QStringList>
#include <algorithm>

namespace cutover::test {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString list(const QList<double> &values, int precision)
{
    QStringList parts;
    for (double v : values)
        parts.append(QString::number(v, 'f', precision));
    return parts.join(QLatin1Char(' '));
}

QString tail(const QString &file, int lines)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    return all.mid(qMax<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

} // namespace cutover::test
