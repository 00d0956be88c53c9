import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataType, OPCUACertificateManager, OPCUAServer, StatusCodes, type UAVariable } from 'node-opcua';
import { freePort } from './free-port.ts';

/**
 * An in-process OPC-UA server shaped like a plant SCADA: string node ids `ns=1;s=<Unit>.<Tag>` whose
 * values the test sets. `bad(tag)` gives a tag a Bad status code (a sensor fault in SCADA).
 */
export async function startOpcuaScadaServer(tags: Record<string, number>) {
  const port = await freePort();
  const pki = mkdtempSync(join(tmpdir(), 'opcua-pki-'));
  const server = new OPCUAServer({
    port,
    hostname: '127.0.0.1',
    serverCertificateManager: new OPCUACertificateManager({
      rootFolder: pki,
      automaticallyAcceptUnknownCertificate: true,
    }),
    buildInfo: { productName: 'hydro-mrv test SCADA' },
  });
  await server.initialize();
  const addressSpace = server.engine.addressSpace!;
  const namespace = addressSpace.getOwnNamespace();
  const folder = namespace.addFolder(addressSpace.rootFolder.objects, { browseName: 'Plant' });
  const nodes = new Map<string, UAVariable>();
  for (const [tag, value] of Object.entries(tags)) {
    nodes.set(
      tag,
      namespace.addVariable({
        componentOf: folder,
        browseName: tag,
        nodeId: `s=${tag}`,
        dataType: 'Double',
        value: { dataType: DataType.Double, value },
      }),
    );
  }
  await server.start();
  return {
    endpoint: `opc.tcp://127.0.0.1:${port}`,
    namespaceIndex: namespace.index,
    set(tag: string, value: number) {
      nodes.get(tag)!.setValueFromSource({ dataType: DataType.Double, value }, StatusCodes.Good);
    },
    bad(tag: string) {
      nodes
        .get(tag)!
        .setValueFromSource({ dataType: DataType.Double, value: 0 }, StatusCodes.BadSensorFailure);
    },
    close: () => server.shutdown(0),
  };
}
