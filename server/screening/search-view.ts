// What a screening search takes, without runtime imports: the server reads it and the web app sends it.

/** Fields a search may give besides (or instead of) an identifier. */
export interface SearchFields {
  issuingCountry?: string;
  docType?: string;
  make?: string;
  model?: string;
  calibre?: string;
  firearmType?: string;
  colour?: string;
  year?: number;
  title?: string;
  artistOrCulture?: string;
  objectType?: string;
}
