/**
 * The consensus node's gRPC services (proto.ConsensusService, proto.CryptoService, proto.TokenService), plain
 * text, speaking the raw Hedera protobufs. Faults are applied here, at the network edge.
 */
import * as grpc from '@grpc/grpc-js';
import { answerQuery } from './answer-query.ts';
import type { ConsensusNode } from './consensus-node.ts';
import type { FaultInjector } from './fault-injector.ts';
import { proto, type StatusName } from './proto.ts';

/** A method of Hedera's gRPC services that carries a Query (the rest carry a Transaction). */
const QUERY_METHOD =
  /^(get|cryptoGetBalance$|contractCallLocalMethod$|contractGetBytecode$|getTxRecordByContractID$)/;

/**
 * Every service and method of Hedera's node API, from the proto classes the SDK bundles. Each one is
 * served: what is not simulated answers NOT_SUPPORTED at precheck (see simulation-table.ts) instead of
 * gRPC UNIMPLEMENTED, as a real node does for a disabled feature.
 */
function hederaServices(): Record<string, string[]> {
  const services: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(proto)) {
    if (!name.endsWith('Service') || typeof value !== 'function') continue;
    const methods = Object.getOwnPropertyNames(value.prototype).filter((m) => m !== 'constructor');
    if (methods.length > 0) services[name] = methods;
  }
  return services;
}

const identity = (b: Buffer) => b;

function method(service: string, name: string): grpc.MethodDefinition<Buffer, Buffer> {
  return {
    path: `/proto.${service}/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  };
}

function transactionResponse(status: StatusName): Buffer {
  return Buffer.from(
    proto.TransactionResponse.encode({
      nodeTransactionPrecheckCode: proto.ResponseCodeEnum[status],
    }).finish(),
  );
}

const unavailable = (details: string) => ({ code: grpc.status.UNAVAILABLE, details });

export function addNodeServices(server: grpc.Server, node: ConsensusNode, faults: FaultInjector): void {
  const submit: grpc.handleUnaryCall<Buffer, Buffer> = (call, callback) => {
    if (faults.inOutage()) return callback(unavailable('node unavailable (injected outage)'));
    if (faults.roll('busy')) return callback(null, transactionResponse('BUSY'));
    if (faults.roll('platformNotActive')) return callback(null, transactionResponse('PLATFORM_NOT_ACTIVE'));
    const expire = faults.roll('delayConsensusPastValidWindow');
    const result = node.submit(call.request, { expire });
    if (result.precheck === 'OK' && faults.roll('dropResponseAfterConsensus')) {
      // The transaction is in the ledger; only the answer is lost.
      if (faults.dropMode === 'hang') return;
      return callback(unavailable('connection lost after submission (injected)'));
    }
    callback(null, transactionResponse(result.precheck));
  };
  const query: grpc.handleUnaryCall<Buffer, Buffer> = (call, callback) => {
    if (faults.inOutage()) return callback(unavailable('node unavailable (injected outage)'));
    const forced = faults.roll('busy')
      ? 'BUSY'
      : faults.roll('platformNotActive')
        ? 'PLATFORM_NOT_ACTIVE'
        : undefined;
    callback(null, answerQuery(node, call.request, forced));
  };
  for (const [service, methods] of Object.entries(hederaServices())) {
    const definition: Record<string, grpc.MethodDefinition<Buffer, Buffer>> = {};
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const name of methods) {
      definition[name] = method(service, name);
      handlers[name] = QUERY_METHOD.test(name) ? query : submit;
    }
    server.addService(definition, handlers);
  }
}
