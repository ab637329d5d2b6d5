export { runCli, USAGE, type CliIo } from './run-cli';
export { deriveNames, assertKebabName, InvalidNameError, type SubgraphNames, type EntityNames } from './names';
export { scaffoldPackage, ScaffoldError, DEFAULT_SCAFFOLD_PORT, type ScaffoldPackageOptions, type ScaffoldResult } from './scaffold/scaffold-package';
export { CONNECTOR_KINDS, type ConnectorKind } from './scaffold/scaffold-context';
export { generateOperations, type GeneratedOperations, type GenerateOperationsOptions } from './codegen/generated-operations';
export { readWsdl, type ReadWsdlOptions } from './codegen/wsdl-read';
export { readOpenApi, type ReadOpenApiOptions } from './codegen/openapi-read';
export type { ApiModel, ObjectModel, OperationModel, FieldModel, TypeRef, ScalarKind } from './codegen/api-model';
export { readWsdlBindings, type WsdlBindings, type WsdlSoapVersion, type ScaffoldSoapVersion } from './codegen/wsdl-bindings';
