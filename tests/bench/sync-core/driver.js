// The JS half of the string-boundary prototype: fetch and Errors in JS, every
// decision in the wasm core.
import init, { judge, prepare } from "./pkg/bench_sync_core.js";

let loading;

export async function confirmSignUp(input, config) {
  await (loading ??= init({ module_or_path: new URL("./pkg/bench_sync_core_bg.wasm", import.meta.url) }));
  const prepared = JSON.parse(prepare(JSON.stringify({ input, config })));
  if (prepared.error) throw Object.assign(new Error(prepared.error.message), prepared.error);
  const res = await fetch(prepared.url, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": prepared.target },
    body: prepared.body,
    credentials: "omit",
  });
  const judged = JSON.parse(judge(res.status, res.headers.get("x-amzn-errortype"), res.headers.get("x-amzn-requestid"), await res.text()));
  if (judged.error) throw Object.assign(new Error(judged.error.message), judged.error, { status: Number(judged.error.status) });
  return judged.ok;
}
