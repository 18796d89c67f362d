// A strict fake of Cognito's user-facing API (SignUp, ConfirmSignUp,
// ResendConfirmationCode, InitiateAuth with USER_AUTH and a sign-up session),
// for the browser tests.
//
// SignUp creates an UNCONFIRMED user with a new code (read it with
// GET /__control/user) and answers with a Session that ConfirmSignUp takes
// and trades for a sign-in session. ValidationData {autoConfirm: "true"}
// confirms at once, as a pre-sign-up Lambda would; a password shorter than 8
// characters is refused with InvalidPasswordException. A user with a
// phone_number and no email gets their codes by SMS.
//
// cognito-local does not check SecretHash, never returns a Session and cannot
// be told to fail; this server does all three. It checks every request the way
// the real service's model says (headers, member names, types, lengths and
// patterns, SecretHash), answers CORS preflights, records what it saw, and can
// be scripted per username to answer with any status, error or broken body.
//
// Control API (same port, paths under /__control):
//   POST /__control/users    {username, code, status?, expired?, session?, challenge?}
//   POST /__control/expire-sessions {username}
//   POST /__control/script   {username, responses: [Canned, ...]} consumed one per request
//   GET  /__control/requests?username=u   -> [{target, headers, body, problems}]
//   GET  /__control/stats    -> {preflights, requests}
// Canned: {status?, type?, message?, body?, headers?, delayMs?, hang?, reset?,
//          hugeMessage?: n (an error whose message is n characters),
//          apply?: true (carry out the request for real first, then answer as canned),
//          pass?: true (answer for real: lets a script reach a later request),
//          hugeBody?: n (a 200-style JSON body of n bytes, sent in chunks; with
//          lengthless?: true, without a Content-Length; with gzip?: true, gzipped
//          whole, its Content-Length the few hundred bytes it compresses to)}
// Paths under /followed/ count requests in stats.followed and answer 200 {}:
// a redirect's target, which the client must never reach.
// Paths under /nocors/ refuse CORS (preflights get no Access-Control-* headers).
//
// Usage: node server.mjs [port]   (prints "fake-cognito listening on <port>")

import http from "node:http";
import crypto from "node:crypto";
import zlib from "node:zlib";

import { DOCS_CLIENTS } from "./docs-clients.mjs";

export const POOL_ID = "us-east-1_FakePool1";
export const CLIENTS = {
  plainclient1: { secret: null },
  secretclient1: { secret: "fakeclientsecret0123456789abcdefghijklmnopqrstuvwx" },
  ...DOCS_CLIENTS,
};

const users = new Map(); // username -> {code, status, expired, session, clientId}
const scripts = new Map(); // username -> [Canned]
const seen = []; // {username, target, headers, body, problems}
const stats = { preflights: 0, requests: 0 };

// Connection: close on every answer: a browser silently resends a request whose
// reused keep-alive connection was reset, which would hide the resets scripted here.
const CORS = {
  Connection: "close",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "x-amzn-RequestId, x-amzn-ErrorType, x-amzn-ErrorMessage, Date",
};

function secretHash(secret, username, clientId) {
  return crypto.createHmac("sha256", secret).update(username + clientId, "utf8").digest("base64");
}

const len = (s) => [...s].length;
const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;

// The ConfirmSignUp input model, checked member by member.
const CONFIRM_MEMBERS = {
  ClientId: (v) => typeof v === "string" && len(v) >= 1 && len(v) <= 128 && /^[\w+]+$/.test(v),
  SecretHash: (v) => typeof v === "string" && len(v) >= 1 && len(v) <= 128 && /^[\w+=/]+$/.test(v),
  Username: (v) => typeof v === "string" && len(v) >= 1 && len(v) <= 128 && USERNAME.test(v),
  ConfirmationCode: (v) => typeof v === "string" && len(v) >= 1 && len(v) <= 2048 && /^\S+$/.test(v),
  ForceAliasCreation: (v) => typeof v === "boolean",
  AnalyticsMetadata: (v) => isObj(v) && keysIn(v, ["AnalyticsEndpointId"]) && optStr(v.AnalyticsEndpointId),
  UserContextData: (v) =>
    isObj(v) && Object.keys(v).length > 0 && keysIn(v, ["IpAddress", "EncodedData"]) && optStr(v.IpAddress) && optStr(v.EncodedData),
  ClientMetadata: (v) => isObj(v) && Object.entries(v).every(([k, x]) => typeof x === "string" && len(k) <= 131072 && len(x) <= 131072),
  Session: (v) => typeof v === "string" && len(v) >= 20 && len(v) <= 4096,
};
const RESEND_MEMBERS = {
  ClientId: CONFIRM_MEMBERS.ClientId,
  SecretHash: CONFIRM_MEMBERS.SecretHash,
  Username: CONFIRM_MEMBERS.Username,
  AnalyticsMetadata: CONFIRM_MEMBERS.AnalyticsMetadata,
  UserContextData: CONFIRM_MEMBERS.UserContextData,
  ClientMetadata: CONFIRM_MEMBERS.ClientMetadata,
};
const INITIATE_AUTH_MEMBERS = {
  AuthFlow: (v) => typeof v === "string",
  AuthParameters: (v) => isObj(v) && Object.values(v).every((x) => typeof x === "string"),
  ClientId: CONFIRM_MEMBERS.ClientId,
  AnalyticsMetadata: CONFIRM_MEMBERS.AnalyticsMetadata,
  UserContextData: CONFIRM_MEMBERS.UserContextData,
  ClientMetadata: CONFIRM_MEMBERS.ClientMetadata,
  Session: CONFIRM_MEMBERS.Session,
};
const ATTRIBUTES = (v) =>
  Array.isArray(v) &&
  v.every(
    (a) =>
      isObj(a) &&
      keysIn(a, ["Name", "Value"]) &&
      typeof a.Name === "string" &&
      len(a.Name) >= 1 &&
      len(a.Name) <= 32 &&
      /^[\p{L}\p{M}\p{S}\p{N}\p{P}\t\n\r ]+$/u.test(a.Name) &&
      (a.Value === undefined || (typeof a.Value === "string" && len(a.Value) <= 2048)),
  );
const SIGN_UP_MEMBERS = {
  ...RESEND_MEMBERS,
  Password: (v) => typeof v === "string" && len(v) <= 256 && /^[^ \t\n\v\f\r]+$/.test(v),
  UserAttributes: ATTRIBUTES,
  ValidationData: ATTRIBUTES,
};
const OPERATIONS = {
  SignUp: { members: SIGN_UP_MEMBERS, required: ["ClientId", "Username"] },
  ConfirmSignUp: { members: CONFIRM_MEMBERS, required: ["ClientId", "Username", "ConfirmationCode"] },
  ResendConfirmationCode: { members: RESEND_MEMBERS, required: ["ClientId", "Username"] },
  InitiateAuth: { members: INITIATE_AUTH_MEMBERS, required: ["AuthFlow", "ClientId"] },
};
const sessions = new Map(); // session -> {username, expiresAt, used}
let codeCounter = 100000;

function isObj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function keysIn(v, allowed) {
  return Object.keys(v).every((k) => allowed.includes(k));
}
function optStr(v) {
  return v === undefined || (typeof v === "string" && len(v) <= 131072);
}

function checkHeaders(req) {
  const problems = [];
  if (req.headers["content-type"] !== "application/x-amz-json-1.1") problems.push(`content-type is ${req.headers["content-type"]}`);
  if (req.headers.authorization) problems.push("an Authorization header was sent");
  if (req.headers.cookie) problems.push("a Cookie header was sent");
  if (req.url !== "/") problems.push(`path is ${req.url}`);
  return problems;
}

function checkBody(operation, body) {
  const { members, required } = OPERATIONS[operation];
  const problems = [];
  if (!isObj(body)) return ["body is not a JSON object"];
  for (const k of required) if (!(k in body)) problems.push(`${k} is missing`);
  for (const [k, v] of Object.entries(body)) {
    if (!(k in members)) problems.push(`unknown member ${k}`);
    else if (!members[k](v)) problems.push(`${k} breaks the model`);
  }
  return problems;
}

/** The client's secret check, shared by every operation; answers and returns false when it fails. */
function clientOk(res, clientId, username, hash) {
  const client = CLIENTS[clientId];
  if (!client) {
    fail(res, "ResourceNotFoundException", `User pool client ${clientId} does not exist.`);
    return false;
  }
  if (client.secret) {
    if (!hash) {
      fail(res, "NotAuthorizedException", `Client ${clientId} is configured with secret but SECRET_HASH was not received`);
      return false;
    }
    if (hash !== secretHash(client.secret, username, clientId)) {
      fail(res, "NotAuthorizedException", `Unable to verify secret hash for client ${clientId}`);
      return false;
    }
  }
  return true;
}

function resend(res, body) {
  if (!clientOk(res, body.ClientId, body.Username, body.SecretHash)) return;
  const user = users.get(body.Username);
  if (!user) return fail(res, "UserNotFoundException", "Username/client id combination not found.");
  if (user.status === "CONFIRMED") return fail(res, "InvalidParameterException", "User is already confirmed.");
  user.code = String(++codeCounter);
  user.expired = false;
  user.resent = (user.resent ?? 0) + 1;
  return send(res, 200, { CodeDeliveryDetails: delivery(user.attributes) });
}

function initiateAuth(res, body) {
  if (body.AuthFlow !== "USER_AUTH") return fail(res, "InvalidParameterException", `this fake supports only USER_AUTH, not ${body.AuthFlow}`);
  const username = body.AuthParameters?.USERNAME;
  if (!username) return fail(res, "InvalidParameterException", "Missing required parameter USERNAME");
  if (!clientOk(res, body.ClientId, username, body.AuthParameters.SECRET_HASH)) return;
  const user = users.get(username);
  const session = sessions.get(body.Session);
  if (!body.Session) return fail(res, "InvalidParameterException", "this fake supports USER_AUTH with a sign-up Session only");
  if (!user || !session || session.username !== username || session.used) return fail(res, "NotAuthorizedException", "Invalid session for the user.");
  if (Date.now() > session.expiresAt) return fail(res, "NotAuthorizedException", "Invalid session for the user, session is expired.");
  session.used = true;
  if (user.challenge) {
    const next = crypto.randomBytes(48).toString("base64");
    return send(res, 200, { ChallengeName: user.challenge, Session: next, ChallengeParameters: { CODE_DELIVERY_DESTINATION: "a***@e***" } });
  }
  const token = (kind) => `${kind}.${Buffer.from(JSON.stringify({ sub: username, kind })).toString("base64url")}.sig`;
  return send(res, 200, {
    AuthenticationResult: { AccessToken: token("access"), IdToken: token("id"), RefreshToken: token("refresh"), ExpiresIn: 3600, TokenType: "Bearer" },
    ChallengeParameters: {},
  });
}

function signUp(res, body) {
  if (!clientOk(res, body.ClientId, body.Username, body.SecretHash)) return;
  if (users.has(body.Username)) return fail(res, "UsernameExistsException", "User already exists");
  if (body.Password !== undefined && len(body.Password) < 8) {
    return fail(res, "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
  }
  const attributes = Object.fromEntries((body.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
  const confirmed = (body.ValidationData ?? []).some((a) => a.Name === "autoConfirm" && a.Value === "true");
  const signUpSession = crypto.randomBytes(48).toString("base64");
  users.set(body.Username, {
    code: String(++codeCounter),
    status: confirmed ? "CONFIRMED" : "UNCONFIRMED",
    expired: false,
    session: true,
    signUpSession,
    attributes,
    sub: crypto.randomUUID(),
  });
  const user = users.get(body.Username);
  if (confirmed) {
    sessions.set(signUpSession, { username: body.Username, expiresAt: Date.now() + 180000, used: false });
    return send(res, 200, { UserConfirmed: true, UserSub: user.sub, Session: signUpSession });
  }
  return send(res, 200, { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: delivery(attributes), Session: signUpSession });
}

// Where a code goes, masked as Cognito masks it: SMS to a phone number when the user has no email.
function delivery(attributes = {}) {
  const { email, phone_number: phone } = attributes;
  if (phone && !email) return { Destination: `+*******${phone.slice(-4)}`, DeliveryMedium: "SMS", AttributeName: "phone_number" };
  const e = email ?? "a@e";
  return { Destination: `${e.slice(0, 1)}***@${e.split("@")[1]?.slice(0, 1) ?? ""}***`, DeliveryMedium: "EMAIL", AttributeName: "email" };
}

// Carries out `operation` for real.
function handle(operation, res, body) {
  if (operation === "SignUp") return signUp(res, body);
  if (operation === "ResendConfirmationCode") return resend(res, body);
  if (operation === "InitiateAuth") return initiateAuth(res, body);
  return confirm(res, body);
}

function send(res, status, payload, extraHeaders = {}) {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  res.writeHead(status, {
    ...CORS,
    "Content-Type": "application/x-amz-json-1.1",
    "x-amzn-RequestId": crypto.randomUUID(),
    ...extraHeaders,
  });
  res.end(text);
}

function fail(res, type, message, status = 400) {
  send(res, status, { __type: type, message }, { "x-amzn-ErrorType": `${type}:` });
}

function confirm(res, body) {
  if (!clientOk(res, body.ClientId, body.Username, body.SecretHash)) return;
  const user = users.get(body.Username);
  if (!user) return fail(res, "UserNotFoundException", "Username/client id combination not found.");
  if (user.status === "CONFIRMED") return fail(res, "NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED");
  if (user.code !== body.ConfirmationCode) return fail(res, "CodeMismatchException", "Invalid verification code provided, please try again.");
  if (user.expired) return fail(res, "ExpiredCodeException", "Invalid code provided, please request a code again.");
  if (user.signUpSession && body.Session !== undefined && body.Session !== user.signUpSession) return fail(res, "NotAuthorizedException", "Invalid session provided");
  user.status = "CONFIRMED";
  if (!user.session) return send(res, 200, {});
  const session = crypto.randomBytes(48).toString("base64");
  sessions.set(session, { username: body.Username, expiresAt: Date.now() + 180000, used: false });
  return send(res, 200, { Session: session });
}

async function playCanned(req, res, canned, body, operation) {
  if (canned.pass) return handle(operation, res, body);
  if (canned.apply) handle(operation, { writeHead() {}, end() {} }, body);
  if (canned.delayMs) await new Promise((r) => setTimeout(r, canned.delayMs));
  if (canned.reset) {
    req.socket.destroy();
    return;
  }
  if (canned.hang) return; // never answers; the client's timeout must fire
  const status = canned.status ?? 400;
  const headers = canned.headers ?? {};
  if (canned.hugeBody) {
    const head = lengthless => ({ ...CORS, "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "huge-1", ...(lengthless ? {} : { "Content-Length": String(canned.hugeBody) }), ...headers });
    if (canned.gzip) {
      const body = zlib.gzipSync(`{"Session":"${"x".repeat(canned.hugeBody - 14)}"}`);
      res.writeHead(status, { ...head(true), "Content-Encoding": "gzip", "Content-Length": String(body.length) });
      res.on("error", () => {});
      return res.end(body);
    }
    res.writeHead(status, head(canned.lengthless));
    const chunk = Buffer.alloc(16384, "x");
    res.write('{"Session":"');
    let left = canned.hugeBody - 14;
    const more = () => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(left, chunk.length));
        left -= piece.length;
        if (!res.write(piece)) return res.once("drain", more);
      }
      res.end('"}');
    };
    res.on("error", () => {});
    return more();
  }
  if (canned.body !== undefined) {
    res.writeHead(status, { ...CORS, "x-amzn-RequestId": crypto.randomUUID(), ...headers });
    res.end(canned.body);
  } else if (canned.hugeMessage) {
    send(res, status, { __type: canned.type ?? "CodeMismatchException", message: "x".repeat(canned.hugeMessage) }, headers);
  } else if (canned.type) {
    send(res, status, { __type: canned.type, message: canned.message ?? `scripted ${canned.type}` }, headers);
  } else {
    send(res, status, {}, headers);
  }
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

async function control(req, res, url) {
  const json = (status, v) => {
    res.writeHead(status, { ...CORS, "Content-Type": "application/json" });
    res.end(JSON.stringify(v));
  };
  if (req.method === "OPTIONS") {
    res.writeHead(204, { ...CORS, "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": "content-type" });
    return res.end();
  }
  const body = req.method === "POST" ? JSON.parse((await readBody(req)) || "{}") : null;
  switch (url.pathname) {
    case "/__control/users":
      users.set(body.username, {
        code: body.code,
        status: body.status ?? "UNCONFIRMED",
        expired: !!body.expired,
        session: !!body.session,
        challenge: body.challenge,
      });
      return json(200, { ok: true });
    case "/__control/script":
      scripts.set(body.username, [...(body.responses ?? [])]);
      return json(200, { ok: true });
    case "/__control/requests":
      return json(200, seen.filter((s) => s.username === url.searchParams.get("username")));
    case "/__control/user":
      return json(200, users.get(url.searchParams.get("username")) ?? null);
    case "/__control/expire-sessions":
      for (const s of sessions.values()) if (s.username === body.username) s.expiresAt = 0;
      return json(200, { ok: true });
    case "/__control/stats":
      return json(200, stats);
    default:
      return json(404, { error: "no such control path" });
  }
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://fake");
  if (url.pathname.startsWith("/__control")) return control(req, res, url);
  if (url.pathname.startsWith("/followed")) {
    stats.followed = (stats.followed ?? 0) + 1;
    return send(res, 200, {});
  }
  if (url.pathname.startsWith("/nocors")) {
    stats.refused = (stats.refused ?? 0) + 1;
    res.writeHead(req.method === "OPTIONS" ? 204 : 403);
    return res.end();
  }
  if (req.method === "OPTIONS") {
    stats.preflights++;
    res.writeHead(204, {
      ...CORS,
      "Access-Control-Allow-Methods": "POST",
      // What the AWS SDKs and Amplify send besides ours (the benchmark's peers).
      "Access-Control-Allow-Headers": "content-type, x-amz-target, x-amz-user-agent, cache-control, amz-sdk-invocation-id, amz-sdk-request",
      "Access-Control-Max-Age": "600",
    });
    return res.end();
  }
  stats.requests++;
  const raw = await readBody(req);
  const target = req.headers["x-amz-target"];
  let body = null;
  try {
    body = JSON.parse(raw);
  } catch {
    // recorded below as a problem
  }
  const problems = checkHeaders(req);
  if (body === null) problems.push("body is not JSON");
  const operation = typeof target === "string" ? target.replace(/^AWSCognitoIdentityProviderService\./, "") : "";
  if (operation in OPERATIONS) problems.push(...checkBody(operation, body));
  else problems.push(`unsupported X-Amz-Target ${target}`);
  const username = isObj(body) ? (body.Username ?? body.AuthParameters?.USERNAME) : undefined;
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "connection"].includes(k)));
  seen.push({ username, target, headers, body, problems });

  const script = scripts.get(username);
  if (script && script.length) return playCanned(req, res, script.shift(), body, operation);
  if (problems.length) return fail(res, "InvalidParameterException", problems.join("; "));
  return handle(operation, res, body);
});

const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
server.listen(port, "127.0.0.1", () => {
  console.log(`fake-cognito listening on ${server.address().port}`);
});
