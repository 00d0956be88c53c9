import { type Point, WORDS } from './edge-template.ts';

/**
 * Turns raw 16-bit Modbus registers into the point's engineering value: assemble the words in the
 * device's word order (many meters send the low word first), each word in its byte order, read the
 * data type, then `value × scale + offset`. NaN or ±Infinity (an unset float register) is no value.
 *
 * @example
 * decodeRegisters([0x4148, 0x0000], point) // 12.5 for a big-endian float32
 */
export function decodeRegisters(registers: readonly number[], point: Point): number | undefined {
  const words = WORDS[point.data_type];
  if (registers.length < words) return undefined;
  const ordered = registers.slice(0, words);
  if (point.word_order === 'little') ordered.reverse();
  const bytes = Buffer.alloc(words * 2);
  ordered.forEach((word, i) => {
    const hi = (word >> 8) & 0xff;
    const lo = word & 0xff;
    bytes[i * 2] = point.byte_order === 'little' ? lo : hi;
    bytes[i * 2 + 1] = point.byte_order === 'little' ? hi : lo;
  });
  const raw = readType(bytes, point.data_type);
  if (!Number.isFinite(raw)) return undefined;
  return raw * point.scale + point.offset;
}

function readType(bytes: Buffer, type: Point['data_type']): number {
  switch (type) {
    case 'int16':
      return bytes.readInt16BE(0);
    case 'uint16':
      return bytes.readUInt16BE(0);
    case 'int32':
      return bytes.readInt32BE(0);
    case 'uint32':
      return bytes.readUInt32BE(0);
    case 'float32':
      return bytes.readFloatBE(0);
    case 'float64':
      return bytes.readDoubleBE(0);
    case 'int64':
      return Number(bytes.readBigInt64BE(0));
    case 'uint64':
      return Number(bytes.readBigUInt64BE(0));
  }
}

/** The inverse, for simulators and tests: engineering value → registers in the point's orders. */
export function encodeRegisters(value: number, point: Point): number[] {
  const words = WORDS[point.data_type];
  const raw = (value - point.offset) / point.scale;
  const bytes = Buffer.alloc(words * 2);
  const int = Math.round(raw);
  switch (point.data_type) {
    case 'int16':
      bytes.writeInt16BE(int);
      break;
    case 'uint16':
      bytes.writeUInt16BE(int);
      break;
    case 'int32':
      bytes.writeInt32BE(int);
      break;
    case 'uint32':
      bytes.writeUInt32BE(int);
      break;
    case 'float32':
      bytes.writeFloatBE(raw);
      break;
    case 'float64':
      bytes.writeDoubleBE(raw);
      break;
    case 'int64':
      bytes.writeBigInt64BE(BigInt(int));
      break;
    case 'uint64':
      bytes.writeBigUInt64BE(BigInt(int));
      break;
  }
  const out: number[] = [];
  for (let i = 0; i < words; i++) {
    const hi = bytes[i * 2]!;
    const lo = bytes[i * 2 + 1]!;
    out.push(point.byte_order === 'little' ? (lo << 8) | hi : (hi << 8) | lo);
  }
  return point.word_order === 'little' ? out.reverse() : out;
}

/** The register's modulus after scale (where a counter wraps), for rollover handling. */
export function registerModulus(point: Point): number | undefined {
  if (point.counter?.rollover) return point.counter.rollover;
  const bits: Partial<Record<Point['data_type'], number>> = { uint16: 16, uint32: 32, uint64: 64 };
  const b = bits[point.data_type];
  return b === undefined ? undefined : 2 ** b * point.scale;
}
