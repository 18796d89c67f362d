// Types of `cognito-confirm/server`: the SecretHash endpoint (docs/server.md).

/** A node-redis (v4 or later) or ioredis client, connected. */
export type RedisClient = object;

export interface SecretHashHandlerOptions {
  /** The app client's id (1 to 128 letters, digits, `_` or `+`). */
  clientId: string;
  /** The app client's secret. It never appears in an answer, a log line or an error. */
  clientSecret: string;
  /** The origins whose pages may call the endpoint, e.g. `["https://app.example"]`. */
  origins: string[];
  /** The host names the endpoint answers under; default: the origins' hosts. */
  hosts?: string[];
  /**
   * Requests per client per `duration` seconds; default `{ points: 30, duration: 60 }`.
   * Without `store`, `duration` is at most 2147483 (about 24 days).
   */
  limit?: { points?: number; duration?: number };
  /** A shared store for the limit (every instance with the same store shares one limit); `null`: none. */
  store?: RedisClient | null;
  /** The largest body accepted, in bytes; default 16384. */
  maxBody?: number;
  /**
   * `false` (the default): `X-Forwarded-For` is ignored. A number: how many
   * proxies in front of this server append to `X-Forwarded-For`; the client is
   * that many entries from its right.
   */
  trustProxy?: false | number;
  /** Where the handler's few log lines go; default `console.warn`. */
  log?: (line: string) => void;
}

export interface RequestInfo {
  /** The client's address (the socket's), the key of its rate limit. Without it, one shared limit. */
  clientAddress?: string;
}

export type SecretHashHandle = (request: Request, info?: RequestInfo) => Promise<Response>;

/** The endpoint: `POST {"username"}` as JSON answers `200 {"secretHash"}`; everything else is refused. */
export function secretHashHandler(options: SecretHashHandlerOptions): SecretHashHandle;

/**
 * Adapts a handler to `http.createServer`, `https.createServer` and
 * `http2.createServer`/`createSecureServer` (the compatibility API), passing
 * the socket's address as `clientAddress`.
 */
export function toNodeListener(
  handle: SecretHashHandle,
): (
  req: import("node:http").IncomingMessage | import("node:http2").Http2ServerRequest,
  res: import("node:http").ServerResponse | import("node:http2").Http2ServerResponse,
) => Promise<void>;

/** The rate-limit key of an address (a port after it left out): IPv4 as is, IPv6 by its /64, anything else `"unknown"`. */
export function clientKey(address: string | undefined): string;
