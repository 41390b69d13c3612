"""Prints, as JSON, what a generated closecodes.py says codes 4000 and 4001
are in each language tag of a JSON list read from standard input, in the
shape the Go language tests read. Usage: python3 describe.py DIR-OF-closecodes.py"""

import json
import sys

sys.path.insert(0, sys.argv[1])
import closecodes as cc  # noqa: E402

json.dump([{"speaks": cc.describe_close_code(4000, tag), "english": cc.describe_close_code(4001, tag)}
           for tag in json.loads(sys.stdin.read())], sys.stdout, ensure_ascii=False)
