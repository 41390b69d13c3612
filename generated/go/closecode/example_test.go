package closecode_test

import (
	"encoding/json"
	"fmt"

	"github.com/closecodes/closecodes/generated/go/closecode"
)

func ExampleCode_String() {
	fmt.Println(closecode.GoingAway)
	fmt.Println(closecode.Code(4001))
	// Output:
	// GoingAway
	// Code(4001)
}

func ExampleCode_IsValid() {
	// A receiver checks the code of a Close frame before trusting it.
	for _, c := range []closecode.Code{closecode.NormalClosure, closecode.NoStatusReceived, 4001, 2500} {
		fmt.Printf("%d %v valid=%t\n", c, c, c.IsValid())
	}
	// Output:
	// 1000 NormalClosure valid=true
	// 1005 NoStatusReceived valid=false
	// 4001 Code(4001) valid=true
	// 2500 Code(2500) valid=false
}

func ExampleCode_BrowserCanSend() {
	fmt.Println(closecode.NormalClosure.BrowserCanSend())
	fmt.Println(closecode.GoingAway.BrowserCanSend())
	fmt.Println(closecode.Code(4001).BrowserCanSend())
	// Output:
	// true
	// false
	// true
}

func ExampleCode_Range() {
	r := closecode.Code(4001).Range()
	fmt.Printf("%s: %d-%d\n", r.Name, r.First, r.Last)
	// Output:
	// Private: 4000-4999
}

func ExampleParse() {
	for _, s := range []string{"PolicyViolation", "CLOSE_TOO_LARGE", "4001", "teapot"} {
		c, err := closecode.Parse(s)
		fmt.Println(int(c), err)
	}
	// Output:
	// 1008 <nil>
	// 1009 <nil>
	// 4001 <nil>
	// 0 closecode: unknown code "teapot"
}

func ExampleValidateReason() {
	fmt.Println(closecode.ValidateReason("server restarting"))
	fmt.Println(closecode.ValidateReason(string(make([]byte, 200))))
	// Output:
	// <nil>
	// closecode: close reason too long: 200 bytes, at most 123
}

func ExampleCode_MarshalJSON() {
	type closed struct {
		Code   closecode.Code `json:"code"`
		Reason string         `json:"reason"`
	}
	out, _ := json.Marshal(closed{closecode.TryAgainLater, "overloaded"})
	fmt.Println(string(out))

	var in closed
	_ = json.Unmarshal([]byte(`{"code": 4001, "reason": "session expired"}`), &in)
	fmt.Println(int(in.Code), in.Reason)
	// Output:
	// {"code":1013,"reason":"overloaded"}
	// 4001 session expired
}
