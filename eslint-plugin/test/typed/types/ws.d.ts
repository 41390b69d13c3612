// A stub of Node's ws package, enough for the tests: its WebSocket class has
// the browser's name and a close() that may send any valid code.
declare module "ws" {
  class WebSocket {
    constructor(address: string);
    close(code?: number, data?: string): void;
    on(event: "close", listener: (code: number, reason: string) => void): this;
  }
  export default WebSocket;
  export { WebSocket };
}
