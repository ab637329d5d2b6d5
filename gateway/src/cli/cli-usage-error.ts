/**
 * A mistake in how a command was called (missing option, bad number, unknown
 * command): exit status 2 and the command's usage, as opposed to an error the
 * admin API answered (status 1).
 */

/** A usage error of the admin CLI. */
export class CliUsageError extends Error {
  /** The command whose usage to show, e.g. `grants add`; `undefined`: the overview. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'CliUsageError';
    this.command = command;
  }
}
