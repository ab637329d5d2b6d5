#!/usr/bin/env node
/**
 * Runs the admin CLI as a process (`node gateway/dist/cli/main.js apps list`);
 * `govgraph` of `@govgraph/sdk` dispatches the same commands here. The only
 * reader of `process.env` and `process.argv` in the CLI.
 */
import { runAdminCli } from './run-admin-cli';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());

runAdminCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: interrupted.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`govgraph: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
