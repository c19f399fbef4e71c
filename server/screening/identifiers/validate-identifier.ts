import type { IdentifierKind, IdentifierResult } from './identifier-result.ts';
import { normaliseContainer, validateContainer, type ContainerFields } from './container.ts';
import { normaliseDocumentNumber, validateDocumentNumber, type DocumentNumberFields } from './document-number.ts';
import { normaliseFirearmSerial, validateFirearmSerial, type FirearmSerialFields } from './firearm-serial.ts';
import { normaliseImo, validateImo, type ImoFields } from './imo.ts';
import { validateMrz, type MrzFields } from './mrz.ts';
import { readMrzLines } from './mrz-lines.ts';
import { normaliseVin, validateVin, type VinFields } from './vin.ts';

export interface FieldsByKind {
  mrz: MrzFields;
  vin: VinFields;
  container: ContainerFields;
  imo: ImoFields;
  firearm_serial: FirearmSerialFields;
  document_number: DocumentNumberFields;
}

export type ValidatedIdentifier<K extends IdentifierKind = IdentifierKind> = { [P in K]: IdentifierResult<FieldsByKind[P]> & { kind: P } }[K];

const VALIDATORS: { [K in IdentifierKind]: (value: string) => IdentifierResult<FieldsByKind[K]> } = {
  mrz: validateMrz,
  vin: validateVin,
  container: validateContainer,
  imo: validateImo,
  firearm_serial: validateFirearmSerial,
  document_number: validateDocumentNumber,
};

const NORMALISERS: Record<IdentifierKind, (value: string) => string> = {
  mrz: (value) => readMrzLines(value).normalised,
  vin: normaliseVin,
  container: normaliseContainer,
  imo: normaliseImo,
  firearm_serial: normaliseFirearmSerial,
  document_number: normaliseDocumentNumber,
};

/** Parses and checks a value by the rules of its kind; never throws: what is wrong is in `errors`. */
export function validateIdentifier<K extends IdentifierKind>(kind: K, value: string): ValidatedIdentifier<K> {
  return VALIDATORS[kind](value) as ValidatedIdentifier<K>;
}

/**
 * The key a value is stored and matched under, without validating it: lenient, for searches, where a
 * value the standard would refuse can still be looked up. Empty when nothing of the value is left.
 */
export function normaliseKey(kind: IdentifierKind, value: string): string {
  return NORMALISERS[kind](value);
}
