// What a page does before warm-curve.mjs's and engines.mjs's stubbed-fetch
// rows, as bench.mjs's "CPU per call" row does it: load the bundle at `src`
// (it reads window.BENCH and sets window.bench), call its preload (ours:
// ready()), stay idle for a second, then stub `fetch` with a Session answer.
// Runs in the page: pass it to Playwright's page.evaluate, or its source to
// WebDriver's, then time the calls in a second evaluate.
export async function preparePage(src) {
  window.BENCH = { endpoint: "http://127.0.0.1:9/", poolId: "us-east-1_FakePool1", clientId: "plainclient1" };
  await new Promise((resolve, reject) => {
    const s = Object.assign(document.createElement("script"), { type: "module", src, onload: resolve, onerror: reject });
    document.head.append(s);
  });
  await window.bench.preload();
  await new Promise((r) => setTimeout(r, 1000));
  const answer = '{"Session":"' + "s".repeat(64) + '"}';
  const headers = { "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": "1c2d3e4f-0000-4000-8000-000000000000" };
  window.fetch = () => Promise.resolve(new Response(answer, { status: 200, headers }));
}
