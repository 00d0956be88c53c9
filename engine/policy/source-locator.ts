import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';

export type SourcePath = readonly (string | number)[];

/** A 1-based line/column in the YAML source. */
export interface SourcePosition {
  line: number;
  col: number;
}

/**
 * Maps a path in the parsed value (`['workflows', 'reading_review', 'initial']`) back to where it is
 * written, using the YAML document's node ranges. A path that does not exist resolves to its deepest
 * existing ancestor, so every problem still points somewhere sensible.
 */
export class SourceLocator {
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  /** Position of the value at `path`, or of its key when `part` is 'key'. */
  position(path: SourcePath, part: 'key' | 'value' = 'value'): SourcePosition {
    return this.toPosition(this.find(path, part)?.range?.[0] ?? 0);
  }

  /** Position of a character inside a scalar (an expression), counting the opening quote. */
  positionInScalar(path: SourcePath, offset: number): SourcePosition {
    const node = this.find(path, 'value');
    const start = node?.range?.[0] ?? 0;
    if (!node || !isScalar(node)) return this.toPosition(start);
    const type = (node as Scalar).type;
    if (type === 'PLAIN') return this.toPosition(start + offset);
    if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') return this.toPosition(start + 1 + offset);
    return this.toPosition(start); // block scalars: point at the indicator
  }

  toPosition(offset: number): SourcePosition {
    const pos = this.lines.linePos(offset);
    return { line: pos.line, col: pos.col };
  }

  private find(path: SourcePath, part: 'key' | 'value'): Node | undefined {
    let node = this.doc?.contents as Node | null | undefined;
    let found: Node | undefined = node ?? undefined;
    for (let i = 0; i < path.length && node; i++) {
      const seg = path[i]!;
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return found;
        if (last && part === 'key') return (pair.key as Node) ?? found;
        node = pair.value as Node | null;
        // A key with no value (`initial:`) has no value node; the key is the best place to point.
        found = node ?? (pair.key as Node) ?? found;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg] as Node | null;
        found = node ?? found;
      } else {
        return found;
      }
    }
    return found;
  }
}
