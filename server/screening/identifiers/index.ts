// What other screening code needs from the identifier rules; each rule lives in its own file here.
export { IDENTIFIER_KINDS, type IdentifierKind, type IdentifierResult, type IdentifierIssue, type CheckDigit } from './identifier-result.ts';
export { validateIdentifier, normaliseKey, type ValidatedIdentifier, type FieldsByKind } from './validate-identifier.ts';
export { foldKey } from './ocr-fold.ts';
export { firearmSerialMatchKey } from './firearm-serial.ts';
