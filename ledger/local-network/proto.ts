/**
 * The Hedera protobuf classes, taken from the copy bundled with `@hashgraph/sdk` so that the network and the
 * SDK encode with the very same generated code (and no second protobufjs is installed).
 */
import { createRequire } from 'node:module';
// The type-only import points into the SDK's nested copy; it is erased at run time.
import type * as HieroProto from '../../node_modules/@hashgraph/sdk/node_modules/@hiero-ledger/proto/lib/index.js';

const requireFromHere = createRequire(import.meta.url);
const requireFromSdk = createRequire(requireFromHere.resolve('@hashgraph/sdk'));
const loaded = requireFromSdk('@hiero-ledger/proto') as typeof HieroProto;

export const proto = loaded.proto;
/** The `long` implementation protobufjs uses for int64 fields. */
export const Long = requireFromSdk('long') as {
  fromString(text: string, unsigned?: boolean): NonNullable<HieroProto.proto.ITimestamp['seconds']>;
};
export const mirrorProto = loaded.com.hedera.mirror.api.proto;
export type { HieroProto };
/** An int64 as protobufjs hands it over (a Long, or a number for small values). */
export type Int64 = number | { toString(): string };

/** ResponseCodeEnum names, e.g. 'SUCCESS', 'INVALID_SIGNATURE'. */
export type StatusName = keyof typeof loaded.proto.ResponseCodeEnum;

export function statusCode(name: StatusName): number {
  return loaded.proto.ResponseCodeEnum[name] as number;
}
