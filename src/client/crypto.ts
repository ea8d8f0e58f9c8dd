/**
 * WebCrypto, available both in browsers (the task pane) and in Node 20 (globalThis.crypto), so the client
 * computes the pseudonymous keys and content hashes with one implementation everywhere.
 */
function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c?.subtle) {
    throw new Error("WebCrypto indisponible : utilisez un navigateur récent ou Node.js 20 ou plus.");
  }
  return c.subtle;
}

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += bytes[i].toString(16).padStart(2, "0");
  return s;
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(await subtle().digest("SHA-256", encoder.encode(text)));
}

/** An HMAC-SHA-256 function bound to one key (the key is imported once, then reused for every record). */
export async function hmacSha256(key: string): Promise<(message: string) => Promise<string>> {
  const k = await subtle().importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  return async (message: string) => hex(await subtle().sign("HMAC", k, encoder.encode(message)));
}
