// A React 19 page that mounts <cognito-sign-up> as JSX: a whole `config`
// (with a `secretHash` function that asks the backend) and `strings` as
// properties, the events as `on<event>` props, a ref to the element. It must
// pass `tsc --strict` against the package's own types.
import { StrictMode, useMemo, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import type { CognitoConfig } from "cognito-confirm";
import "cognito-confirm/element/define";
import type {
  CognitoErrorDetail,
  CognitoSignUpElement,
  CognitoSignUpEventMap,
  CognitoSignUpStringOverrides,
} from "cognito-confirm/element";

type Recorded = { type: keyof CognitoSignUpEventMap; detail: unknown; bubbles: boolean; composed: boolean; target: string };

declare global {
  interface Window {
    cognitoEvents: Recorded[];
  }
}
window.cognitoEvents = [];

function record<K extends keyof CognitoSignUpEventMap>(type: K, event: CognitoSignUpEventMap[K]): void {
  const detail: unknown = JSON.parse(JSON.stringify(event.detail, (_k, v: unknown) => (v instanceof Error ? { ...v, name: v.name } : v)));
  const target = event.target instanceof Element ? event.target.localName : "";
  window.cognitoEvents.push({ type, detail, bubbles: event.bubbles, composed: event.composed, target });
}

async function secretHash(username: string): Promise<string> {
  const res = await fetch("/api/secret-hash", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username }),
  });
  if (!res.ok) throw new Error(`secret-hash answered ${res.status}`);
  return ((await res.json()) as { secretHash: string }).secretHash;
}

const strings: CognitoSignUpStringOverrides = { signUpHeading: "Join Example", resendIn: (time) => `New code in ${time}` };

function App({ endpoint }: { endpoint: string }) {
  const form = useRef<CognitoSignUpElement>(null);
  const [signedIn, setSignedIn] = useState<string | null>(null);
  const [problem, setProblem] = useState<CognitoErrorDetail | null>(null);
  const config = useMemo<CognitoConfig>(() => ({ userPoolId: "us-east-1_FakePool1", clientId: "secretclient1", endpoint, secretHash }), [endpoint]);
  return (
    <main>
      <h1>Example app</h1>
      <cognito-sign-up
        ref={form}
        config={config}
        strings={strings}
        code-length={6}
        resend-cooldown={30}
        oncognito-signed-up={(e) => record("cognito-signed-up", e)}
        oncognito-code-sent={(e) => record("cognito-code-sent", e)}
        oncognito-confirmed={(e) => record("cognito-confirmed", e)}
        oncognito-signed-in={(e) => {
          record("cognito-signed-in", e);
          setSignedIn(`${form.current?.username} (${e.detail.tokens.tokenType}, ${e.detail.tokens.expiresIn} s)`);
        }}
        oncognito-error={(e) => {
          record("cognito-error", e);
          setProblem(e.detail);
        }}
      />
      {signedIn && <p id="welcome">Welcome, {signedIn}</p>}
      {problem && <p id="problem">{`${problem.step}: ${problem.error.name}`}</p>}
    </main>
  );
}

const endpoint = new URLSearchParams(location.search).get("endpoint") ?? "";
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App endpoint={endpoint} />
  </StrictMode>,
);
