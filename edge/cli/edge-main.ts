import '../packaging/sea-setup.ts';
import { main } from './mrv-edge.ts';

// The entry of the `mrv-edge` binary (edge/packaging/build-edge.ts bundles this file).
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `mrv-edge: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
