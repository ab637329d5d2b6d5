/**
 * `govgraph keys issue|list|rotate|revoke`: API keys of applications. A new
 * key is printed once, with a warning to store it; it cannot be shown again.
 */
import { print, stringOption, type AdminCommand, type AdminCommandContext } from '../admin-command';
import { CREDENTIAL_FIELDS, type CredentialRow } from '../admin-selections';
import { formatRecord, formatTable } from '../format-table';
import { parseDuration, parseExpiry } from '../parse-duration';

interface IssuedKey {
  readonly apiKey: string;
  readonly id: string;
  readonly prefix: string;
  readonly credential: CredentialRow;
}

function printIssued(ctx: AdminCommandContext, issued: IssuedKey, replaced?: CredentialRow | null): void {
  print(ctx, issued, () => {
    const lines = [`API key (shown once: store it now, it cannot be shown again):\n  ${issued.apiKey}\n`];
    lines.push(
      formatRecord([
        ['id', issued.id],
        ['application', issued.credential.applicationId],
        ['prefix', issued.prefix],
        ['expires', issued.credential.expiresAt ?? 'never'],
        ...(replaced ? ([['replaces', `${replaced.id} (valid until ${replaced.overlapUntil ?? '-'})`]] as [string, unknown][]) : []),
      ]),
    );
    return lines.join('');
  });
}

/** `keys issue <appId> [--expires <when>]` */
export const keysIssueCommand: AdminCommand = {
  name: 'keys issue',
  synopsis: '<appId> [--expires <30d|ISO date-time>]',
  summary: 'issue a new API key (printed once)',
  args: ['appId'],
  options: { expires: { type: 'string' } },
  async run(ctx) {
    const expires = stringOption(ctx, 'expires');
    const { issueApiKey } = await ctx.client.request<{ issueApiKey: IssuedKey }>(
      `mutation IssueApiKey($applicationId: ID!, $expiresAt: DateTime) {
        issueApiKey(applicationId: $applicationId, expiresAt: $expiresAt) { apiKey id prefix credential { ${CREDENTIAL_FIELDS} } }
      }`,
      { applicationId: ctx.args[0], expiresAt: expires === undefined ? null : parseExpiry(expires, '--expires', ctx.now()).toISOString() },
    );
    printIssued(ctx, issueApiKey);
  },
};

/** `keys list <appId>` */
export const keysListCommand: AdminCommand = {
  name: 'keys list',
  synopsis: '<appId>',
  summary: 'list the keys of an application (prefixes only)',
  args: ['appId'],
  options: {},
  async run(ctx) {
    const { application } = await ctx.client.request<{ application: { credentials: CredentialRow[] } }>(
      `query Keys($id: ID!) { application(id: $id) { credentials { ${CREDENTIAL_FIELDS} } } }`,
      { id: ctx.args[0] },
    );
    const keys = application.credentials;
    print(ctx, keys, () =>
      formatTable(keys, [
        { header: 'ID', value: (row) => row.id },
        { header: 'PREFIX', value: (row) => row.prefix },
        { header: 'CREATED', value: (row) => row.createdAt },
        { header: 'EXPIRES', value: (row) => row.expiresAt },
        { header: 'REVOKED', value: (row) => row.revokedAt },
        { header: 'OVERLAP UNTIL', value: (row) => row.overlapUntil },
      ]),
    );
  },
};

/** `keys rotate <credentialId> [--overlap 24h] [--expires <when>]` */
export const keysRotateCommand: AdminCommand = {
  name: 'keys rotate',
  synopsis: '<credentialId> [--overlap <24h>] [--expires <30d|ISO date-time>]',
  summary: 'replace a key; the old one stays valid for the overlap (default 24h)',
  args: ['credentialId'],
  options: { overlap: { type: 'string' }, expires: { type: 'string' } },
  async run(ctx) {
    const overlap = stringOption(ctx, 'overlap');
    const expires = stringOption(ctx, 'expires');
    const { rotateApiKey } = await ctx.client.request<{ rotateApiKey: IssuedKey }>(
      `mutation RotateApiKey($credentialId: ID!, $overlapSeconds: Int, $expiresAt: DateTime) {
        rotateApiKey(credentialId: $credentialId, overlapSeconds: $overlapSeconds, expiresAt: $expiresAt) {
          apiKey id prefix credential { ${CREDENTIAL_FIELDS} }
        }
      }`,
      {
        credentialId: ctx.args[0],
        overlapSeconds: overlap === undefined ? null : parseDuration(overlap, '--overlap'),
        expiresAt: expires === undefined ? null : parseExpiry(expires, '--expires', ctx.now()).toISOString(),
      },
    );
    if (ctx.json) return printIssued(ctx, rotateApiKey);
    const { application } = await ctx.client.request<{ application: { credentials: CredentialRow[] } }>(
      `query Keys($id: ID!) { application(id: $id) { credentials { ${CREDENTIAL_FIELDS} } } }`,
      { id: rotateApiKey.credential.applicationId },
    );
    printIssued(ctx, rotateApiKey, application.credentials.find((credential) => credential.id === ctx.args[0]) ?? null);
  },
};

/** `keys revoke <credentialId>` */
export const keysRevokeCommand: AdminCommand = {
  name: 'keys revoke',
  synopsis: '<credentialId>',
  summary: 'make a key invalid now',
  args: ['credentialId'],
  options: {},
  async run(ctx) {
    const { revokeApiKey } = await ctx.client.request<{ revokeApiKey: CredentialRow }>(
      `mutation RevokeApiKey($credentialId: ID!) { revokeApiKey(credentialId: $credentialId) { ${CREDENTIAL_FIELDS} } }`,
      { credentialId: ctx.args[0] },
    );
    print(ctx, revokeApiKey, () => formatRecord([['id', revokeApiKey.id], ['prefix', revokeApiKey.prefix], ['revoked', revokeApiKey.revokedAt]]));
  },
};
