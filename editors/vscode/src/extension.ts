// Starts `dlint lsp` for Dockerfiles and Containerfiles and restarts it when its settings change.
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

// The names `dlint check` lints in a directory, for files another extension gives a different language.
const DOCKERFILE_NAMES = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.containerfile}';

let client: LanguageClient | undefined;
// One channel for every restart of the server, which would otherwise open a new one each time.
let output: vscode.OutputChannel;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('dlint');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dlint.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dlint.path') || event.affectsConfiguration('dlint.config')) {
        void restart();
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

// A setting's path with `~` and `${workspaceFolder}` expanded; relative paths start at the first workspace
// folder. Bare command names (no separator) are left for the system to find on PATH.
function resolvePath(value: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  let resolved = value.replace(/\$\{workspaceFolder\}/g, folder ?? '');
  if (resolved === '~' || resolved.startsWith('~/')) {
    resolved = path.join(os.homedir(), resolved.slice(1));
  }
  const isCommandName = !resolved.includes('/') && !resolved.includes(path.sep);
  if (isCommandName || path.isAbsolute(resolved) || folder === undefined) {
    return resolved;
  }
  return path.resolve(folder, resolved);
}

function serverOptions(): ServerOptions {
  const settings = vscode.workspace.getConfiguration('dlint');
  const command = resolvePath(settings.get<string>('path') || 'dlint');
  const args = ['lsp'];
  const config = settings.get<string>('config');
  if (config) {
    args.push('--config', resolvePath(config));
  }
  return { command, args };
}

async function start(): Promise<void> {
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', pattern: DOCKERFILE_NAMES },
    ],
    outputChannel: output,
  };
  // The id `dlint` makes the client read the `dlint.trace.server` setting.
  const started = new LanguageClient('dlint', 'dlint', serverOptions(), clientOptions);
  try {
    await started.start();
    client = started;
  } catch (error) {
    const choice = await vscode.window.showErrorMessage(
      `dlint: the language server did not start (${String(error)}). Is \`dlint.path\` a dlint built with the \`lsp\` feature, and does \`dlint.config\` load?`,
      'Open Settings',
      'Show Output',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'dlint.');
    } else if (choice === 'Show Output') {
      output.show();
    }
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

async function restart(): Promise<void> {
  await stop();
  await start();
}
