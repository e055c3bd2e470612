// Each bench stage runs in its own process and hands its figures to bench/run.js as JSON in a file.
import * as fs from 'node:fs';

/** `--out FILE` from the command line, else stdout. */
export function writeResult(result: unknown): void {
  const i = process.argv.indexOf('--out');
  const text = JSON.stringify(result, null, 2);
  if (i > 0 && process.argv[i + 1]) fs.writeFileSync(process.argv[i + 1], text);
  else console.log(text);
}

/** Runs a stage's main function; any failure exits non-zero with the message. */
export function runStage(main: () => Promise<unknown>): void {
  main()
    .then((result) => {
      writeResult(result);
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    });
}
