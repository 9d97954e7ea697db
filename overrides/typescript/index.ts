// Public entry of @muxi/sdk.

export { FormationClient, type FormationClientOptions } from "./formation-client.js";
export {
  ServerClient,
  type ServerClientOptions,
  type BundleInput,
  type UpdateBundleInput,
} from "./server-client.js";
export {
  MuxiError,
  AuthenticationError,
  AuthorizationError,
  NotFoundError,
  ConflictError,
  ValidationError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  StreamError,
  type MuxiErrorInit,
} from "./runtime/errors.js";
export {
  webhook,
  verifySignature,
  parse,
  WebhookVerificationError,
  type VerifyOptions,
  type WebhookEvent,
  type WebhookResponseItem,
} from "./webhook.js";
export { Stream, type StreamSource } from "./runtime/stream.js";
export type { RequestOptions, SharedClientOptions, WithMeta } from "./runtime/options.js";
export type { DebugSink } from "./runtime/debug.js";
export type { FetchLike } from "./runtime/transport.js";
export type {
  ChatEvent,
  ChatTextEvent,
  ChatProgressEvent,
  ChatProgressType,
  ChatCompletedEvent,
  ChatTerminalEvent,
  ChatUiEvent,
  ChatDoneEvent,
  ChatUnknownEvent,
  ChatUiWidget,
  NamedEvent,
} from "./runtime/events.js";
export { VERSION as version } from "./generated/version.js";
export * from "./generated/models.js";
export * from "./generated/params.js";
