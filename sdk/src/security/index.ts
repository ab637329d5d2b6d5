export { DATA_GRADES, GRADE_TAG_PREFIX, isDataGrade, type DataGrade } from './data-grade';
export { MASK_RULES, MASK_TAG_PREFIX, isMaskRule, type MaskRule } from './mask-rule';
export { Grade, type FieldTagDecorator } from './grade.decorator';
export { Mask } from './mask.decorator';
export type { Caller } from './caller';
export {
  CONTEXT_TOKEN_HEADER,
  CONTEXT_TOKEN_ALGORITHM,
  GATEWAY_SUBJECT,
  DEVELOPMENT_APPLICATION_HEADER,
  type ContextTokenClaims,
} from './context-token';
export {
  DEFAULT_CONTEXT_TOKEN_ISSUER,
  subgraphSecuritySchema,
  parseSubgraphSecurity,
  type JsonWebKey,
  type ContextKeySource,
  type VerifySecurityOptions,
  type DevelopmentSecurityOptions,
  type SubgraphSecurityOptions,
  type SubgraphSecurity,
} from './subgraph-security';
export {
  createContextTokenSigner,
  type ContextTokenSigner,
  type ContextTokenSignerOptions,
  type ContextTokenRequest,
} from './create-context-token-signer';
export { generateContextKeyPair, type ContextKeyPair } from './generate-context-key-pair';
export { createContextTokenVerifier, type ContextTokenVerifier, type ContextTokenVerification } from './create-context-token-verifier';
export { useContextToken, UNAUTHENTICATED_MESSAGE, DEVELOPMENT_APPLICATION_ID, type ContextTokenPluginOptions } from './use-context-token';
export { securityInputFromEnv, SECURITY_ENVIRONMENT_HELP, type SecurityEnvironment } from './security-from-env';
