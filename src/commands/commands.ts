/*
 * FunctionFile of the ribbon (commands.html). The manifest's three buttons are ShowTaskpane actions,
 * which need no code here; this page only has to initialise Office.js. Any future ExecuteFunction
 * button must be registered below with Office.actions.associate(<FunctionName>, handler).
 */
const office = (globalThis as { Office?: typeof Office }).Office;
if (office) void office.onReady();
