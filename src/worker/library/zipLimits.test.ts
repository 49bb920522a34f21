import { inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZipSizes, readZipDirectory, ZIP_LIMITS, ZipLimitError } from '../../core/export/zipDirectory';
import { deflatedZeros, modelJsonDeclaring, rawZip } from '../../../e2e/zipFixtures';
import { checkLooseFiles, unzipBundle } from './zipLimits';

const GiB = 1024 ** 3;

describe('zip limits', () => {
  it('builds a DEFLATE stream of zeros that inflates to the size it reports', () => {
    const { data, size } = deflatedZeros(100_000);
    const out = inflateSync(data);
    expect(out.length).toBe(size);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it('reads sizes from the directory and normalises backslash paths', () => {
    const zip = zipSync({ 'bundle\\model.json': strToU8('{}'), 'a/b.bin': new Uint8Array(1000) });
    const entries = readZipDirectory(zip);
    expect(entries.map((e) => [e.path, e.size])).toEqual([
      ['bundle/model.json', 2],
      ['a/b.bin', 1000],
    ]);
  });

  it('refuses 3 GiB of zeros from the directory alone, in milliseconds, with the sizes', () => {
    const bomb = deflatedZeros(3 * GiB);
    const zip = rawZip([{ path: 'group1-shard1of1.bin', data: bomb.data, method: 8, size: bomb.size }]);
    const started = performance.now();
    expect(() => unzipBundle(zip, 'bomb.zip')).toThrow(ZipLimitError);
    expect(() => unzipBundle(zip, 'bomb.zip')).toThrow(/"bomb.zip" unzips to 3,221,\d{3},\d{3} bytes \(3.0 GiB\), more than the 1,073,741,824 bytes \(1.0 GiB\).*Nothing was unzipped/);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses weights larger than model.json declares before inflating them', () => {
    const zeros = deflatedZeros(64 * 1024 ** 2);
    const zip = rawZip([
      { path: 'model.json', data: strToU8(modelJsonDeclaring(10)), method: 0, size: modelJsonDeclaring(10).length },
      { path: 'group1-shard1of1.bin', data: zeros.data, method: 8, size: zeros.size },
    ]);
    expect(() => unzipBundle(zip, 'big.zip')).toThrow(/group1-shard1of1.bin in "big.zip" unzips to 67,\d{3},\d{3} bytes \(64.0 MiB\), but model.json declares 40 bytes of weights/);
  });

  it('stops inflating an entry that is larger than its directory declares', () => {
    const zeros = deflatedZeros(10_000_000);
    const zip = rawZip([{ path: 'metadata.json', data: zeros.data, method: 8, size: 1000 }]);
    expect(() => unzipBundle(zip, 'liar.zip')).toThrow(/metadata.json in "liar.zip" inflates to more than the 1,000 bytes its zip directory declares/);
  });

  it('inflates only the bundle files, found under folders and backslash paths', () => {
    const json = modelJsonDeclaring(2);
    const zip = zipSync({
      'export\\model.json': strToU8(json),
      'export\\group1-shard1of1.bin': new Uint8Array(8),
      'export\\tokenizer.json': strToU8('{"x":1}'),
      'export\\metadata.json': strToU8('{}'),
      'export\\tf.min.js': new Uint8Array(5000),
    });
    const files = unzipBundle(zip, 'win.zip');
    expect([...files.keys()].sort()).toEqual(['group1-shard1of1.bin', 'metadata.json', 'model.json', 'tokenizer.json']);
    expect(new TextDecoder().decode(files.get('model.json'))).toBe(json);
  });

  it('refuses an oversized JSON part', () => {
    expect(() => checkZipSizes([{ path: 'x/tokenizer.json', method: 8, compressedSize: 10, size: ZIP_LIMITS.json + 1, localOffset: 0 }], 'a.zip')).toThrow(
      /x\/tokenizer.json in "a.zip" unzips to 67,108,865 bytes/,
    );
  });

  it('checks loose files from their sizes before reading the weights', () => {
    const model = strToU8(modelJsonDeclaring(10));
    expect(() => checkLooseFiles([{ name: 'model.json', size: model.length }, { name: 'group1-shard1of1.bin', size: 40 }], model)).not.toThrow();
    expect(() => checkLooseFiles([{ name: 'model.json', size: model.length }, { name: 'group1-shard1of1.bin', size: 5_000_000 }], model)).toThrow(
      /group1-shard1of1.bin holds 5,000,000 bytes \(4.8 MiB\), but model.json declares 40 bytes of weights/,
    );
    expect(() => checkLooseFiles([{ name: 'group1-shard1of1.bin', size: 2 * GiB }], null)).toThrow(/The selected files hold 2,147,483,648 bytes/);
  });
});
