// Runs one documentation example (a module file) with what examples may
// assume (page.mjs). Usage: node run-block.mjs <block.mjs>. Exit code 0 when
// the block finished, 1 when it threw (its `name` on stdout as `docs:thrown`).
import { pathToFileURL } from "node:url";
import { reportThrown } from "./page.mjs";

// A block is done when its module has evaluated: what it leaves running (a
// server it started, a timer) is stopped, so an example may end as a real
// program would keep going.
try {
  await import(pathToFileURL(process.argv[2]).href);
  process.stdout.write("docs:finished\n", () => process.exit(0));
} catch (e) {
  reportThrown(e);
  process.stderr.write(`${e?.stack ?? e}\n`, () => process.exit(1));
}
