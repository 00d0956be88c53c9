import type { ClientSession, DataValue, OPCUAClient, UserIdentityInfo } from 'node-opcua-client';
import type { Point } from '../template/edge-template.ts';
import { type Collector, ConnectionLost, type Sample } from './collector.ts';

export interface OpcuaConnection {
  protocol: 'opcua';
  endpoint: string;
  security_mode?: 'None' | 'Sign' | 'SignAndEncrypt';
  security_policy?: 'None' | 'Basic256Sha256' | 'Aes128_Sha256_RsaOaep';
  username?: string;
  password?: string;
}

/**
 * OPC-UA through `node-opcua-client`: one session per device, a Value read per point. A bad or uncertain
 * status code is a gap (the server says the value is not to be trusted); a broken session is a lost
 * connection. Reconnection is the agent's (with jittered backoff), not the library's retry loop.
 * The client package, not the `node-opcua` meta-package: that one also brings the server, its address
 * space and the UA nodesets, which tripled the agent's bundle and its memory at start. It is loaded on
 * the first connect: the heaviest library of the agent, and most gateways read no OPC-UA server.
 */
export function opcuaCollector(connection: OpcuaConnection): Collector {
  let client: OPCUAClient | undefined;
  let session: ClientSession | undefined;
  let valueAttribute: number | undefined;
  return {
    protocol: 'opcua',
    async connect() {
      const { AttributeIds, MessageSecurityMode, OPCUAClient, SecurityPolicy, UserTokenType } = await import(
        'node-opcua-client'
      );
      valueAttribute = AttributeIds.Value;
      const c = OPCUAClient.create({
        applicationName: 'mrv-edge',
        endpointMustExist: false,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        securityMode: MessageSecurityMode[connection.security_mode ?? 'None'],
        securityPolicy: SecurityPolicy[connection.security_policy ?? 'None'],
        keepSessionAlive: true,
      });
      await c.connect(connection.endpoint);
      const identity: UserIdentityInfo = connection.username
        ? { type: UserTokenType.UserName, userName: connection.username, password: connection.password ?? '' }
        : { type: UserTokenType.Anonymous };
      try {
        session = await c.createSession(identity);
      } catch (error) {
        await c.disconnect();
        throw error;
      }
      c.on('connection_lost', () => {
        session = undefined;
      });
      client = c;
    },
    async collect(point: Point): Promise<Sample> {
      const s = session;
      if (!s) throw new ConnectionLost('opc-ua session closed');
      let dataValue: DataValue;
      try {
        dataValue = await s.read({ nodeId: point.node_id!, attributeId: valueAttribute! }, 0);
      } catch (error) {
        throw new ConnectionLost(`opc-ua: ${(error as Error).message}`);
      }
      if (!dataValue.statusCode.isGood()) return { gap: `opc-ua status ${dataValue.statusCode.name}` };
      const raw = dataValue.value?.value as unknown;
      const number = typeof raw === 'bigint' ? Number(raw) : raw;
      if (typeof number !== 'number' || !Number.isFinite(number))
        return { gap: 'opc-ua value is not a number' };
      return { value: number * point.scale + point.offset };
    },
    async close() {
      const s = session;
      const c = client;
      session = undefined;
      client = undefined;
      await s?.close().catch(() => undefined);
      await c?.disconnect().catch(() => undefined);
    },
  };
}
