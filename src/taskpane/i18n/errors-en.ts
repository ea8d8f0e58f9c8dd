import type { OfficeParams, ReadParams, UserErrorWording } from "../../core/errors/codes";

/**
 * The English wording of every user-facing error code (the French one is the error's message, from
 * src/core/errors/french.ts). Parameters that are French free text (a reader's detail, an Office action,
 * the hub's own words, a settings problem) are quoted as they are or left out, never translated here.
 */

const SAVE_AS = "open it in Excel (or LibreOffice) and save it as Excel Workbook (.xlsx)";
const TOO_BIG =
  "No SIAE report is that big: the file is damaged or was made to block reading. Do not open it; ask the structure to send its report again, saved from Excel or LibreOffice.";

const f = (p: ReadParams) => `“${p.file}”`;
const tooLarge = (p: ReadParams) =>
  `The workbook ${f(p)} is too large: delete the rows and columns beyond the table (Ctrl+End in Excel shows the last used cell), save, then try again.`;
const tooBig = (p: ReadParams) => `The file ${f(p)} was not read: it passes a reading limit. ${TOO_BIG}`;
const stopped = (p: ReadParams) =>
  `Reading the file ${f(p)} was stopped: it passes a reading limit. ${TOO_BIG}`;

const office = (text: string) => (_p: OfficeParams) => text;
const PAYLOAD =
  "Too much data for Excel at once (Excel on the web's 5 MB limit). Reduce the sheet's used range, or check the file with the bilan-iae command.";
const SAME_TIME = "Someone else changed the workbook at the same time. Try again in a moment.";

/** "a, b or c". */
const orList = (items: readonly string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
const n = (v: number) => v.toLocaleString("en-US");

export const USER_ERRORS_EN: UserErrorWording = {
  "read.empty-file": (p) =>
    `The file ${f(p)} is empty (0 bytes): check that you chose the right file, or send it again.`,
  "read.not-zip": (p) => `The file ${f(p)} is not an .xlsx Excel workbook: ${SAVE_AS}.`,
  "read.truncated": (p) =>
    `The file ${f(p)} is incomplete or damaged (interrupted copy or download?): get a complete copy, or ${SAVE_AS} again.`,
  "read.protected-or-xls": (p) =>
    `The file ${f(p)} is password-protected or in the old .xls format: open it in Excel and save it as .xlsx without a password.`,
  "read.not-xlsx": (p) => `The file ${f(p)} is an archive but not an .xlsx Excel workbook: ${SAVE_AS}.`,
  "read.no-sheet": (p) => `The workbook ${f(p)} has no sheet: add the employees sheet.`,
  "read.no-cells": (p) =>
    `The workbook ${f(p)} is empty (no filled cell): fill in the employees sheet, then try again.`,
  "read.too-many-rows": (p) =>
    `The workbook ${f(p)} is too large: no SIAE report has that many rows. Delete the useless rows (formatted empty rows, copies) or split the data, then try again.`,
  "read.too-many-cells": tooLarge,
  "read.too-many-formulas": (p) =>
    `The workbook ${f(p)} is too large: no SIAE report has that many formulas. Replace the formulas with their values (Copy, then Paste Special > Values) or delete the useless rows, save, then try again.`,
  "read.too-many-merges": (p) =>
    `The workbook ${f(p)} is too large: no SIAE report has that many merged cells. Unmerge the useless ones (Home > Merge & Center > Unmerge Cells), save, then try again.`,
  "read.file-too-large": tooBig,
  "read.too-many-parts": tooBig,
  "read.part-too-large": tooBig,
  "read.content-too-large": tooBig,
  "read.compression-bomb": tooBig,
  "read.too-many-strings": tooBig,
  "read.too-many-styles": tooBig,
  "read.read-timeout": stopped,
  "read.read-memory": stopped,
  "read.io": (p) => `The file ${f(p)} could not be opened: check the path and the read permissions.`,
  "read.unreadable": (p) => `The workbook ${f(p)} could not be read: ${SAVE_AS}, then try again.`,

  "office.InvalidOperationInCellEditMode": office(
    "Excel is editing a cell. Press Enter or Esc in the sheet, then try again.",
  ),
  "office.RequestPayloadSizeLimitExceeded": office(PAYLOAD),
  "office.ResponsePayloadSizeLimitExceeded": office(PAYLOAD),
  "office.ItemNotFound": office(
    "Excel cannot find the sheet or cell: it may have been renamed or deleted. Check the workbook again.",
  ),
  "office.GeneralException": office(
    "Excel met an internal error. Save the workbook, close and reopen the Bilan IAE pane, and try again.",
  ),
  "office.AccessDenied": office(
    "Excel refuses the change: the workbook or sheet may be protected or read-only. Remove the protection, then try again.",
  ),
  "office.InvalidArgument": office(
    "Excel refused a value sent by the add-in. Check again; if it persists, report it with the sheet's name.",
  ),
  "office.InvalidReference": office("The cell reference is not valid for Excel. Check again."),
  "office.InvalidOperation": office(
    "Excel does not allow this operation in the workbook's current state (protected sheet, merged cells or an active filter?).",
  ),
  "office.ApiNotFound": office(
    "This version of Excel lacks a feature the add-in needs. Update Excel or use Excel on the web.",
  ),
  "office.Conflict": office(SAME_TIME),
  "office.InsertDeleteConflict": office(SAME_TIME),
  "office.ActivityLimitReached": office(
    "Excel limits the number of operations under way. Wait a few seconds, then try again.",
  ),
  "office.RequestAborted": office("The request to Excel was interrupted. Try again."),
  "office.ServiceNotAvailable": office("Excel does not answer for now. Wait a few seconds, then try again."),
  "office.Unauthenticated": office("Your Microsoft session has expired. Sign in again, then try again."),
  "office.FilteredRangeConflict": office(
    "An active filter prevents the change. Remove the filter, then try again.",
  ),
  "office.unexpected": (p) =>
    `Excel returned an unexpected error${p.officeCode ? ` (${p.officeCode})` : ""}${p.detail ? `: ${p.detail}` : ""}. Try again; if it persists, report it.`,
  "office.bad-cell-address": (p) => `Invalid cell address: ${p.cell}.`,
  "office.no-change-events": () =>
    "This version of Excel does not report edits (ExcelApi 1.7): click “Check” after your corrections.",
  "limit.too-many-cells": (p) =>
    `The workbook has ${n(p.cells)} used cells, beyond the ${n(p.max)} the add-in can read (sheet “${p.sheet}” spans ${p.range}). Delete the empty rows and columns at the end of the sheet (often a stray value far from the table), or check the file with the bilan-iae command.`,
  "template.sheet-exists": (p) =>
    `The sheet “${p.sheet}” already exists in this workbook. Rename or delete it before creating the template: the add-in never overwrites your data.`,
  "template.sheets-exist": (p) =>
    `The workbook already has ${p.sheets.length > 1 ? "the sheets" : "a sheet"} ${p.sheets.map((s) => `“${s}”`).join(", ")}: rename ${p.sheets.length > 1 ? "them" : "it"} or start from an empty workbook to insert the template.`,
  "chart.sheet-missing": (p) => `Sheet “${p.sheet}” not found in the generated workbook: chart not added.`,
  "chart.drawing-exists": (p) => `Sheet “${p.sheet}” already holds a drawing: chart not added.`,

  "config.invalid": (p) =>
    `Invalid settings${p.source ? ` (${p.source})` : ""}: ${p.problems.join("; ")}. Fix the settings file, or delete the settings in question to go back to the defaults.`,

  "hub.url-invalid": (p) => `Invalid hub address: “${p.url}”. Example: https://bilan-iae.my-departement.fr`,
  "hub.url-not-http": (p) => `Invalid hub address: “${p.url}” (http or https expected).`,
  "hub.token-missing": () => "Hub access token missing: enter the token the department gave you.",
  "hub.unreachable": (p) =>
    `The department's hub (${p.url}) did not answer properly after ${p.attempts} attempt${p.attempts === 1 ? "" : "s"} in ${p.seconds} s (${
      p.status !== null ? `answer ${p.status}` : p.timedOut ? "timed out" : "hub unreachable"
    }). ` +
    (p.queued
      ? "The report is not lost: it will be sent again later."
      : "Check the hub's address and the network, then try again."),
  "hub.unauthorized": () =>
    "The hub refused the access token: check the token the department gave you (it may have been revoked).",
  "hub.refused": (p) => `The hub refused the request (status ${p.status})${p.detail ? `: ${p.detail}` : "."}`,
  "hub.bad-receipt": () => "Unexpected answer from the hub (unreadable receipt).",
  "hub.bad-json": () => "Unexpected answer from the hub (unreadable JSON).",
  "hub.bad-settings": (p) =>
    `The department's settings sent by the hub (${p.url}) cannot be used: ${p.problems.join("; ")}. The add-in keeps the settings it had; tell the department (or update the add-in).`,

  "consolidate.period-invalid": (p) =>
    `Invalid period: “${p.period}”. Examples: 2025, 2025-S1, 2025-Q1, 2025-03.`,
  "consolidate.token-refused": () =>
    "The hub refused the token (401): check the department's token, it may have been revoked.",
  "consolidate.token-not-department": () =>
    "This token does not open the consolidation (403): it takes a department token, not a structure's.",
  "consolidate.hub-unreachable": (p) =>
    `The hub (${p.url}) does not answer: check the address and your connection. If the address is right, ask the department's IT team to allow this pane to query the hub.`,
  "consolidate.hub-refused": (p) => `The hub refused the request: ${p.detail}`,
  "consolidate.hub-failed": (p) => `Consolidation from the hub failed: ${p.detail}`,
  "consolidate.not-xlsx": (p) =>
    `“${p.file}” is not an .xlsx workbook: it is left out. Save it as Excel Workbook (.xlsx), then drop it again.`,
  "consolidate.analysis-failed": (p) =>
    `“${p.file}” could not be analysed (${p.detail}). The other files are consolidated; open this one alone in the Check tab to learn more.`,

  "pane.not-xlsx": (p) =>
    `“${p.name}” is not an .xlsx workbook. Save it as Excel Workbook (.xlsx), then open it here.`,

  "usage.config-unreadable": (p) =>
    `Settings file “${p.path}” unreadable (${p.errno === "ENOENT" ? "not found" : (p.errno ?? "read error")}): check the path given to --config.`,
  "usage.unknown-option": (p) =>
    `Unknown option “${p.option}” for the command “${p.command}”. Type “bilan-iae ${p.command} --help” for the options.`,
  "usage.bad-option-value": (p) =>
    `Missing or invalid value for the option “${p.option}” of the command “${p.command}”.`,
  "usage.bad-arguments": (p) => `Invalid arguments for the command “${p.command}”: ${p.detail}`,
  "usage.unknown-subcommand": (p) => `Unknown subcommand “${p.command} ${p.sub}”: ${orList(p.choices)}.`,
  "usage.bad-siret": (p) => `Invalid SIRET “${p.value}”: 14 digits expected (--siret).`,
  "usage.missing-name": () => 'Company name missing: --name "STRUCTURE NAME".',
  "usage.missing-kind": () =>
    "Type missing: --kind ACI (or AI, EI, ETTI, EITI; several separated by commas).",
  "usage.unknown-kinds": (p) => `Unknown type “${p.kinds.join(", ")}”: ACI, AI, EI, ETTI or EITI.`,
  "usage.unknown-template-kind": (p) =>
    `Unknown structure type “${p.kind}”: choose among ${p.known.join(", ")}.`,
  "usage.missing-output": () =>
    "Give the file to create with -o, for example: bilan-iae template --kind ACI -o template.xlsx",
  "usage.cannot-write": (p) =>
    `Cannot write “${p.path}” (${p.errno ?? "error"}): check the folder, and that the file is not open in Excel.`,
  "usage.missing-secret": (p) =>
    `${p.secret === "structure-token" ? "Structure token" : "Department key"} missing: --${p.flag} VALUE or the environment variable ${p.env}.`,
  "usage.one-file-only": () =>
    "Give a single file: bilan-iae push FILE.xlsx --hub URL --token TOKEN --department-key KEY",
  "usage.missing-hub": () => "Hub address missing: --hub URL or the variable BILAN_IAE_HUB.",
  "usage.file-not-found": (p) => `File not found: ${p.path}`,
  "usage.no-input": (p) =>
    p.command === "consolidate"
      ? "Give .xlsx files or a folder: bilan-iae consolidate FOLDER"
      : `Give at least one .xlsx file: bilan-iae ${p.command} FILE.xlsx`,
  "usage.no-xlsx-found": (p) => `No .xlsx file found in: ${p.inputs.join(", ")}.`,
  "usage.hub-with-files": () => "With --hub, give no files: the consolidation comes from the hub.",
  "usage.missing-period": () => "Give the period with --hub: --period 2025 (or 2025-S1, 2025-Q1, 2025-03).",
  "usage.missing-department-token": () =>
    "Department token missing: --token TOKEN or the variable BILAN_IAE_TOKEN.",
  "usage.outbox-action": () => "Action expected: bilan-iae outbox list | bilan-iae outbox send --token TOKEN",
  "usage.bad-port": (p) => `Invalid port “${p.value}”: a number between 0 and 65535 is expected.`,
  "usage.missing-backup-file": () => "Backup file missing: bilan-iae hub backup FILE.",
  "usage.backup-postgres": () =>
    "DATABASE_URL is set (PostgreSQL): back up with pg_dump, not with “hub backup”.",
  "usage.token-target": () =>
    "Give either --siret SIRET (a structure's token) or --department (the department's token).",
  "usage.unknown-structure": (p) =>
    `Structure ${p.siret} unknown to the hub: register it first with “bilan-iae hub structure add”.`,
  "usage.missing-token-id": () =>
    "Token number missing: bilan-iae hub token revoke ID (see “bilan-iae hub token list”).",
  "usage.hub-environment": (p) => `The hub's environment variables are invalid: ${p.detail}`,
};
