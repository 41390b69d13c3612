// Package messages holds the fixed texts that gencodes prints around
// registry data, in the Markdown pages and in gencodes explain, by
// language. A page or an answer in a language of the registry takes its
// texts from here, and each text missing in that language from English, so
// that a language added to codes.yaml is used for everything this table
// provides. Texts hold placeholders such as {source}, filled by Fill.
package messages

import (
	"reflect"
	"sort"
	"strings"

	"github.com/closecodes/closecodes/internal/registry"
)

// Text is every fixed text in one language. The docs texts are Markdown;
// the explain texts are plain.
type Text struct {
	// The Markdown page.
	Title, OtherLanguages, Intro                              string
	Code, Name, Label, Meaning, WireValid, BrowserMaySend     string
	Reconnect, Reference, Note, Ranges, RangesIntro, Unranged string
	Range, ReconnectHeading, ReconnectIntro, ClientsHeading   string
	Clients                                                   []string
	Yes, No, And, Comma                                       string
	// Sentences joins two sentences; Hint puts a delay hint beside a
	// policy, PolicyItem lists a reconnect value with its meaning, and
	// Labelled puts a text after its label.
	Sentences, Hint, PolicyItem, Labelled string
	// Clause joins an answer and its reason; Colon ends a line's label.
	Clause, Colon string
	// Policy names each reconnect value, and PolicyMeaning says what it
	// asks of a client, by the registry's word.
	Policy, PolicyMeaning map[string]string

	// gencodes explain.
	Part, RetryAfter, Aliases, None, NotACode, NotNamed, CannotBeNamed string
	ByRule, NoRange, NoSuchName, DidYouMean, AskFor, Or                string
}

// For returns the texts in the language of the registry's languages that
// lang asks for, each missing one in English.
func For(lang string) Text {
	langs := make([]string, 0, len(tables))
	for tag := range tables {
		langs = append(langs, tag)
	}
	sort.Strings(langs)
	t := tables[registry.MatchLanguage(langs, lang)]
	en := reflect.ValueOf(tables["en"])
	v := reflect.ValueOf(&t).Elem()
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.IsZero() {
			f.Set(en.Field(i))
		}
	}
	return t
}

// Fill replaces each placeholder in s, given as name and value pairs:
// Fill("{n} bytes", "{n}", "123").
func Fill(s string, pairs ...string) string { return strings.NewReplacer(pairs...).Replace(s) }

// List joins words as "a, b and c" in the language of t.
func (t Text) List(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], t.Comma) + t.And + words[len(words)-1]
}

var tables = map[string]Text{"en": english, "zh-CN": chinese}

func englishMeanings() map[string]string {
	m := map[string]string{}
	for _, v := range registry.ReconnectValues {
		m[v.Name] = v.Meaning
	}
	return m
}

var english = Text{
	Title:          "WebSocket close codes",
	OtherLanguages: "Other languages: {links}",
	Sentences:      "{a} {b}",
	Labelled:       "{label}: {text}",
	Clause:         "{a}, {b}",
	Colon:          ":",
	Hint:           "{policy} ({hint})",
	PolicyItem:     "`{word}`: {meaning}",
	Intro: "Every close code named in {source}, with what it means, whether it is **valid on the wire** " +
		"(an endpoint may send it in a Close frame and the receiver accepts it, RFC 6455 section 7.4), " +
		"whether a **browser may send** it (`WebSocket.close(code)` accepts it rather than throwing " +
		"`InvalidAccessError`) and what a client should do after it (**reconnect**, see below). " +
		"A Close frame's reason holds at most {max_bytes} bytes of UTF-8 ({reason_reference}).",
	Code: "Code", Name: "Name", Label: "Label", Meaning: "Meaning", WireValid: "Valid on the wire",
	BrowserMaySend: "Browser may send", Reconnect: "Reconnect", Reference: "Reference", Note: "Note",
	Ranges:           "Ranges",
	Range:            "Range",
	RangesIntro:      "A code that the table above does not name takes the rule of the smallest range holding it.",
	Unranged:         "Codes {spans} lie outside every range: never valid on the wire, never sent by a browser.",
	ReconnectHeading: "Reconnecting after a close",
	ReconnectIntro:   "The reconnect column is the registry's advice to a client whose connection closed with the code:",
	ClientsHeading:   "How clients differ today",
	Clients: []string{
		"Generic reconnecting wrappers (partysocket, reconnecting-websocket, socket.io, SignalR) retry " +
			"after every code, 1000 included. Protocol clients (graphql-ws, centrifuge-js, pusher-js, Phoenix) " +
			"each keep a table of their own and agree only on 1006 and 1012; none waits the 5-30 s that the " +
			"source IANA cites for 1012 asks for, and none stops after 1013.",
		"Apply the advice to the code of a real Close frame, not to a wrapper's stand-in: some wrappers " +
			"report a failed handshake as a made-up 1000, and some servers close with 1000 on errors.",
		"Browsers report a handshake that the server refused, even with HTTP 401 or 403, as 1006, so a " +
			"client that retries needs a cap on its attempts.",
		"Codes 4000-4999 carry no advice: deployed protocols give the same sub-ranges opposite meanings " +
			"(Pusher stops after 40xx and backs off after 41xx; Centrifugo retries after 4000-4499 and stops " +
			"after 4500-4999), so an app registry sets reconnect for its own codes.",
	},
	Yes: "yes", No: "no", And: " and ", Comma: ", ", Or: " or ",
	Policy: map[string]string{"never": "never", "retry": "retry", "reauthenticate": "reauthenticate",
		"user": "user", "unspecified": "unspecified"},
	PolicyMeaning: englishMeanings(),

	Part: "part {block}", RetryAfter: "retry after", Aliases: "aliases", None: "none",
	NotACode:      "{n} is not a close code: close codes are whole numbers from 0 to 65535.",
	NotNamed:      "{code} is not named in {file}.",
	CannotBeNamed: "{code} is not named in {file}, and cannot be: a registry that extends the {base} one adds codes only in {ranges}.",
	ByRule:        "by the rule of \"{block}\"",
	NoRange:       "as no range holds it",
	NoSuchName:    "No close code is called {query} in {file}.",
	DidYouMean:    "Did you mean {names}?",
	AskFor:        "Ask for a number from 0 to 65535, or a name such as {example}.",
}

var chinese = Text{
	Title:          "WebSocket 关闭码",
	OtherLanguages: "其他语言：{links}",
	Sentences:      "{a}{b}",
	Labelled:       "{label}：{text}",
	Clause:         "{a}，{b}",
	Colon:          "：",
	Hint:           "{policy}（{hint}）",
	PolicyItem:     "**{name}**（`{word}`）：{meaning}",
	Intro: "{source} 中登记的每个关闭码：其含义；是否**可在线路上发送**（端点可以在 Close 帧中发送它，且接收方接受它，" +
		"见 RFC 6455 第 7.4 节）；**浏览器能否发送**（`WebSocket.close(code)` 接受它，而不是抛出 `InvalidAccessError`）；" +
		"以及关闭之后客户端应当怎么做（**重连**，见下文）。Close 帧的关闭原因最多为 {max_bytes} 字节的 UTF-8（{reason_reference}）。",
	Code: "关闭码", Name: "名称", Label: "标签", Meaning: "含义", WireValid: "可在线路上发送",
	BrowserMaySend: "浏览器可发送", Reconnect: "重连", Reference: "参考", Note: "说明",
	Ranges:           "范围",
	Range:            "范围",
	RangesIntro:      "上表未列出的关闭码，遵循包含它的最小范围的规则。",
	Unranged:         "关闭码 {spans} 不属于任何范围：在线路上始终无效，浏览器也从不发送。",
	ReconnectHeading: "关闭之后的重连",
	ReconnectIntro:   "“重连”一列是注册表给连接以该关闭码关闭的客户端的建议：",
	ClientsHeading:   "现有客户端的差异",
	Clients: []string{
		"通用的自动重连封装库（partysocket、reconnecting-websocket、socket.io、SignalR）无论收到哪个关闭码都会重试，" +
			"包括 1000。面向特定协议的客户端（graphql-ws、centrifuge-js、pusher-js、Phoenix）各自维护一张表，彼此只在 1006 和 1012 上一致；" +
			"没有一个按 IANA 为 1012 引用的来源等待 5–30 秒，也没有一个在收到 1013 后停止。",
		"请把建议用于真实 Close 帧中的关闭码，而不是封装库的替代值：有些封装库把握手失败报告为虚构的 1000，有些服务器出错时也用 1000 关闭。",
		"服务器拒绝握手时（即使返回 HTTP 401 或 403），浏览器也报告 1006，因此会重试的客户端需要限制尝试次数。",
		"4000–4999 的关闭码不带建议：已部署的协议对同一子范围赋予相反的含义（Pusher 在 40xx 之后停止、在 41xx 之后退避；" +
			"Centrifugo 在 4000–4499 之后重试、在 4500–4999 之后停止），因此应用的注册表应为自己的关闭码设置 reconnect。",
	},
	Yes: "是", No: "否", And: "和", Comma: "、", Or: "或",
	Policy: map[string]string{"never": "不重连", "retry": "重试", "reauthenticate": "重新认证",
		"user": "由用户决定", "unspecified": "未指定"},
	PolicyMeaning: map[string]string{
		"never":          "不要重连：新的连接会以同样的方式结束。",
		"retry":          "等待一段随机且随每次失败而增长的时间后重连。",
		"reauthenticate": "先更新凭据，再重连；无法更新时停止。",
		"user":           "不要自动重连：等待用户操作，或改连其他服务器。",
		"unspecified":    "注册表不给建议，由应用决定。",
	},

	Part: "其中，{block}", RetryAfter: "重试等待", Aliases: "别名", None: "无",
	NotACode:      "{n} 不是关闭码：关闭码是 0 到 65535 之间的整数。",
	NotNamed:      "{file} 没有为 {code} 命名。",
	CannotBeNamed: "{file} 没有为 {code} 命名，也不能命名：扩展 {base} 注册表的注册表只能在 {ranges} 中添加关闭码。",
	ByRule:        "依据“{block}”的规则",
	NoRange:       "因为没有任何范围包含它",
	NoSuchName:    "{file} 中没有名为 {query} 的关闭码。",
	DidYouMean:    "你要找的是不是 {names}？",
	AskFor:        "请给出 0 到 65535 之间的数字，或一个名称，例如 {example}。",
}
