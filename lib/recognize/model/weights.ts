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
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
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
  /** Open addressing by slot: keys[h] = slot + 1 (0 = empty); its weights at h * L. */
  keys: Int32Array;
  /** Per table position: 2^(exponent / 8). */
  scales: Float32Array;
  weights: Int8Array;
  add(ids: Uint32Array, count: number, scores: Float32Array): void;
}

export function loadModel(data: ModelData): LoadedModel {
  if (data.labels.length !== L) throw new Error('model labels do not match the tagger');
  const labels = L;
  const packed = fromBase64(data.weights);
  const count = packed.length / labels;
  const slots = decodeSlots(fromBase64(data.slots), count);
  const exps = fromBase64(data.exponents);
  // Load factor ≤ 0.7; weights stored at the table position itself, so a probe that hits reads
  // its row right there (two memory accesses, not three).
  let cap = 1;
  while (cap * 0.7 < count) cap <<= 1;
  const keys = new Int32Array(cap);
  const scales = new Float32Array(cap);
  const weights = new Int8Array(cap * labels);
  const tableMask = cap - 1;
  for (let r = 0; r < count; r++) {
    const slot = slots[r] as number;
    let h = (Math.imul(slot, 0x9e3779b1) >>> 0) & tableMask;
    while (keys[h] !== 0) h = (h + 1) & tableMask;
    keys[h] = slot + 1;
    scales[h] = 2 ** ((((exps[r] as number) << 24) >> 24) / 8);
    for (let y = 0; y < labels; y++) {
      weights[h * labels + y] = ((packed[r * labels + y] as number) << 24) >> 24;
    }
  }
  const mask = data.bits >= 32 ? 0xffffffff : (1 << data.bits) - 1;
  return {
    transitions: Float32Array.from(data.transitions),
    stacked: data.stacked === true,
    keys,
    scales,
    weights,
    add(ids, n, scores) {
      const L = labels;
      for (let f = 0; f < n; f++) {
        const slot = ((ids[f] as number) & mask) >>> 0;
        let h = (Math.imul(slot, 0x9e3779b1) >>> 0) & tableMask;
        const want = slot + 1;
        for (;;) {
          const k = keys[h] as number;
          if (k === want) {
            const sc = scales[h] as number;
            const base = h * L;
            for (let y = 0; y < L; y++) {
              scores[y] = (scores[y] as number) + (weights[base + y] as number) * sc;
            }
            break;
          }
          if (k === 0) break;
          h = (h + 1) & tableMask;
        }
      }
    },
  };
}
