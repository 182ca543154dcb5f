#pragma once

#include "core/Result.h"
#include "core/RowBatch.h"

#include <QStringList>

namespace cutover {

class TextEncoding;

// A forward-only stream of source rows, read batch by batch so memory stays flat however large
// the table: preview samples from it, the run reads through it. Implementations open their
// connection or file on the thread that creates them and must be read on that thread; cancel()
// alone may be called from any thread (next() then returns Error::Code::Cancelled at the next
// row boundary it checks, at most a few hundred rows later).
//
//   for (;;) {
//       auto batch = source->next(5000);
//       if (!batch) return batch.error();
//       if (batch->isEmpty()) break; // the end
//       ...
//   }
class RowSource
{
public:
    virtual ~RowSource() = default;

    // The columns of every batch, in order.
    virtual QStringList columns() const = 0;
    // Up to maxRows rows (fewer only at the end); an empty batch at the end and after it.
    virtual Result<RowBatch> next(int maxRows) = 0;
    virtual void cancel() = 0;
    // The encoding the source decoded its text bytes with, where choosing it is the source's
    // business (a SQLite file, a CSV file, a PostgreSQL SQL_ASCII database); null where the
    // database decodes its text itself (any other PostgreSQL database, MySQL).
    virtual const TextEncoding *textEncoding() const { return nullptr; }
};

} // namespace cutover
