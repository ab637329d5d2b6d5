#!/usr/bin/env node
/**
 * The `govgraph` executable (`bin` of `@govgraph/sdk`): runs {@link runCli}
 * with the process's arguments and exits with its code.
 */
import { runCli } from './run-cli';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`govgraph: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
