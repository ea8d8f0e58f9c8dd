import type JSZip from "jszip";

/**
 * Native raw-DEFLATE inflater (Node: zlib, see read-file.ts), ten times faster than the portable one. It
 * calls onChunk for each inflated chunk and stops when onChunk returns false.
 */
export type InflateRaw = (compressed: Uint8Array, onChunk: (chunk: Uint8Array) => boolean) => Promise<void>;

/** jszip's internal view of a loaded entry (stable across jszip 3.x): compressed bytes, sizes and method. */
interface CompressedEntry {
  compressedContent?: Uint8Array;
  compressedSize?: number;
  compression?: { magic?: string };
}

interface StreamHelper {
  on(event: "data", cb: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", cb: (e: unknown) => void): StreamHelper;
  on(event: "end", cb: () => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}

function entryData(file: JSZip.JSZipObject): CompressedEntry | undefined {
  return (file as unknown as { _data?: CompressedEntry })._data;
}

/** The size of an entry in the zip, 0 when jszip does not say. */
export function compressedSize(file: JSZip.JSZipObject): number {
  const size = entryData(file)?.compressedSize;
  return typeof size === "number" && size > 0 ? size : 0;
}

/** The deflated bytes of an entry, when the native inflater can take them. */
function deflatedContent(file: JSZip.JSZipObject): Uint8Array | null {
  const entry = entryData(file);
  return entry?.compressedContent && entry.compression?.magic === "\x08\x00" ? entry.compressedContent : null;
}

/**
 * Streams one zip entry's inflated bytes to onChunk, in order. A throw from onChunk (a limit passed, a
 * parser giving up) stops the inflater at once and rejects with it: nothing more is inflated.
 */
export async function streamEntry(
  file: JSZip.JSZipObject,
  onChunk: (chunk: Uint8Array) => void,
  inflateRaw?: InflateRaw,
): Promise<void> {
  const deflated = inflateRaw ? deflatedContent(file) : null;
  if (inflateRaw && deflated) {
    let error: unknown = null;
    await inflateRaw(deflated, (chunk) => {
      try {
        onChunk(chunk);
        return true;
      } catch (e) {
        error = e;
        return false;
      }
    });
    if (error) throw error;
    return;
  }
  return new Promise((resolve, reject) => {
    // internalStream exists at runtime (jszip 3) but is not in its typings. Bytes: the parser scans them as
    // they are (jszip's own UTF-8 decoding is several times slower).
    const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream(
      "uint8array",
    );
    let failed = false;
    stream
      .on("data", (chunk: Uint8Array) => {
        if (failed) return;
        try {
          onChunk(chunk);
        } catch (e) {
          failed = true;
          stream.pause();
          reject(e);
        }
      })
      .on("error", (e: unknown) => {
        if (!failed) {
          failed = true;
          reject(e);
        }
      })
      .on("end", () => {
        if (!failed) resolve();
      })
      .resume();
  });
}

/** An entry's text (UTF-8), streamed through onBytes first (the limits). */
export async function entryText(
  file: JSZip.JSZipObject,
  onBytes: (bytes: number) => void,
  inflateRaw?: InflateRaw,
): Promise<string> {
  // Decoded chunk by chunk: the shared strings of a big report are megabytes, jszip's own decoding is slower.
  const decoder = new TextDecoder("utf-8");
  const parts: string[] = [];
  await streamEntry(
    file,
    (chunk) => {
      onBytes(chunk.length);
      parts.push(decoder.decode(chunk, { stream: true }));
    },
    inflateRaw,
  );
  parts.push(decoder.decode());
  return parts.join("");
}
