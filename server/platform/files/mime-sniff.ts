import { isUtf8 } from 'node:buffer';
import { fileTypeFromBuffer } from 'file-type';

/**
 * The type of a file judged by its content, never by its name or the client's
 * claim. Formats with a signature come from `file-type`; otherwise valid UTF-8
 * without NUL bytes is plain text and anything else is opaque binary.
 */
export async function sniffMime(data: Buffer): Promise<string> {
  const detected = await fileTypeFromBuffer(data);
  if (detected) return detected.mime;
  if (!data.includes(0) && isUtf8(data)) return 'text/plain';
  return 'application/octet-stream';
}
