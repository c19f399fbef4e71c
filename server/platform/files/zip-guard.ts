import { openPromise } from 'yauzl';

/**
 * What an uploaded ZIP container (XLSX, DOCX) may unpack to. A bomb of a few megabytes can hold gigabytes of
 * one repeated string; the readers would take them into memory. Real spreadsheets compress about ten to one.
 */
export const ZIP_LIMITS = {
  /** Uncompressed bytes of one entry (a sheet of 200,000 seizure rows is about 150 MB). */
  entryBytes: 768 * 1024 * 1024,
  /** Uncompressed bytes of all the entries together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Uncompressed over compressed size of an entry over 1 MB. */
  ratio: 200,
  entries: 10_000,
};

export class ZipRefused extends Error {}

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * Checks a ZIP file before anything reads it: the sizes its directory declares (per entry, in total, the
 * ratio), then each entry inflated without keeping it, counting the bytes against what was declared (yauzl
 * stops at a mismatch). Throws ZipRefused with a sentence for the user.
 */
export async function checkZip(path: string, limits = ZIP_LIMITS): Promise<void> {
  let zip;
  try {
    zip = await openPromise(path, { validateEntrySizes: true, decodeStrings: true });
  } catch {
    throw new ZipRefused('the file is damaged or is not an XLSX workbook');
  }
  try {
    let total = 0;
    let count = 0;
    for await (const entry of zip.eachEntry()) {
      if (++count > limits.entries) throw new ZipRefused(`the workbook has more than ${limits.entries} parts`);
      const size = entry.uncompressedSize;
      total += size;
      if (size > limits.entryBytes) throw new ZipRefused(`a part of the workbook unpacks to ${mb(size)}, more than the ${mb(limits.entryBytes)} allowed`);
      if (total > limits.totalBytes) throw new ZipRefused(`the workbook unpacks to more than ${mb(limits.totalBytes)}`);
      if (size > 1024 * 1024 && size > limits.ratio * Math.max(1, entry.compressedSize))
        throw new ZipRefused(`a part of the workbook unpacks ${Math.round(size / Math.max(1, entry.compressedSize))} times its size, which no spreadsheet does (a ZIP bomb?)`);
      if (entry.fileName.endsWith('/')) continue;
      const stream = await zip.openReadStreamPromise(entry);
      let seen = 0;
      for await (const chunk of stream) {
        seen += (chunk as Buffer).length;
        if (seen > size) {
          stream.destroy();
          throw new ZipRefused('a part of the workbook unpacks to more than its directory says');
        }
      }
    }
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    throw new ZipRefused('the file is damaged or is not an XLSX workbook');
  } finally {
    zip.close();
  }
}
