import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAsset, isSea } from 'node:sea';

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
