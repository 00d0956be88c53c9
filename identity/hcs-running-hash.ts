import { createHash } from 'node:crypto';

/**
 * HCS topic running hash, version 3, as Hedera's consensus nodes compute it: SHA-384 over the Java
 * ObjectOutputStream bytes of (previous running hash, version 3, payer shard/realm/num, topic
 * shard/realm/num, consensus seconds, consensus nanos, sequence number, SHA-384(message)).
 * Implemented here independently of the local network, so an auditor's check does not share its code
 * with the thing being checked.
 */
export function hcsRunningHashV3(input: {
  previousRunningHash: Uint8Array;
  payerAccountId: string;
  topicId: string;
  /** Mirror form `seconds.nanos`. */
  consensusTimestamp: string;
  sequenceNumber: number;
  message: Uint8Array;
}): Uint8Array {
  const payer = entity(input.payerAccountId);
  const topic = entity(input.topicId);
  const [seconds = '0', nanos = '0'] = input.consensusTimestamp.split('.');
  const fields = Buffer.alloc(8 * 9 + 4);
  let at = 0;
  for (const v of [3n, ...payer, ...topic, BigInt(seconds)]) at = fields.writeBigInt64BE(v, at);
  at = fields.writeInt32BE(Number(nanos.padEnd(9, '0').slice(0, 9)), at);
  fields.writeBigInt64BE(BigInt(input.sequenceNumber), at);
  const messageHash = createHash('sha384').update(input.message).digest();
  const stream = Buffer.concat([
    Buffer.from([0xac, 0xed, 0x00, 0x05]), // stream magic + version
    // byte[] object: TC_ARRAY, TC_CLASSDESC "[B", serialVersionUID, SC_SERIALIZABLE, no fields, end, no super
    Buffer.from([
      0x75, 0x72, 0x00, 0x02, 0x5b, 0x42, 0xac, 0xf3, 0x17, 0xf8, 0x06, 0x08, 0x54, 0xe0, 0x02, 0x00, 0x00,
      0x78, 0x70,
    ]),
    int32(input.previousRunningHash.length),
    input.previousRunningHash,
    Buffer.from([0x77, fields.length]), // TC_BLOCKDATA with the primitive fields
    fields,
    Buffer.from([0x75, 0x71, 0x00, 0x7e, 0x00, 0x00]), // second byte[]: TC_ARRAY, TC_REFERENCE to the class
    int32(messageHash.length),
    messageHash,
  ]);
  return new Uint8Array(createHash('sha384').update(stream).digest());
}

function entity(id: string): [bigint, bigint, bigint] {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(id);
  if (!m) throw new RangeError(`not an entity id: ${id}`);
  return [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)];
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
