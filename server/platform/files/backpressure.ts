import type { PassThrough } from 'node:stream';

/**
 * Lets the client read before a streamed file (an XLSX written row by row) produces more: one turn of the event
 * loop, then, if the client has fallen far behind, a wait until it has taken the buffer down to its high-water
 * mark or gone away. Memory stays flat however long the file.
 */
export async function yieldToReader(out: PassThrough): Promise<void> {
  await new Promise((r) => setImmediate(r));
  if (out.readableLength > out.readableHighWaterMark * 16) await drained(out);
}

function drained(s: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (s.destroyed || s.readableLength <= s.readableHighWaterMark) {
        s.off('data', check);
        s.off('close', check);
        resolve();
      }
    };
    s.on('data', check);
    s.on('close', check);
    check();
  });
}
