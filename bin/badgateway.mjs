#!/usr/bin/env node
// The package bin. The CLI is TypeScript run directly by Node's type
// stripping, so an older Node gets a clear message instead of a SyntaxError.
const [major, minor] = process.versions.node.split('.').map(Number);
const strips = process.features?.typescript !== undefined ? Boolean(process.features.typescript) : major > 22 || (major === 22 && minor >= 18);
if (!strips) {
  process.stderr.write(
    `badgateway needs Node.js 22.18 or newer (24 LTS recommended) to run its TypeScript sources; this is Node ${process.versions.node}.\n` +
      'Install a newer Node (e.g. `nvm install 24`) or run it with `npx node bin/badgateway.mjs`.\n',
  );
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
