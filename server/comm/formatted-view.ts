// A formatted message's fields as the API returns them beside its text, without runtime imports:
// the server labels them and the web app shows them.

/** One filled field, labelled in the reader's language; a group's items come as rows of entries. */
export interface RenderedField {
  key: string;
  type: string;
  label: string;
  value: unknown;
  display?: string;
  entries?: { key: string; type: string; label: string; value: unknown; display: string }[][];
}

export interface RenderedSection {
  key: string;
  label: string;
  fields: RenderedField[];
}
