/**
 * Entity ids ("shard.realm.num") and consensus timestamps. Timestamps are bigint nanoseconds since the
 * epoch so that ordering and "+1 ns" are exact.
 */
import { type HieroProto, type Int64, Long } from './proto.ts';

export const SHARD = 0n;
export const REALM = 0n;

const TWO_64 = 1n << 64n;
const MAX_INT64 = (1n << 63n) - 1n;

/** An int64 or uint64 field as Hedera's Java reads it: a signed long (so a "negative" uint64 stays negative). */
export function toBig(v: Int64 | null | undefined): bigint {
  if (v === null || v === undefined) return 0n;
  const n = BigInt(v.toString());
  return n > MAX_INT64 ? n - TWO_64 : n;
}

/** Parses "0.0.1234" (or a bare "1234") into its entity number; returns undefined for anything else. */
export function parseEntityId(text: string): bigint | undefined {
  const m = /^(?:(\d{1,19})\.(\d{1,19})\.)?(\d{1,19})$/.exec(text);
  if (!m) return undefined;
  if ((m[1] !== undefined && BigInt(m[1]) !== SHARD) || (m[2] !== undefined && BigInt(m[2]) !== REALM)) {
    return undefined;
  }
  return BigInt(m[3]!);
}

export function entityIdString(num: bigint): string {
  return `${SHARD}.${REALM}.${num}`;
}

type ProtoEntity = { shardNum?: Int64 | null; realmNum?: Int64 | null } | null | undefined;

/** The entity number of a proto id in our shard/realm, or undefined when the id is absent or foreign. */
export function entityNum(id: ProtoEntity, numField: Int64 | null | undefined): bigint | undefined {
  if (!id || numField === null || numField === undefined) return undefined;
  if (toBig(id.shardNum) !== SHARD || toBig(id.realmNum) !== REALM) return undefined;
  return toBig(numField);
}

export function accountNumOf(id: HieroProto.proto.IAccountID | null | undefined): bigint | undefined {
  return entityNum(id, id?.accountNum);
}
export function topicNumOf(id: HieroProto.proto.ITopicID | null | undefined): bigint | undefined {
  return entityNum(id, id?.topicNum);
}
export function tokenNumOf(id: HieroProto.proto.ITokenID | null | undefined): bigint | undefined {
  return entityNum(id, id?.tokenNum);
}

const long = (n: bigint) => Long.fromString(n.toString());

export function accountIdProto(num: bigint): HieroProto.proto.IAccountID {
  return { shardNum: long(SHARD), realmNum: long(REALM), accountNum: long(num) };
}
export function topicIdProto(num: bigint): HieroProto.proto.ITopicID {
  return { shardNum: long(SHARD), realmNum: long(REALM), topicNum: long(num) };
}
export function tokenIdProto(num: bigint): HieroProto.proto.ITokenID {
  return { shardNum: long(SHARD), realmNum: long(REALM), tokenNum: long(num) };
}
/** A protobufjs Long for an int64 field. */
export function int64(n: bigint): NonNullable<HieroProto.proto.ITimestamp['seconds']> {
  return long(n);
}

const NS = 1_000_000_000n;

export function timestampNs(ts: HieroProto.proto.ITimestamp | null | undefined): bigint {
  if (!ts) return 0n;
  return toBig(ts.seconds) * NS + BigInt(ts.nanos ?? 0);
}
export function timestampProto(ns: bigint): HieroProto.proto.ITimestamp {
  return { seconds: long(ns / NS), nanos: Number(ns % NS) };
}
/** The mirror node's "seconds.nanoseconds" form, nanos zero-padded to 9 digits. */
export function timestampString(ns: bigint): string {
  return `${ns / NS}.${(ns % NS).toString().padStart(9, '0')}`;
}
/** Parses "seconds[.nanos]" as the mirror node accepts it. */
export function parseTimestamp(text: string): bigint | undefined {
  const m = /^(\d{1,17})(?:\.(\d{1,9}))?$/.exec(text);
  if (!m) return undefined;
  return BigInt(m[1]!) * NS + BigInt((m[2] ?? '0').padEnd(9, '0'));
}

/** "0.0.2@1700000000.000000123" — the SDK's form of a transaction id. */
export function transactionIdString(payer: bigint, validStartNs: bigint): string {
  return `${entityIdString(payer)}@${timestampString(validStartNs)}`;
}
/** "0.0.2-1700000000-000000123" — the mirror node's form of a transaction id. */
export function mirrorTransactionIdString(payer: bigint, validStartNs: bigint): string {
  return `${entityIdString(payer)}-${validStartNs / NS}-${(validStartNs % NS).toString().padStart(9, '0')}`;
}
