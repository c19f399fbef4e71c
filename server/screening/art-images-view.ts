// An image of a work of art as the API lists it, without runtime imports: the server builds it and the web app reads it.

export interface ArtImage {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}
