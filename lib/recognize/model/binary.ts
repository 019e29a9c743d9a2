/**
 * The tagger weights as the extension ships them: one binary file (recognizer/model.bin) whose
 * sections are the runtime tables themselves, so a background that starts cold (a Chrome service
 * worker stopped after being idle) reads them as typed-array views over the fetched bytes, with
 * no JSON to parse and no base64 or delta coding to undo. model.json stays the training output
 * and what Node loads; the build writes this file from it (wxt.config.ts).
 *
 * Layout (docs/architecture.md): "GLSM", u32 format version, u32 header length, the header as
 * UTF-8 JSON, zero padding to a multiple of 4, then the present bits (Int32, little-endian),
 * the exponents (Int8) and the weights (Int8).
 */
import { L } from './tagger';
import {
  type LoadedModel,
  loadModel,
  type ModelData,
  type ModelTables,
  modelFromTables,
  unpackModel,
} from './weights';

const MAGIC = 0x4d534c47; // "GLSM" read as a little-endian u32
const FORMAT = 1;

interface Header {
  bits: number;
  stacked: boolean;
  labels: number;
  transitions: number[];
  rows: number;
}

const align4 = (n: number) => (n + 3) & ~3;

/** The binary file for a model (written at build time). */
export function encodeModelBinary(data: ModelData): Uint8Array {
  const t = unpackModel(data);
  const header: Header = {
    bits: t.bits,
    stacked: t.stacked,
    labels: L,
    transitions: Array.from(t.transitions),
    rows: t.exponents.length,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = align4(12 + json.length);
  const size = start + t.present.byteLength + t.exponents.length + t.weights.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, FORMAT, true);
  view.setUint32(8, json.length, true);
  out.set(json, 12);
  let at = start;
  for (let w = 0; w < t.present.length; w++, at += 4) {
    view.setInt32(at, t.present[w] as number, true);
  }
  out.set(new Uint8Array(t.exponents.buffer, t.exponents.byteOffset, t.exponents.length), at);
  at += t.exponents.length;
  out.set(new Uint8Array(t.weights.buffer, t.weights.byteOffset, t.weights.length), at);
  return out;
}

/** Whether this machine stores an Int32 with its low byte first (every browser Glossa runs in does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The runtime tables over the file's bytes: views, not copies (the present bits are copied only on a big-endian machine). */
export function decodeModelBinary(bytes: ArrayBuffer | Uint8Array): ModelTables {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (u8.byteLength < 12 || view.getUint32(0, true) !== MAGIC) {
    throw new Error('not a Glossa model file');
  }
  if (view.getUint32(4, true) !== FORMAT) throw new Error('unsupported model file version');
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(u8.subarray(12, 12 + headerLength))) as Header;
  if (header.labels !== L) throw new Error('model labels do not match the tagger');
  if (!(header.bits >= 5 && header.bits <= 28)) throw new Error('unsupported feature bits');
  const words = 2 ** header.bits / 32;
  const start = align4(12 + headerLength);
  const end = start + words * 4 + header.rows * (1 + L);
  if (end !== u8.byteLength) throw new Error('model file is truncated or too long');
  const base = u8.byteOffset + start;
  let present: Int32Array;
  if (LITTLE_ENDIAN && base % 4 === 0) present = new Int32Array(u8.buffer, base, words);
  else {
    present = new Int32Array(words);
    for (let w = 0; w < words; w++) present[w] = view.getInt32(start + 4 * w, true);
  }
  const exponentsAt = base + words * 4;
  return {
    bits: header.bits,
    stacked: header.stacked,
    transitions: Float32Array.from(header.transitions),
    present,
    exponents: new Int8Array(u8.buffer, exponentsAt, header.rows),
    weights: new Int8Array(u8.buffer, exponentsAt + header.rows, header.rows * L),
  };
}

/** The model from either shipped form: the binary file's bytes (the extension) or model.json (Node). */
export function loadShippedModel(data: unknown): LoadedModel {
  if (data instanceof ArrayBuffer || data instanceof Uint8Array) {
    return modelFromTables(decodeModelBinary(data));
  }
  return loadModel(data as ModelData);
}
