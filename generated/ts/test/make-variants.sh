#!/usr/bin/env bash
# Writes the variants of types.test.ts into gen/: the same compile-time
# tests against the plain JavaScript module (through its declaration file)
# and against the classic enum style in enum/. The test command runs this
# before tsc, so the three stay one file in the repository.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p gen
sed -e 's|"../closecodes.ts"|"../../js/closecodes.js"|' -e 's|"../texts.ts"|"../../js/texts.js"|' \
    -e 's|tests of closecodes.ts|tests of js/closecodes.js through its declaration file|' \
    types.test.ts > gen/js-types.test.ts
sed -e 's|"../closecodes.ts"|"../enum/closecodes.ts"|' -e 's|"../texts.ts"|"../enum/texts.ts"|' \
    -e 's|tests of closecodes.ts|tests of the classic enum style of closecodes.ts|' \
    types.test.ts > gen/enum-types.test.ts
# A renamed import in types.test.ts would leave a variant testing closecodes.ts again.
grep -q '"../../js/closecodes.js"' gen/js-types.test.ts && grep -q '"../../js/texts.js"' gen/js-types.test.ts
grep -q '"../enum/closecodes.ts"' gen/enum-types.test.ts && grep -q '"../enum/texts.ts"' gen/enum-types.test.ts
