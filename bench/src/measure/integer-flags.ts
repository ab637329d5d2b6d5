/** Reads the integer flags of a benchmark's command line, collecting every problem before one error is thrown. */
export interface IntegerFlags {
  /** `text` as an integer; a problem is noted when it is not one or is below `min`. */
  integer(flag: string, text: string, min: number): number;
  /** What was wrong, one line per flag (a command adds its own). */
  readonly problems: string[];
}

/** A fresh reader of integer flags. */
export function integerFlags(): IntegerFlags {
  const problems: string[] = [];
  return {
    problems,
    integer(flag, text, min) {
      const value = Number(text);
      if (!Number.isInteger(value) || value < min) problems.push(`--${flag} must be an integer >= ${min} (got ${JSON.stringify(text)})`);
      return value;
    },
  };
}
