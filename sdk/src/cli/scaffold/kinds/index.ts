export { restKind } from './rest-kind';
export { soapKind } from './soap-kind';
export { sqlKind } from './sql-kind';
export { fileKind } from './file-kind';
