import JSZip from "jszip";
import { isIndicatorsSheetName } from "../core";

/**
 * What the annotated copy cannot carry over: ExcelJS, which rewrites the workbook, drops charts, pivot tables,
 * slicers and drawn shapes. The pane says so when the copy is downloaded (the original keeps them). Our own
 * Indicateurs charts are not counted: the copy draws them again.
 */
export interface NotKept {
  charts: number;
  pivotTables: number;
  /** Shapes, text boxes and slicers: drawn objects other than pictures and charts. */
  shapes: number;
}

/** Reads only the part names and the small chart and drawing parts; the caller has already checked the file's limits. */
export async function notKeptByAnnotation(bytes: Uint8Array): Promise<NotKept> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files);
  let charts = 0;
  for (const name of names.filter((n) => /^xl\/charts\/chart\d*\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async("string");
    if (!drawsOnlyIndicators(xml)) charts++;
  }
  let shapes = names.filter((n) => /^xl\/slicers\/.+\.xml$/i.test(n)).length;
  for (const name of names.filter((n) => /^xl\/drawings\/[^/]+\.xml$/i.test(n))) {
    const xml = await zip.file(name)!.async("string");
    shapes += (xml.match(/<(?:\w+:)?sp>|<(?:\w+:)?sp\s/g) ?? []).length;
  }
  return {
    charts,
    pivotTables: names.filter((n) => /^xl\/pivotTables\/pivotTable\d*\.xml$/i.test(n)).length,
    shapes,
  };
}

/** A chart all of whose references name an Indicateurs sheet is the one this add-in drew. */
function drawsOnlyIndicators(chartXml: string): boolean {
  const refs = [...chartXml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) =>
    m[1].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
  );
  if (refs.length === 0) return false;
  return refs.every((ref) => {
    const bang = ref.lastIndexOf("!");
    if (bang < 0) return false;
    const sheet = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, "$1")
      .replace(/''/g, "'");
    return isIndicatorsSheetName(sheet);
  });
}
