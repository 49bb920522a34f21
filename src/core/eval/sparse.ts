/**
 * Compressed sparse rows: the baseline's feature matrix. Row r's entries are
 * `indices[indptr[r]] .. indices[indptr[r + 1] - 1]` (column ids, ascending) with their `values`.
 * Typed arrays only, so 10k texts × 100k features cost what their non-zeros cost.
 */
export interface CsrMatrix {
  rows: number;
  cols: number;
  /** rows + 1 offsets into indices/values. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Builds a CSR matrix row by row; the arrays grow by doubling. */
export class CsrBuilder {
  private indices: Int32Array;
  private values: Float32Array;
  private readonly indptr: number[] = [0];
  private nnz = 0;

  constructor(
    private readonly cols: number,
    capacity = 1024,
  ) {
    this.indices = new Int32Array(Math.max(1, capacity));
    this.values = new Float32Array(Math.max(1, capacity));
  }

  /** Appends one row; `cols` must be ascending and `vals` the same length. */
  addRow(cols: ArrayLike<number>, vals: ArrayLike<number>, length = cols.length): void {
    if (this.nnz + length > this.indices.length) {
      const size = Math.max(this.nnz + length, this.indices.length * 2);
      const indices = new Int32Array(size);
      indices.set(this.indices.subarray(0, this.nnz));
      const values = new Float32Array(size);
      values.set(this.values.subarray(0, this.nnz));
      this.indices = indices;
      this.values = values;
    }
    for (let i = 0; i < length; i++) {
      this.indices[this.nnz + i] = cols[i];
      this.values[this.nnz + i] = vals[i];
    }
    this.nnz += length;
    this.indptr.push(this.nnz);
  }

  build(): CsrMatrix {
    return {
      rows: this.indptr.length - 1,
      cols: this.cols,
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      values: this.values.slice(0, this.nnz),
    };
  }
}

/** Row r as a plain {column: value} object: for tests and debugging on tiny matrices only. */
export function csrRow(m: CsrMatrix, r: number): Record<number, number> {
  const out: Record<number, number> = {};
  for (let p = m.indptr[r]; p < m.indptr[r + 1]; p++) out[m.indices[p]] = m.values[p];
  return out;
}
