import 'reflect-metadata';
/**
 * Writing cases: `submitCase` (idempotent with a key) and `transitionCase`,
 * which checks the workflow against the case's current status before it
 * writes, and maps the case-handling system's own refusal (its status may
 * change between our read and our write) to the same `ConflictError`.
 */
import { ConflictError, type GovgraphError, Grade, NotFoundError, UnprocessableContentError } from '@govgraph/sdk';
import { Arg, Args, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CasesContext } from '../context';
import { parseSubmitCaseInput, parseTransitionCaseArguments } from './case-arguments';
import { createCaseHandlingClient, type CaseHandlingClient } from './case-handling-client';
import type { CaseStatus } from './case-status';
import { assertTransitionAllowed, transitionNotAllowedError } from './case-workflow';
import { toLegacyHolderKind } from './case.mapping';
import { Case } from './case.type';
import { SubmitCaseInput } from './submit-case.input';
import { TransitionCaseArgs } from './transition-case.args';

/** Mutations of `Case`. */
@Resolver(() => Case)
export class CaseMutationResolver {
  @Mutation(() => Case, { description: 'Opens a case (status SUBMITTED). With an idempotencyKey, a repeat returns the same case.' })
  @Grade('L3')
  async submitCase(@Arg('input', () => SubmitCaseInput) input: SubmitCaseInput, @Ctx() ctx: CasesContext): Promise<Case> {
    const request = parseSubmitCaseInput(input);
    const client = createCaseHandlingClient(ctx.sources.caseHandling);
    try {
      return await client.submitCase(
        { applicantKind: toLegacyHolderKind(request.applicantKind), applicantId: request.applicantId, serviceCode: request.serviceCode, note: request.note },
        request.idempotencyKey,
      );
    } catch (error) {
      if (hasUpstreamCode(error, UnprocessableContentError, 'IDEMPOTENCY_KEY_REUSED')) {
        throw new UnprocessableContentError('input.idempotencyKey was already used for a different submission', { cause: error });
      }
      throw error;
    }
  }

  @Mutation(() => Case, { description: 'Moves a case to another status, if the workflow allows it from the current one.' })
  @Grade('L3')
  async transitionCase(@Args(() => TransitionCaseArgs) args: TransitionCaseArgs, @Ctx() ctx: CasesContext): Promise<Case> {
    const change = parseTransitionCaseArguments(args);
    const client = createCaseHandlingClient(ctx.sources.caseHandling);
    const current = await readCase(client, change.number);
    assertTransitionAllowed(change.number, current.status, change.to);
    try {
      return await client.transitionCase(change.number, change);
    } catch (error) {
      if (hasUpstreamCode(error, ConflictError, 'TRANSITION_NOT_ALLOWED')) throw await refusedTransition(client, change.number, change.to, error);
      if (error instanceof NotFoundError) throw caseNotFound(change.number, error);
      throw error;
    }
  }
}

/** The case, or `NotFoundError` naming it. */
async function readCase(client: CaseHandlingClient, number: string): Promise<Case> {
  try {
    return await client.getCase(number);
  } catch (error) {
    throw error instanceof NotFoundError ? caseNotFound(number, error) : error;
  }
}

function caseNotFound(number: string, cause: unknown): NotFoundError {
  return new NotFoundError(`Case ${number} does not exist`, { cause, details: { number } });
}

/**
 * The system refused a move our read allowed: the case moved in between.
 * Reads it again to name its status now; if that read fails too, says so without it.
 */
async function refusedTransition(client: CaseHandlingClient, number: string, to: CaseStatus, cause: unknown): Promise<ConflictError> {
  try {
    const now = await client.getCase(number);
    return transitionNotAllowedError(number, now.status, to, cause);
  } catch {
    return new ConflictError(`Case ${number} cannot move to ${to} from its current status`, { cause, details: { number, to } });
  }
}

/** True when `error` is a `type` error carrying the legacy system's `code`. */
function hasUpstreamCode(error: unknown, type: abstract new (...args: never[]) => GovgraphError, code: string): boolean {
  return error instanceof type && error.details?.['upstreamCode'] === code;
}
