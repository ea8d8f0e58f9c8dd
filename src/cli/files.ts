import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export interface InputFile {
  path: string;
  /** As shown to the user (the path given, or relative inside a folder). */
  display: string;
  size: number;
}

/** Files as given; folders expanded recursively to their .xlsx files (sorted, Excel lock files "~$…" skipped). */
export async function expandInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await stat(input);
    } catch {
      // Missing paths are kept: reading them gives the French "introuvable" error for that file.
      out.push({ path: input, display: input, size: 0 });
      continue;
    }
    if (st.isDirectory()) {
      for (const f of await walk(input)) out.push(f);
    } else {
      out.push({ path: input, display: input, size: st.size });
    }
  }
  return out;
}

async function walk(dir: string): Promise<InputFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: InputFile[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) {
      const st = await stat(p);
      out.push({ path: p, display: p, size: st.size });
    }
  }
  return out;
}
