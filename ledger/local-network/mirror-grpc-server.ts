/**
 * The mirror node's gRPC API: ConsensusService.subscribeTopic (history, then live messages) and
 * NetworkService.getNodes (the address book, so SDK network updates find this node).
 */
import * as grpc from '@grpc/grpc-js';
import type { ConsensusNode } from './consensus-node.ts';
import { accountIdProto, int64, timestampNs, timestampProto, toBig, topicNumOf } from './entity-id.ts';
import type { TopicMessage } from './ledger-state.ts';
import type { MirrorView } from './mirror-view.ts';
import { mirrorProto, proto } from './proto.ts';
import { transactionIdProto } from './record-proto.ts';
import { RUNNING_HASH_VERSION } from './running-hash.ts';

const identity = (b: Buffer) => b;
const streamMethod = (path: string): grpc.MethodDefinition<Buffer, Buffer> => ({
  path,
  requestStream: false,
  responseStream: true,
  requestSerialize: identity,
  requestDeserialize: identity,
  responseSerialize: identity,
  responseDeserialize: identity,
});

/** A gRPC error whose `code` grpc-js turns into the call's status. */
function grpcError(code: grpc.status, details: string): Error {
  return Object.assign(new Error(details), { code, details });
}

export function topicResponse(m: TopicMessage): Buffer {
  return Buffer.from(
    mirrorProto.ConsensusTopicResponse.encode({
      consensusTimestamp: timestampProto(m.consensusNs),
      message: m.message,
      runningHash: m.runningHash,
      sequenceNumber: int64(m.sequenceNumber),
      runningHashVersion: int64(RUNNING_HASH_VERSION),
      chunkInfo: m.chunk
        ? {
            initialTransactionID: transactionIdProto({
              payer: m.chunk.initialPayer,
              validStartNs: m.chunk.initialValidStartNs,
              nonce: m.chunk.initialNonce,
              scheduled: m.chunk.initialScheduled,
            }),
            number: m.chunk.number,
            total: m.chunk.total,
          }
        : null,
    }).finish(),
  );
}

export interface MirrorGrpcOptions {
  host: string;
  grpcPort: () => number;
  /** During an injected mirror outage every call fails with gRPC UNAVAILABLE. */
  inOutage?: () => boolean;
  /** What the mirror has ingested: with a `mirrorLag`, the stream shows a message once its endpoint group does. */
  view?: MirrorView;
}

/** How often a subscription looks for newly ingested messages while the mirror lags. */
const LAG_POLL_MS = 25;

export function addMirrorServices(
  server: grpc.Server,
  node: ConsensusNode,
  options: MirrorGrpcOptions,
): void {
  const down = (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
    if (!options.inOutage?.()) return false;
    call.emit('error', grpcError(grpc.status.UNAVAILABLE, 'mirror node unavailable (injected outage)'));
    return true;
  };
  const subscribeTopic: grpc.handleServerStreamingCall<Buffer, Buffer> = (call) => {
    if (down(call)) return;
    let query: ReturnType<typeof mirrorProto.ConsensusTopicQuery.decode>;
    try {
      query = mirrorProto.ConsensusTopicQuery.decode(call.request);
    } catch {
      call.emit('error', grpcError(grpc.status.INVALID_ARGUMENT, 'malformed ConsensusTopicQuery'));
      return;
    }
    const topicNum = topicNumOf(query.topicID);
    const limit = toBig(query.limit);
    if (topicNum === undefined || limit < 0n) {
      call.emit('error', grpcError(grpc.status.INVALID_ARGUMENT, 'invalid topic id or limit'));
      return;
    }
    if (!node.state.topics.has(topicNum)) {
      call.emit('error', grpcError(grpc.status.NOT_FOUND, 'Topic does not exist'));
      return;
    }
    const startNs = timestampNs(query.consensusStartTime);
    const endNs = query.consensusEndTime ? timestampNs(query.consensusEndTime) : undefined;
    let sent = 0n;
    let lastSeq = 0n;
    let done = false;
    let unsubscribe = () => {};
    const finish = () => {
      if (done) return;
      done = true;
      unsubscribe();
      call.end();
    };
    const ingested = (m: TopicMessage) =>
      !options.view || m.consensusNs <= options.view.watermarkNs('topicMessages');
    const send = (m: TopicMessage) => {
      if (done || m.sequenceNumber <= lastSeq || m.consensusNs < startNs || !ingested(m)) return;
      if (endNs !== undefined && m.consensusNs >= endNs) return finish();
      call.write(topicResponse(m));
      lastSeq = m.sequenceNumber;
      sent += 1n;
      if (limit > 0n && sent >= limit) finish();
    };
    // Subscribe before replaying history so nothing falls between the two.
    unsubscribe = node.onRecord((record) => {
      if (record.entityNum !== topicNum || record.status !== 'SUCCESS') return;
      const list = node.state.messages.get(topicNum) ?? [];
      for (let i = list.length - 1; i >= 0 && list[i]!.sequenceNumber > lastSeq; i--) {
        if (list[i]!.consensusNs === record.consensusNs) send(list[i]!);
      }
    });
    call.on('cancelled', () => {
      done = true;
      unsubscribe();
    });
    let next = 0;
    const catchUp = () => {
      const list = node.state.messages.get(topicNum) ?? [];
      for (; next < list.length && !done && ingested(list[next]!); next++) send(list[next]!);
    };
    catchUp();
    // A lagging mirror: messages held back at consensus are streamed once ingested, in sequence order.
    const poll = setInterval(() => {
      if (options.view?.lagging) catchUp();
    }, LAG_POLL_MS);
    poll.unref();
    const stopPolling = unsubscribe;
    unsubscribe = () => {
      clearInterval(poll);
      stopPolling();
    };
    if (endNs !== undefined) {
      const waitMs = Number((endNs - node.nowNs()) / 1_000_000n);
      if (waitMs <= 0) finish();
      else {
        // The mirror node completes a bounded subscription once its end time has passed.
        const timer = setTimeout(finish, Math.min(waitMs, 2_147_483_647));
        call.on('cancelled', () => clearTimeout(timer));
        const clearOnFinish = unsubscribe;
        unsubscribe = () => {
          clearTimeout(timer);
          clearOnFinish();
        };
      }
    }
  };

  const getNodes: grpc.handleServerStreamingCall<Buffer, Buffer> = (call) => {
    if (down(call)) return;
    const octets = options.host.split('.').map(Number);
    const ipv4 =
      octets.length === 4 && octets.every((o) => o >= 0 && o <= 255) ? Buffer.from(octets) : undefined;
    const address = proto.NodeAddress.encode({
      nodeId: int64(0n),
      nodeAccountId: accountIdProto(node.nodeAccount),
      serviceEndpoint: [
        ipv4
          ? { ipAddressV4: ipv4, port: options.grpcPort() }
          : { domainName: options.host, port: options.grpcPort() },
      ],
      description: 'hydro-mrv local node',
    }).finish();
    call.write(Buffer.from(address));
    call.end();
  };

  server.addService(
    { subscribeTopic: streamMethod('/com.hedera.mirror.api.proto.ConsensusService/subscribeTopic') },
    { subscribeTopic },
  );
  server.addService(
    { getNodes: streamMethod('/com.hedera.mirror.api.proto.NetworkService/getNodes') },
    { getNodes },
  );
}
