#pragma once

#include <QByteArray>
#include <QVariantList>

namespace cutover {

// A row key (canonical values, see ValueComparer) as bytes whose memcmp order is the key's
// order: integers numerically, texts by their UTF-8 bytes (the binary collation of every
// database), part by part. Reconciliation sorts and merges both sides by it, so no collation of
// either database decides what "the next key" is.
class SortKey
{
public:
    static QByteArray encode(const QVariantList &parts);
    // The key for people: the parts' texts joined by ", ".
    static QString display(const QVariantList &parts);
};

} // namespace cutover
