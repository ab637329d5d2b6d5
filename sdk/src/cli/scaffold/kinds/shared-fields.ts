/** Config options shared by several connector kinds. */
import type { ConfigFieldTemplate } from '../scaffold-context';

/** The deadline of one legacy call, read from `env`. */
export function timeoutField(env: string): ConfigFieldTemplate {
  return {
    key: 'timeoutMs',
    env,
    tsType: 'number',
    zod: 'integerOption(1, 600_000, UNSIGNED).default(5000)',
    doc: 'Deadline of one call to the legacy system, in milliseconds (1 … 600000)',
    defaultText: '`5000`',
    example: '3000',
  };
}
