/**
 * The weights file the extension ships (lib/recognize/model/binary.ts): the same tables as
 * model.json, read as views over the file's bytes, and a clear refusal of a damaged file.
 */
import { describe, expect, it } from 'vitest';
import { modelData } from '../../lib/recognize/data/source';
import { decodeModelBinary, encodeModelBinary } from '../../lib/recognize/model/binary';
import { type ModelData, unpackModel } from '../../lib/recognize/model/weights';

const json = modelData() as ModelData;
const file = encodeModelBinary(json);

describe('model.bin', () => {
  it('holds exactly the tables model.json decodes to', () => {
    const expected = unpackModel(json);
    const got = decodeModelBinary(file);
    expect(got.bits).toBe(expected.bits);
    expect(got.stacked).toBe(expected.stacked);
    expect(Array.from(got.transitions)).toEqual(Array.from(expected.transitions));
    expect(got.present.length).toBe(expected.present.length);
    const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    // Buffer.equals: a byte comparison, where a deep equality of 3 MB would take seconds.
    expect(bytes(got.present).equals(bytes(expected.present))).toBe(true);
    expect(bytes(got.exponents).equals(bytes(expected.exponents))).toBe(true);
    expect(bytes(got.weights).equals(bytes(expected.weights))).toBe(true);
    expect(got.weights.length).toBeGreaterThan(1_000_000);
  });

  it('reads the tables in place, without copying the weights', () => {
    const got = decodeModelBinary(file);
    expect(got.weights.buffer).toBe(file.buffer);
    expect(got.exponents.buffer).toBe(file.buffer);
    expect(got.present.buffer).toBe(file.buffer);
  });

  it('is smaller than model.json', () => {
    expect(file.byteLength).toBeLessThan(JSON.stringify(json).length);
  });

  it('refuses a file that is not a model, of another version, or cut short', () => {
    expect(() => decodeModelBinary(new TextEncoder().encode('{"version":1}'))).toThrow(
      'not a Glossa model file',
    );
    const other = file.slice();
    new DataView(other.buffer).setUint32(4, 99, true);
    expect(() => decodeModelBinary(other)).toThrow('unsupported model file version');
    expect(() => decodeModelBinary(file.subarray(0, file.byteLength - 1))).toThrow('truncated');
  });
});
