// Offline check of manifest.xml (Microsoft's `office-addin-manifest validate` needs an online
// service; this one runs anywhere). Usage: node scripts/validate-manifest.js [manifest.xml]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { URL } = require("node:url");

/** Order of the OfficeApp children for a TaskPaneApp (OfficeAppManifestv1.1.xsd; learn.microsoft.com "manifest element ordering"). */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];
const REQUIRED_CHILDREN = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
];
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const VERSION = /^\d{1,5}(\.\d{1,5}){3}$/;
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadWriteDocument", "WriteDocument", "ReadAllDocument"];

class XmlError extends Error {}

/**
 * A small strict XML parser (elements, attributes, text, comments, CDATA, processing
 * instructions, the five predefined entities and character references). Enough for a manifest,
 * and strict: any malformation throws with its line number.
 */
function parseXml(text) {
  let i = 0;
  const lineAt = (pos) => text.slice(0, pos).split("\n").length;
  const fail = (msg, pos = i) => {
    throw new XmlError(`${msg} (ligne ${lineAt(pos)})`);
  };
  const decode = (s, pos) =>
    s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);|&/g, (m, ent) => {
      if (!ent) fail("caractère « & » non échappé", pos);
      if (ent[0] === "#")
        return String.fromCodePoint(ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
      const map = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
      if (!(ent in map)) fail(`entité inconnue &${ent};`, pos);
      return map[ent];
    });
  const NAME = /[A-Za-z_][\w.:-]*/y;
  const readName = () => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) fail("nom d'élément ou d'attribut attendu");
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith("<?", i)) {
        const end = text.indexOf("?>", i);
        if (end < 0) fail("instruction <? non fermée");
        i = end + 2;
      } else if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i);
        if (end < 0) fail("commentaire non fermé");
        i = end + 3;
      } else return;
    }
  };
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  skipMisc();
  if (text.startsWith("<!DOCTYPE", i)) fail("DOCTYPE non autorisé dans un manifeste");
  const parseElement = (parent) => {
    const start = i;
    if (text[i] !== "<") fail("élément attendu");
    i++;
    const node = { name: readName(), attrs: {}, children: [], text: "", line: lineAt(start), parent };
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith("/>", i)) {
        i += 2;
        return node;
      }
      if (text[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail(`espace attendu entre les attributs de <${node.name}>`);
      const attr = readName();
      skipSpace();
      if (text[i] !== "=") fail(`« = » attendu après l'attribut ${attr}`);
      i++;
      skipSpace();
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`valeur entre guillemets attendue pour l'attribut ${attr}`);
      const end = text.indexOf(q, i + 1);
      if (end < 0) fail(`valeur de l'attribut ${attr} non fermée`);
      const raw = text.slice(i + 1, end);
      if (raw.includes("<")) fail(`« < » interdit dans l'attribut ${attr}`);
      if (attr in node.attrs) fail(`attribut ${attr} en double dans <${node.name}>`);
      node.attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      if (i >= text.length) fail(`élément <${node.name}> non fermé`, start);
      if (text.startsWith("</", i)) {
        i += 2;
        const name = readName();
        if (name !== node.name) fail(`balise fermante </${name}> alors que <${node.name}> est ouvert`);
        skipSpace();
        if (text[i] !== ">") fail("« > » attendu");
        i++;
        return node;
      }
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i);
        if (end < 0) fail("commentaire non fermé");
        i = end + 3;
      } else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("section CDATA non fermée");
        node.text += text.slice(i + 9, end);
        i = end + 3;
      } else if (text.startsWith("<?", i)) {
        const end = text.indexOf("?>", i);
        if (end < 0) fail("instruction <? non fermée");
        i = end + 2;
      } else if (text[i] === "<") {
        node.children.push(parseElement(node));
      } else {
        const end = text.indexOf("<", i);
        const stop = end < 0 ? text.length : end;
        node.text += decode(text.slice(i, stop), i);
        i = stop;
      }
    }
  };
  const root = parseElement(null);
  skipMisc();
  if (i < text.length) fail("contenu après l'élément racine");
  return root;
}

const local = (name) => name.slice(name.indexOf(":") + 1);
function* walk(node) {
  yield node;
  for (const c of node.children) yield* walk(c);
}
const child = (node, name) => node.children.find((c) => local(c.name) === name);

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, k) => buf[k] !== b) || buf.toString("ascii", 12, 16) !== "IHDR")
    return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/**
 * Checks a manifest's text. `rootDir` is where `assets/` lives (icon URLs are mapped to files by
 * their path). Returns the list of problems in French (empty = valid).
 */
function validateManifest(xmlText, { rootDir = process.cwd() } = {}) {
  const problems = [];
  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlError) return [`XML mal formé : ${e.message}`];
    throw e;
  }
  if (local(root.name) !== "OfficeApp") return [`l'élément racine doit être <OfficeApp>, pas <${root.name}>`];
  if (root.attrs["xsi:type"] !== "TaskPaneApp")
    problems.push(
      `OfficeApp doit avoir xsi:type="TaskPaneApp" (trouvé : ${root.attrs["xsi:type"] ?? "rien"})`,
    );

  // Element order and presence of the top-level children.
  let last = -1;
  for (const c of root.children) {
    const pos = OFFICE_APP_ORDER.indexOf(local(c.name));
    if (pos < 0) problems.push(`élément <${c.name}> inattendu sous <OfficeApp> (ligne ${c.line})`);
    else if (pos < last)
      problems.push(
        `élément <${c.name}> mal placé (ligne ${c.line}) : il doit venir avant <${OFFICE_APP_ORDER[last]}>`,
      );
    else if (pos === last) problems.push(`élément <${c.name}> en double (ligne ${c.line})`);
    else last = pos;
  }
  for (const name of REQUIRED_CHILDREN)
    if (!child(root, name)) problems.push(`élément obligatoire <${name}> absent`);

  const id = child(root, "Id")?.text.trim();
  if (id !== undefined && !GUID.test(id))
    problems.push(`<Id> doit être un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), trouvé « ${id} »`);
  const version = child(root, "Version")?.text.trim();
  if (version !== undefined && !VERSION.test(version))
    problems.push(`<Version> doit être au format n.n.n.n, trouvé « ${version} »`);
  const permissions = child(root, "Permissions")?.text.trim();
  if (permissions !== undefined && !PERMISSIONS.includes(permissions))
    problems.push(`<Permissions> inconnue : « ${permissions} »`);

  // Lengths of the display name and description, default and overrides.
  for (const [name, max] of [
    ["DisplayName", 125],
    ["Description", 250],
  ]) {
    const el = child(root, name);
    if (!el) continue;
    const values = [
      el.attrs.DefaultValue,
      ...el.children.filter((c) => local(c.name) === "Override").map((c) => c.attrs.Value),
    ];
    if (el.attrs.DefaultValue === undefined || el.attrs.DefaultValue.trim() === "")
      problems.push(`<${name}> doit avoir un DefaultValue non vide`);
    for (const v of values)
      if (v !== undefined && [...v].length > max)
        problems.push(`<${name}> dépasse ${max} caractères (${[...v].length}) : « ${v.slice(0, 40)}… »`);
  }

  // Requirement set.
  const sets = child(root, "Requirements") && child(child(root, "Requirements"), "Sets");
  const excelSet = sets?.children.find((c) => local(c.name) === "Set" && c.attrs.Name === "ExcelApi");
  if (!excelSet)
    problems.push(
      'ensemble de conditions requises absent : déclarez <Requirements><Sets><Set Name="ExcelApi" MinVersion="1.9"/></Sets></Requirements>',
    );
  else if (!/^\d+\.\d+$/.test(excelSet.attrs.MinVersion ?? ""))
    problems.push(`ExcelApi : MinVersion invalide « ${excelSet.attrs.MinVersion ?? ""} »`);

  // Every URL must be https (localhost included).
  for (const node of walk(root)) {
    const candidates = [];
    for (const [k, v] of Object.entries(node.attrs))
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !k.startsWith("xmlns")) candidates.push(v);
    if (node.children.length === 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(node.text.trim()))
      candidates.push(node.text.trim());
    for (const url of candidates) {
      if (!/^https:\/\//i.test(url))
        problems.push(`URL non https dans <${node.name}> (ligne ${node.line}) : ${url}`);
      else {
        try {
          new URL(url);
        } catch {
          problems.push(`URL invalide dans <${node.name}> (ligne ${node.line}) : ${url}`);
        }
      }
    }
  }

  // Resources: ids ≤ 32 chars, unique; short strings ≤ 125, long strings ≤ 250.
  const resources = new Map();
  for (const node of walk(root)) {
    if (local(node.name) !== "Resources") continue;
    for (const group of node.children) {
      for (const res of group.children) {
        const rid = res.attrs.id;
        if (rid === undefined) {
          problems.push(`ressource <${res.name}> sans attribut id (ligne ${res.line})`);
          continue;
        }
        if (rid.length > 32)
          problems.push(`identifiant de ressource trop long (${rid.length} > 32) : « ${rid} »`);
        if (resources.has(rid)) problems.push(`identifiant de ressource en double : « ${rid} »`);
        resources.set(rid, { kind: local(group.name), node: res });
        const max =
          local(group.name) === "ShortStrings" ? 125 : local(group.name) === "LongStrings" ? 250 : null;
        if (max !== null) {
          const values = [res.attrs.DefaultValue, ...res.children.map((c) => c.attrs.Value)];
          for (const v of values)
            if (v !== undefined && [...v].length > max)
              problems.push(`texte « ${rid} » trop long (${[...v].length} > ${max})`);
        }
      }
    }
  }
  for (const node of walk(root)) {
    const rid = node.attrs.resid;
    if (rid === undefined) continue;
    if (rid.length > 32)
      problems.push(`resid trop long (${rid.length} > 32) : « ${rid} » (ligne ${node.line})`);
    if (!resources.has(rid))
      problems.push(`resid « ${rid} » introuvable dans <Resources> (ligne ${node.line})`);
  }

  // Icons: the file exists under assets/ and has the declared pixel size.
  const checkIcon = (url, size, where) => {
    let file;
    try {
      file = path.join(rootDir, decodeURIComponent(new URL(url).pathname));
    } catch {
      return; // reported above as an invalid URL
    }
    const rel = path.relative(rootDir, file);
    if (!rel.startsWith(`assets${path.sep}`)) {
      problems.push(`${where} : l'icône doit être servie depuis assets/ (trouvé ${url})`);
      return;
    }
    if (!fs.existsSync(file)) {
      problems.push(`${where} : fichier d'icône introuvable ${rel}`);
      return;
    }
    const dim = pngSize(fs.readFileSync(file));
    if (!dim) problems.push(`${where} : ${rel} n'est pas une image PNG`);
    else if (!size.includes(dim.width) || dim.height !== dim.width)
      problems.push(
        `${where} : ${rel} mesure ${dim.width}×${dim.height} px, attendu ${size.join(" ou ")} px`,
      );
  };
  const iconUrl = child(root, "IconUrl")?.attrs.DefaultValue;
  if (iconUrl) checkIcon(iconUrl, [32, 64], "IconUrl");
  const hiRes = child(root, "HighResolutionIconUrl")?.attrs.DefaultValue;
  if (hiRes) checkIcon(hiRes, [64, 128], "HighResolutionIconUrl");
  const checkedImages = new Set();
  for (const node of walk(root)) {
    if (local(node.name) !== "Image" || node.attrs.resid === undefined) continue;
    const res = resources.get(node.attrs.resid);
    const size = Number(node.attrs.size);
    const key = `${node.attrs.resid}@${size}`;
    if (!res || checkedImages.has(key)) continue;
    checkedImages.add(key);
    if (res.kind !== "Images")
      problems.push(`resid « ${node.attrs.resid} » utilisé comme image mais déclaré dans ${res.kind}`);
    else if (res.node.attrs.DefaultValue)
      checkIcon(res.node.attrs.DefaultValue, [size], `image « ${node.attrs.resid} » (${size} px)`);
  }
  return problems;
}

module.exports = { validateManifest, parseXml, pngSize, XmlError };

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "manifest.xml"));
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    console.error(`Impossible de lire ${file} : ${e.message}`);
    process.exit(1);
  }
  const problems = validateManifest(text, { rootDir: path.join(__dirname, "..") });
  if (problems.length === 0) {
    console.log(`Manifeste valide : ${path.relative(process.cwd(), file) || file}`);
  } else {
    console.error(
      `Manifeste invalide (${problems.length} problème${problems.length > 1 ? "s" : ""}) : ${file}`,
    );
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
}
