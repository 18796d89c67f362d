// Starts the strict fake Cognito on a free loopback port, for node:test suites.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), "server.mjs");

/** Resolves to `{ url, control(path, body), stop() }`; `url` ends without a slash. */
export function startFake() {
  const child = spawn(process.execPath, [SERVER, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`fake Cognito exited with ${code}`)));
    child.stdout.on("data", (d) => {
      const m = String(d).match(/listening on (\d+)/);
      if (!m) return;
      const url = `http://127.0.0.1:${m[1]}`;
      resolve({
        url,
        async control(pathname, body) {
          const res = await fetch(`${url}/__control/${pathname}`, {
            method: body === undefined ? "GET" : "POST",
            headers: { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (res.status !== 200) throw new Error(`control ${pathname}: ${res.status}`);
          return res.json();
        },
        stop: () => child.kill(),
      });
    });
  });
}
