// Runs one documentation example (a module file) with what examples may
// assume (page.mjs). Usage: node run-block.mjs <block.mjs>. Exit code 0 when
// the block finished, 1 when it threw (its `name` on stdout as `docs:thrown`).
import { pathToFileURL } from "node:url";
import { reportThrown } from "./page.mjs";

try {
  await import(pathToFileURL(process.argv[2]).href);
  process.stdout.write("docs:finished\n");
} catch (e) {
  reportThrown(e);
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exitCode = 1;
}
