import type { Socket } from "node:net";

/**
 * Reads exact byte counts from a socket during a handshake (SOCKS, PostgreSQL startup), before the
 * socket is handed to whatever serves it next. `detach` stops reading and returns the bytes that
 * arrived beyond the handshake.
 */
export class SocketReader {
  private buffer = Buffer.alloc(0);
  private waiting: (() => void) | null = null;
  private ended = false;
  private readonly onData = (chunk: Buffer) => {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.wake();
  };
  private readonly onEnd = () => {
    this.ended = true;
    this.wake();
  };

  constructor(private readonly socket: Socket) {
    socket.on("data", this.onData);
    socket.on("close", this.onEnd);
    socket.on("end", this.onEnd);
  }

  private wake() {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  /** Throws when the socket closes before `n` bytes arrived. */
  async read(n: number): Promise<Buffer> {
    while (this.buffer.length < n) {
      if (this.ended) throw new Error("the connection closed during the handshake");
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  detach(): Buffer {
    this.socket.off("data", this.onData);
    this.socket.off("close", this.onEnd);
    this.socket.off("end", this.onEnd);
    const rest = this.buffer;
    this.buffer = Buffer.alloc(0);
    return rest;
  }
}
