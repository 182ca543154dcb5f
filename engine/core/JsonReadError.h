#pragma once

#include <QString>

namespace cutover {

// Where a JSON document is not what its reader expects: the member's path
// ("mappings[2].columns[0].target", empty for the document itself) and what is wrong there.
// JsonObjectReader throws it; the reader of a whole document catches it and words the Error.
struct JsonReadError
{
    QString path;
    QString message;
};

} // namespace cutover
