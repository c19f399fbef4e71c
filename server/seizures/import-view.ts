// What the import API answers, as types only: the server builds these and the web app reads them.

export type CommitMode = 'all' | 'valid';
export type ImportStatus = 'uploaded' | 'validating' | 'validated' | 'committing' | 'committed' | 'failed';
export interface ImportError {
  row: number;
  column: string | null;
  field: string;
  message: string;
  /** Text that looks like personal data: an error unless the import is committed with acceptNominalWarnings. */
  nominal?: boolean;
}

export interface ImportView {
  id: string;
  status: ImportStatus;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sizeBytes: number;
  columns: string[];
  suggestedMapping: Record<string, string>;
  mapping: Record<string, string> | null;
  sample: string[][];
  totalRows: number | null;
  processedRows: number;
  validRows: number;
  errorRows: number;
  nominalRows: number;
  alreadyStored: number;
  progress: number;
  errors: ImportError[];
  inserted: number;
  skipped: number;
  commitMode: CommitMode | null;
  submit: boolean;
  acceptNominalWarnings: boolean;
  detail: string | null;
  createdAt: string;
  updatedAt: string;
  committedAt: string | null;
}
