import "./harness/assemble.js";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { WebhookVerificationError, parse, verifySignature, webhook } from "./.sdk/webhook.js";

const SECRET = "whsec_test";
const body = JSON.stringify({
  id: "req_1",
  object: "response",
  status: "completed",
  timestamp: 1700000000123,
  response: [{ type: "text", text: "Hi" }],
});
const now = 1_700_000_000;
const sign = (t: number, payload: string | Buffer = body, secret = SECRET): string =>
  `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(payload).digest("hex")}`;

describe("webhook.verifySignature", () => {
  it("accepts a valid signature (string and bytes)", async () => {
    expect(await verifySignature(body, sign(now), SECRET, { now })).toBe(true);
    expect(await webhook.verifySignature(new TextEncoder().encode(body), sign(now), SECRET, { now })).toBe(
      true,
    );
    expect(await verifySignature(body, sign(now - 299), SECRET, { now })).toBe(true);
  });

  it("signs the raw bytes (non-ASCII body)", async () => {
    const raw = Buffer.from('{"text":"héllo ☃"}');
    expect(await verifySignature(new Uint8Array(raw), sign(now, raw), SECRET, { now })).toBe(true);
  });

  it("rejects a tampered body", async () => {
    expect(await verifySignature(body.replace("Hi", "Ho"), sign(now), SECRET, { now })).toBe(false);
  });

  it("rejects a wrong secret", async () => {
    expect(await verifySignature(body, sign(now, body, "other"), SECRET, { now })).toBe(false);
  });

  it("rejects stale and future timestamps (300 s, or the given tolerance)", async () => {
    expect(await verifySignature(body, sign(now - 301), SECRET, { now })).toBe(false);
    expect(await verifySignature(body, sign(now + 301), SECRET, { now })).toBe(false);
    expect(await verifySignature(body, sign(now - 500), SECRET, { now, toleranceSeconds: 600 })).toBe(true);
    // Old positional form: tolerance in seconds as the 4th argument (real clock).
    const t = Math.floor(Date.now() / 1000) - 500;
    expect(await verifySignature(body, sign(t), SECRET, 600)).toBe(true);
    expect(await verifySignature(body, sign(t), SECRET)).toBe(false);
  });

  it("missing header → false", async () => {
    expect(await verifySignature(body, undefined, SECRET)).toBe(false);
    expect(await verifySignature(body, null, SECRET)).toBe(false);
    expect(await verifySignature(body, "", SECRET)).toBe(false);
  });

  it("malformed header → false", async () => {
    for (const h of [
      "garbage",
      "t=abc,v1=00",
      `v1=${"0".repeat(64)}`,
      `t=${now}`,
      `t=${now},v1=`,
      `t=${now};v1=abc`,
    ]) {
      expect(await verifySignature(body, h, SECRET, { now })).toBe(false);
    }
  });

  it("empty secret throws WebhookVerificationError", async () => {
    await expect(verifySignature(body, sign(now), "")).rejects.toBeInstanceOf(WebhookVerificationError);
    await expect(verifySignature(body, sign(now), "")).rejects.toMatchObject({
      name: "WebhookVerificationError",
    });
  });
});

describe("webhook.parse", () => {
  it("maps the unified response", () => {
    const ev = parse(
      JSON.stringify({
        id: "req_9",
        object: "response",
        status: "failed",
        timestamp: 1700000000999,
        formation_id: "bot",
        user_id: "alice",
        processing_time: 1.25,
        processing_mode: "sync",
        webhook_url: "https://example.com/hook",
        error: { code: "LLM_ERROR", message: "model down", trace: "tb" },
        response: [
          { type: "text", text: "partial" },
          { type: "file", file: { type: "image", url: "https://x/y.png" } },
        ],
      }),
    );
    expect(ev).toMatchObject({
      requestId: "req_9",
      status: "failed",
      timestamp: 1700000000999,
      formationId: "bot",
      userId: "alice",
      processingTime: 1.25,
      processingMode: "sync",
      webhookUrl: "https://example.com/hook",
      error: { code: "LLM_ERROR", message: "model down", trace: "tb" },
      content: [
        { type: "text", text: "partial" },
        { type: "file", file: { type: "image", url: "https://x/y.png" } },
      ],
    });
    expect(ev.raw.id).toBe("req_9");
  });

  it("clarifications, defaults, bytes input", () => {
    const ev = webhook.parse(
      new TextEncoder().encode(
        JSON.stringify({
          id: "req_2",
          status: "awaiting_clarification",
          clarification_question: "Which one?",
          clarification_request_id: "clr_1",
          original_message: "book it",
        }),
      ),
    );
    expect(ev.clarification).toEqual({
      question: "Which one?",
      requestId: "clr_1",
      originalMessage: "book it",
    });
    expect(ev.processingMode).toBe("async");
    expect(ev.content).toEqual([]);
    expect(ev.error).toBeUndefined();
    expect(() => parse("not json")).toThrow(/not JSON/);
  });
});
