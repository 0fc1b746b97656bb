import type { Command } from 'commander';
import type { CliDeps } from '../program.js';

export function register(program: Command, deps: CliDeps): void {
  program
    .command('version')
    .description('print the tool version and the Node.js it runs on')
    .option('--json', 'machine-readable output', false)
    .action((options: { json: boolean }) => {
      const info = { name: 'push-doctor', version: deps.version, node: process.versions.node };
      deps.stdout(options.json ? `${JSON.stringify(info)}\n` : `push-doctor ${info.version} (Node.js ${info.node})\n`);
    });
}
