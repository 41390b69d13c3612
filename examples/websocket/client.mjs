// A Node.js client: connects to the WebSocket at the URL given, and when
// the connection ends, reads the server's close code and decides from the
// registry, through the generated module, whether to reconnect. It prints
// one line of JSON:
//
//   node client.mjs ws://127.0.0.1:8080/
//   {"code":1012,"name":"ServiceRestart","reason":"restarting","policy":"retry","retryAfter":{"minMs":5000,"maxMs":30000}}
//
// Node.js 20, the oldest that closecodes supports, has no global WebSocket
// (Node.js 22 has), so the client uses the ws package.
import WebSocket from "ws";
import { closeCodeName, reconnectPolicy, retryAfter } from "../../generated/ts/js/closecodes.js";

const ws = new WebSocket(process.argv[2]);
ws.on("error", (err) => console.error(`client.mjs: ${err.message}`));
// ws reports 1006 when the connection ended without a Close frame, and
// 1005 when a Close frame carried no code, as a browser does.
ws.on("close", (code, reason) => {
  const decision = {
    code,
    name: closeCodeName(code) ?? null,
    reason: reason.toString(),
    policy: reconnectPolicy(code),
    retryAfter: retryAfter(code) ?? null,
  };
  console.log(JSON.stringify(decision));
});
