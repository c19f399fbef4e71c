// A line of a seizure result list, as types only: the server builds it and the web app reads it.

export interface SummaryRow {
  id: string;
  reference: string;
  status: string;
  orgName: string;
  seizedAt: string;
  country: string;
  region: string | null;
  locationType: string;
  categories: string[];
  departureCountry: string | null;
  destinationCountry: string | null;
  submittedAt: string | null;
  headline: string;
}
