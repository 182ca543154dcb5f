#pragma once

#include <QList>
#include <QString>

namespace cutover::test {

// Small helpers the benchmarks that time cutover-cli share for their figures and failures.
// The median of a list (the mean of the middle two for an even count; 0 when empty).
double median(QList<double> values);
// The values, each with precision decimals, separated by spaces: every run's figure.
QString list(const QList<double> &values, int precision);
// The last lines of a log file, to show why a timed program failed.
QString tail(const QString &file, int lines = 15);

} // namespace cutover::test
