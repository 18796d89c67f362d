// Demo only, not part of the page to copy. A real page writes its pool's ids
// into the <cognito-sign-up> tag; the demo's pool is made at start (a new
// cognito-local, or yours), so this fills them in from /config.json. It also
// runs the demo box: the emulator's code, and the element's events.

const element = document.querySelector("cognito-sign-up");
const $ = (id) => document.getElementById(id);

const settings = await (await fetch("/config.json")).json();
element.userPoolId = settings.userPoolId;
element.clientId = settings.clientId;
element.endpoint = settings.endpoint;
// An app client without a secret needs no SecretHash endpoint.
if (!settings.secretHash) element.secretHashUrl = null;
$("sign-in-link").href = settings.signInUrl ?? "/";
$("demo-emulator").hidden = !settings.emulator;
$("demo-pool").hidden = !!settings.emulator;
$("demo-pool-id").textContent = settings.userPoolId;

// What a page does with the events: here, list them; once confirmed, offer the app's sign-in.
for (const type of ["cognito-signed-up", "cognito-code-sent", "cognito-confirmed", "cognito-signed-in", "cognito-error"]) {
  element.addEventListener(type, (event) => {
    const { detail } = event;
    const shown = type === "cognito-signed-in" ? "tokens received" : type === "cognito-error" ? `${detail.error.name} (${detail.step})` : JSON.stringify(detail);
    $("demo-events").append(Object.assign(document.createElement("li"), { textContent: `${type}: ${shown}` }));
    if (type === "cognito-confirmed") $("sign-in").hidden = false;
  });
}

$("show-code").addEventListener("click", async () => {
  // The username in the step shown (the confirm step's is filled in when the element knows it).
  const username = element.querySelector("[data-cognito-step]:not([hidden]) [name=username]")?.value.trim() || element.username;
  const out = $("demo-code");
  if (!username) {
    out.textContent = "Enter your username first.";
    return;
  }
  const res = await fetch("/api/demo/code", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  }).catch(() => null);
  const { code } = res?.ok ? await res.json() : {};
  out.textContent = code ? `Your code: ${code}` : res?.ok ? "No code is waiting for that username." : "The demo's server did not answer.";
});
