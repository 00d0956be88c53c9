/**
 * The consensus node's gRPC services (proto.ConsensusService, proto.CryptoService, proto.TokenService), plain
 * text, speaking the raw Hedera protobufs. Faults are applied here, at the network edge.
 */
import * as grpc from '@grpc/grpc-js';
import { answerQuery } from './answer-query.ts';
import type { ConsensusNode } from './consensus-node.ts';
import type { FaultInjector } from './fault-injector.ts';
import { proto, type StatusName } from './proto.ts';

const TRANSACTION_METHODS: Readonly<Record<string, string[]>> = {
  ConsensusService: ['createTopic', 'updateTopic', 'deleteTopic', 'submitMessage'],
  CryptoService: [
    'createAccount',
    'updateAccount',
    'cryptoTransfer',
    'cryptoDelete',
    'approveAllowances',
    'deleteAllowances',
  ],
  TokenService: [
    'createToken',
    'updateToken',
    'mintToken',
    'burnToken',
    'deleteToken',
    'wipeTokenAccount',
    'freezeTokenAccount',
    'unfreezeTokenAccount',
    'grantKycToTokenAccount',
    'revokeKycFromTokenAccount',
    'associateTokens',
    'dissociateTokens',
  ],
};
const QUERY_METHODS: Readonly<Record<string, string[]>> = {
  ConsensusService: ['getTopicInfo'],
  CryptoService: [
    'cryptoGetBalance',
    'getAccountInfo',
    'getTransactionReceipts',
    'getTxRecordByTxID',
    'getAccountRecords',
  ],
  TokenService: ['getTokenInfo'],
};

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
  for (const service of Object.keys(TRANSACTION_METHODS)) {
    const definition: Record<string, grpc.MethodDefinition<Buffer, Buffer>> = {};
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const name of TRANSACTION_METHODS[service]!) {
      definition[name] = method(service, name);
      handlers[name] = submit;
    }
    for (const name of QUERY_METHODS[service]!) {
      definition[name] = method(service, name);
      handlers[name] = query;
    }
    server.addService(definition, handlers);
  }
}
