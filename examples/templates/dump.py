"""Prints what a generated closecodes.py says of every code from 0 to 65535,
as JSON, in the shape the Go parity tests read; what it parses of the texts
given, and its names; also runs its own checks of inputs that are not
codes. Usage: python3 dump.py DIR-OF-closecodes.py"""

import json
import sys

sys.path.insert(0, sys.argv[1])
import closecodes as cc  # noqa: E402

for not_a_code in (None, True, False, -1, 65536, 1000.0, "1000", b"1000", [1000]):
    assert not cc.is_known_close_code(not_a_code), not_a_code
    assert not cc.is_valid_close_code(not_a_code), not_a_code
    assert not cc.browser_can_send(not_a_code), not_a_code
    assert cc.close_code_name(not_a_code) is None, not_a_code
    assert cc.close_code_range(not_a_code) is None, not_a_code
for text in ("constructor", "__proto__", "01000", "+1000", " 1000", "65536", "", None, 1000):
    assert cc.parse_close_code(text) is None, text
assert cc.CloseCode(1000) is cc.CloseCode.NormalClosure
assert cc.CloseCode.NormalClosure == 1000 and isinstance(cc.CloseCode.NormalClosure, int)
assert cc.is_valid_close_reason("a" * cc.MAX_CLOSE_REASON_BYTES)
assert not cc.is_valid_close_reason("a" * (cc.MAX_CLOSE_REASON_BYTES + 1))
assert not cc.is_valid_close_reason("\ud800")
assert not cc.is_valid_close_reason(b"\xff")

given = json.loads(sys.stdin.read())
locales = given["locales"]
codes = []
for c in range(65536):
    r = cc.close_code_range(c)
    codes.append([
        cc.close_code_name(c) or "",
        cc.close_code_label(c) or "",
        cc.describe_close_code(c) or "",
        cc.close_code_reference(c) or "",
        cc.is_known_close_code(c),
        cc.is_valid_close_code(c),
        cc.browser_can_send(c),
        r.name if r else "",
    ] + [cc.describe_close_code(c, locale) or "" for locale in locales])
names = {name: cc.parse_close_code(name) for name in cc._BY_NAME}
members = {name: int(member) for name, member in cc.CloseCode.__members__.items()}
parsed = [cc.parse_close_code(text) for text in given.get("parse", [])]
json.dump({"codes": codes, "names": names, "members": members, "parsed": parsed,
           "maxReasonBytes": cc.MAX_CLOSE_REASON_BYTES}, sys.stdout, ensure_ascii=False)
