// HTML escaping for the report webview: the one escaping of server/src/text/html.ts (also the
// customer report's). Every string that comes from a contract, from metric data or from the
// server goes through here before it is put into markup.
export { htmlText as escapeHtml } from '../../../server/src/text/html';
