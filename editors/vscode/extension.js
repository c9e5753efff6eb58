// Start `factlint lsp` for Markdown and plain-text documents. No build step: plain CommonJS.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("factlint");
  const [command, ...args] = settings.get("command", ["factlint", "lsp"]);
  const server = { command, args, transport: TransportKind.stdio };
  const documentSelector = ["file", "untitled"].flatMap((scheme) =>
    ["markdown", "plaintext"].map((language) => ({ scheme, language })));
  client = new LanguageClient("factlint", "factlint", { run: server, debug: server }, {
    documentSelector,
    initializationOptions: {
      debounce_ms: settings.get("debounceMs", 20),
      max_bytes: settings.get("maxBytes", 2000000),
    },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
