/**
 * HCS topic running hash, version 3, exactly as Hedera's consensus node computes it
 * (ConsensusSubmitMessageHandler in hedera-services): SHA-384 over a Java ObjectOutputStream holding
 *   writeObject(previousRunningHash: byte[48]), writeLong(3), writeLong(payer shard, realm, num),
 *   writeLong(topic shard, realm, num), writeLong(consensus seconds), writeInt(consensus nanos),
 *   writeLong(new sequence number), writeObject(SHA-384(message): byte[48]).
 * Java serialization framing is part of the hashed bytes, so it is reproduced byte for byte here.
 */
import { createHash } from 'node:crypto';

export const RUNNING_HASH_VERSION = 3n;
export const RUNNING_HASH_BYTES = 48;

const STREAM_HEADER = Buffer.from([0xac, 0xed, 0x00, 0x05]);
// TC_ARRAY, TC_CLASSDESC, "[B", serialVersionUID of byte[], SC_SERIALIZABLE, 0 fields, TC_ENDBLOCKDATA, TC_NULL
const FIRST_BYTE_ARRAY = Buffer.from([
  0x75, 0x72, 0x00, 0x02, 0x5b, 0x42, 0xac, 0xf3, 0x17, 0xf8, 0x06, 0x08, 0x54, 0xe0, 0x02, 0x00, 0x00, 0x78,
  0x70,
]);
// TC_ARRAY, TC_REFERENCE to the first handle (the byte[] class descriptor)
const LATER_BYTE_ARRAY = Buffer.from([0x75, 0x71, 0x00, 0x7e, 0x00, 0x00]);
const TC_BLOCKDATA = 0x77;

export interface RunningHashInput {
  previousRunningHash: Uint8Array;
  payer: { shard: bigint; realm: bigint; num: bigint };
  topic: { shard: bigint; realm: bigint; num: bigint };
  consensusSeconds: bigint;
  consensusNanos: number;
  sequenceNumber: bigint;
  message: Uint8Array;
}

function javaByteArray(prefix: Buffer, bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return Buffer.concat([prefix, length, bytes]);
}

/** The next running hash of a topic after appending one message. */
export function nextRunningHash(input: RunningHashInput): Buffer {
  if (input.previousRunningHash.length !== RUNNING_HASH_BYTES) {
    throw new RangeError(`previous running hash must be ${RUNNING_HASH_BYTES} bytes`);
  }
  const block = Buffer.alloc(8 * 9 + 4);
  let at = 0;
  const long = (v: bigint) => {
    at = block.writeBigInt64BE(v, at);
  };
  long(RUNNING_HASH_VERSION);
  long(input.payer.shard);
  long(input.payer.realm);
  long(input.payer.num);
  long(input.topic.shard);
  long(input.topic.realm);
  long(input.topic.num);
  long(input.consensusSeconds);
  at = block.writeInt32BE(input.consensusNanos, at);
  long(input.sequenceNumber);
  const messageHash = createHash('sha384').update(input.message).digest();
  const serialized = Buffer.concat([
    STREAM_HEADER,
    javaByteArray(FIRST_BYTE_ARRAY, input.previousRunningHash),
    Buffer.from([TC_BLOCKDATA, block.length]),
    block,
    javaByteArray(LATER_BYTE_ARRAY, messageHash),
  ]);
  return createHash('sha384').update(serialized).digest();
}
