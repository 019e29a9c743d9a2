/**
 * The shipped tagger weights (lib/recognize/data/model.json, written by scripts/train.ts) and their
 * runtime form. Only feature slots with a weight that survived pruning are shipped: their slot
 * numbers as delta-coded varints and one signed byte per label, all base64. Loading decodes
 * them into an open-addressing table (slot → row), which is what lookups probe.
 */
import { L } from './tagger';

export interface ModelData {
  version: number;
  /** Feature ids are taken modulo 2^bits. */
  bits: number;
  labels: string[];
  /** Real weight = byte * 2^(exponent / 8), one exponent per slot. */
  scale?: number;
  /** base64 of one signed byte per slot: the exponent of its scale. */
  exponents: string;
  /** Trained with document evidence: decode twice (see features.ts setDocumentEvidence). */
  stacked?: boolean;
  /** (L + 1) × L transition scores, row L = from the start of a segment. */
  transitions: number[];
  /** base64 of varint deltas of the sorted slots. */
  slots: string;
  /** base64 of L signed bytes per slot, in slot order. */
  weights: string;
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const byte of bytes) bin += String.fromCharCode(byte);
  return btoa(bin);
}

/** Varint (7 bits a byte, low first) deltas of sorted non-negative integers. */
export function encodeSlots(sorted: readonly number[]): Uint8Array {
  const bytes: number[] = [];
  let last = 0;
  for (const s of sorted) {
    let d = s - last;
    last = s;
    while (d >= 0x80) {
      bytes.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    bytes.push(d);
  }
  return Uint8Array.from(bytes);
}

function decodeSlots(bytes: Uint8Array, count: number): Int32Array {
  const out = new Int32Array(count);
  let last = 0;
  let p = 0;
  for (let k = 0; k < count; k++) {
    let d = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[p++] as number;
      d |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    last += d;
    out[k] = last;
  }
  return out;
}

export interface LoadedModel {
  transitions: Float32Array;
  stacked: boolean;
  /** Adds the weights of ids[0..count) to scores[at..at + L). */
  add(ids: Uint32Array, count: number, scores: Float32Array, at?: number): void;
}

/** Number of set bits of a 32-bit integer. */
function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * The runtime form: a bit per feature slot (set if the slot kept a weight row) with the number of
 * set bits before each 32-bit word, so a slot's row index is a rank; the rows stay as shipped
 * (L signed bytes each, in slot order) with their exponents. A slot without a row costs one bit
 * test in a table of 2^bits / 8 bytes (256 KB at 21 bits: it stays in the CPU cache), a slot with
 * one a read of its row; no hashing, no probing.
 */
export function loadModel(data: ModelData): LoadedModel {
  return modelFromTables(unpackModel(data));
}

/**
 * The weights as flat tables: what the shipped JSON decodes to, and what the extension's binary
 * file (model/binary.ts) holds as it is, so the background reads it without decoding.
 */
export interface ModelTables {
  bits: number;
  stacked: boolean;
  /** (L + 1) × L transition scores. */
  transitions: Float32Array;
  /** A bit per feature slot, set when the slot has a row (2^bits / 32 words). */
  present: Int32Array;
  /** One exponent per row, rows in slot order. */
  exponents: Int8Array;
  /** L signed bytes per row. */
  weights: Int8Array;
}

/** Decodes the JSON form (base64, delta-coded slots) into flat tables. */
export function unpackModel(data: ModelData): ModelTables {
  if (data.labels.length !== L) throw new Error('model labels do not match the tagger');
  if (!(data.bits >= 1 && data.bits <= 28)) throw new Error('unsupported feature bits');
  const packed = fromBase64(data.weights);
  const weights = new Int8Array(packed.buffer, packed.byteOffset, packed.length);
  const count = packed.length / L;
  const slots = decodeSlots(fromBase64(data.slots), count);
  const exps = fromBase64(data.exponents);
  const exponents = new Int8Array(exps.buffer, exps.byteOffset, exps.length);
  const present = new Int32Array(Math.max(1, 2 ** data.bits / 32));
  for (let r = 0; r < count; r++) {
    const slot = slots[r] as number;
    present[slot >>> 5] = (present[slot >>> 5] as number) | (1 << (slot & 31));
  }
  return {
    bits: data.bits,
    stacked: data.stacked === true,
    transitions: Float32Array.from(data.transitions),
    present,
    exponents,
    weights,
  };
}

/** The runtime model over flat tables (see loadModel). */
export function modelFromTables(tables: ModelTables): LoadedModel {
  const { present, exponents, weights } = tables;
  const labels = L;
  const mask = 2 ** tables.bits - 1;
  const rank = new Int32Array(present.length);
  let total = 0;
  for (let w = 0; w < present.length; w++) {
    rank[w] = total;
    total += popcount(present[w] as number);
  }
  if (total !== exponents.length || total * labels !== weights.length) {
    throw new Error('model tables do not agree: slots, exponents and weights differ in count');
  }
  // Scale of an exponent byte e (−128..127): 2^(e / 8), as a float32; indexed by e + 128.
  const scaleOf = new Float32Array(256);
  for (let e = -128; e < 128; e++) scaleOf[e + 128] = 2 ** (e / 8);
  return {
    transitions: tables.transitions,
    stacked: tables.stacked,
    add(ids, n, scores, at = 0) {
      const L = labels;
      for (let f = 0; f < n; f++) {
        const slot = ((ids[f] as number) & mask) >>> 0;
        const w = slot >>> 5;
        const bit = 1 << (slot & 31);
        const word = present[w] as number;
        if ((word & bit) === 0) continue;
        const r = (rank[w] as number) + popcount(word & (bit - 1));
        const sc = scaleOf[(exponents[r] as number) + 128] as number;
        const base = r * L;
        for (let y = 0; y < L; y++) {
          scores[at + y] = (scores[at + y] as number) + (weights[base + y] as number) * sc;
        }
      }
    },
  };
}
