import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAsset, isSea } from 'node:sea';
import { setFlagsFromString } from 'node:v8';

/**
 * Inside the single executable, the parts that are files in node_modules come from SEA assets:
 * SQLite's wasm (handed to node-sqlite3-wasm as `wasmBinary`) and the serial-port native binding
 * for this target (written once to a temp file and dlopen'ed). The build patches both libraries to
 * look here first (edge/packaging/build-edge.ts). Imported first by the binary's entry.
 */
function seaSafe(): boolean {
  try {
    return isSea();
  } catch {
    return false;
  }
}

if (seaSafe()) {
  // SQLite's wasm runs on Liftoff, V8's baseline compiler, only. Tiering its hot functions up to
  // TurboFan on background threads left ~30 MB in glibc's per-thread arenas for good (measured with
  // smaps: agent at rest 120 → 90 MB RSS); the buffer's speed is bound by fsync, not by the wasm code.
  // Set before the module is compiled; a wasm flag is read at compile time.
  setFlagsFromString('--liftoff-only');
  const g = globalThis as Record<string, unknown>;
  g.__mrvSqliteModule = { wasmBinary: new Uint8Array(getAsset('sqlite.wasm')) };
  g.__mrvSerialBinding = () => {
    const dir = join(tmpdir(), `mrv-edge-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'serialport.node');
    writeFileSync(file, new Uint8Array(getAsset('serialport.node')));
    const module = { exports: {} as unknown };
    process.dlopen(module, file);
    return module.exports;
  };
}
