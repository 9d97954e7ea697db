// Small real HTTP servers on 127.0.0.1 for the runtime tests.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface Recorded {
  method: string;
  url: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  /** ms since the server started (Date.now based). */
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, rec: Recorded, index: number) => unknown;

export interface TestServer {
  url: string;
  requests: Recorded[];
  /** Replaces the handler (per test). */
  handle(h: Handler): void;
  close(): Promise<void>;
}

export async function startServer(initial?: Handler): Promise<TestServer> {
  let handler: Handler = initial ?? ((_, res) => res.end());
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const u = new URL(req.url ?? "/", "http://x");
      const rec: Recorded = {
        method: req.method ?? "",
        url: req.url ?? "",
        path: u.pathname,
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      requests.push(rec);
      Promise.resolve(handler(req, res, rec, requests.length - 1)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(err));
      });
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(h) {
      handler = h;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** A formation success envelope around `data`. */
export function envelope(
  data: unknown,
  requestId = "req_test",
  timestamp = 1700000000123,
): Record<string, unknown> {
  return {
    object: "x",
    timestamp,
    type: "x.retrieved",
    request: { id: requestId, idempotency_key: null },
    success: true,
    error: null,
    data,
  };
}

export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
