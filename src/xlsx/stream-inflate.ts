import type { InflateRaw } from "./zip-entry";

/**
 * The browser's native raw-DEFLATE inflater (DecompressionStream "deflate-raw"), several times faster than jszip's
 * portable one; undefined where the browser lacks it (older webviews), and the reader then uses jszip's.
 */
export function streamInflateRaw(): InflateRaw | undefined {
  if (typeof DecompressionStream === "undefined") return undefined;
  try {
    new DecompressionStream("deflate-raw");
  } catch {
    return undefined; // the format is unknown to this browser: jszip's inflater does the work
  }
  return async (compressed, onChunk) => {
    const stream = new DecompressionStream("deflate-raw");
    const writer = stream.writable.getWriter();
    // A damaged stream rejects the write and the read alike: the read's rejection is the one reported.
    writer
      .write(compressed as Uint8Array<ArrayBuffer>)
      .then(() => writer.close())
      .catch(() => undefined);
    const reader = stream.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (!onChunk(value)) {
        await reader.cancel();
        return;
      }
    }
  };
}
