/**
 * One random cut tree (Guha, Mishra, Roy, Schrijvers: "Robust Random Cut Forest Based Anomaly
 * Detection on Streams", ICML 2016), with the incremental insert / delete of that paper and the
 * anomaly score used by AWS's random-cut-forest library: walking from the point's leaf to the root,
 * at each node the score blends "the point would have been cut off here" (1 / (depth + 1)) with the
 * score below, weighted by the probability of such a cut; the result is scaled by log2(1 + mass).
 * Scores near 1 are ordinary; clear outliers score several times higher.
 */

export type Rng = () => number;

interface Leaf {
  leaf: true;
  point: Float64Array;
  mass: number;
  parent: Branch | null;
}

interface Branch {
  leaf: false;
  dim: number;
  cut: number;
  left: TreeNode;
  right: TreeNode;
  min: Float64Array;
  max: Float64Array;
  mass: number;
  parent: Branch | null;
}

type TreeNode = Leaf | Branch;
export type LeafRef = Leaf;

const minOf = (n: TreeNode): Float64Array => (n.leaf ? n.point : n.min);
const maxOf = (n: TreeNode): Float64Array => (n.leaf ? n.point : n.max);

function samePoint(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Probability that a random cut of the box extended by `p` separates `p` from the box. */
function probabilityOfCut(min: Float64Array, max: Float64Array, p: Float64Array): number {
  let ext = 0;
  let range = 0;
  for (let i = 0; i < p.length; i++) {
    const lo = min[i] as number;
    const hi = max[i] as number;
    const v = p[i] as number;
    const e = v < lo ? lo - v : v > hi ? v - hi : 0;
    ext += e;
    range += hi - lo + e;
  }
  return range === 0 ? 0 : ext / range;
}

export class RandomCutTree {
  private root: TreeNode | null = null;
  /** Reused by score() so scoring a row allocates nothing. */
  private readonly path: Branch[] = [];

  constructor(private readonly rng: Rng) {}

  get mass(): number {
    return this.root ? this.root.mass : 0;
  }

  /** Inserts a point; returns its leaf (an existing leaf when the point is a duplicate). */
  insert(point: Float64Array): LeafRef {
    if (!this.root) {
      const leaf: Leaf = { leaf: true, point, mass: 1, parent: null };
      this.root = leaf;
      return leaf;
    }
    let node: TreeNode = this.root;
    for (;;) {
      const lo = minOf(node);
      const hi = maxOf(node);
      let rangeSum = 0;
      for (let i = 0; i < point.length; i++) {
        rangeSum +=
          Math.max(hi[i] as number, point[i] as number) - Math.min(lo[i] as number, point[i] as number);
      }
      if (rangeSum === 0 && node.leaf) {
        // Duplicate of this leaf: count it, the boxes above do not change.
        for (let n: TreeNode | null = node; n; n = n.parent) n.mass++;
        return node;
      }
      // Pick a dimension in proportion to the extended box's side lengths, then a cut within it.
      let r = this.rng() * rangeSum;
      let dim = -1;
      let cut = 0;
      let widest = 0;
      let widestSide = -1;
      for (let i = 0; i < point.length; i++) {
        const a = Math.min(lo[i] as number, point[i] as number);
        const side = Math.max(hi[i] as number, point[i] as number) - a;
        if (side > widestSide) {
          widest = i;
          widestSide = side;
        }
        if (dim < 0 && side > 0 && r < side) {
          dim = i;
          cut = a + r;
        }
        r -= side;
      }
      if (dim < 0) {
        // Only floating-point round-off lands here: cut the widest side between the point and the box.
        dim = widest;
        const v0 = point[dim] as number;
        cut = v0 < (lo[dim] as number) ? (v0 + (lo[dim] as number)) / 2 : ((hi[dim] as number) + v0) / 2;
      }
      const v = point[dim] as number;
      const separates =
        (v < (lo[dim] as number) && cut < (lo[dim] as number)) ||
        (v > (hi[dim] as number) && cut >= (hi[dim] as number));
      if (separates || node.leaf) {
        const leaf: Leaf = { leaf: true, point, mass: 1, parent: null };
        const parent: Branch | null = node.parent;
        const min = new Float64Array(point.length);
        const max = new Float64Array(point.length);
        for (let i = 0; i < point.length; i++) {
          min[i] = Math.min(lo[i] as number, point[i] as number);
          max[i] = Math.max(hi[i] as number, point[i] as number);
        }
        const finalCut = separates
          ? cut
          : v < (lo[dim] as number)
            ? (v + (lo[dim] as number)) / 2
            : ((hi[dim] as number) + v) / 2;
        const pointLeft = v <= finalCut;
        const branch: Branch = {
          leaf: false,
          dim,
          cut: finalCut,
          left: pointLeft ? leaf : node,
          right: pointLeft ? node : leaf,
          min,
          max,
          mass: node.mass + 1,
          parent,
        };
        leaf.parent = branch;
        node.parent = branch;
        if (!parent) this.root = branch;
        else if (parent.left === node) parent.left = branch;
        else parent.right = branch;
        for (let n = parent; n; n = n.parent) {
          n.mass++;
          for (let i = 0; i < point.length; i++) {
            if ((point[i] as number) < (n.min[i] as number)) n.min[i] = point[i] as number;
            if ((point[i] as number) > (n.max[i] as number)) n.max[i] = point[i] as number;
          }
        }
        return leaf;
      }
      node = v <= node.cut ? node.left : node.right;
    }
  }

  /** Removes one copy of the leaf's point. */
  delete(leaf: LeafRef): void {
    if (leaf.mass > 1) {
      for (let n: TreeNode | null = leaf; n; n = n.parent) n.mass--;
      return;
    }
    const parent = leaf.parent;
    if (!parent) {
      this.root = null;
      return;
    }
    const sibling = parent.left === leaf ? parent.right : parent.left;
    const grand = parent.parent;
    sibling.parent = grand;
    if (!grand) this.root = sibling;
    else if (grand.left === parent) grand.left = sibling;
    else grand.right = sibling;
    for (let n = grand; n; n = n.parent) {
      n.mass--;
      const a = n.left;
      const b = n.right;
      const amin = minOf(a);
      const amax = maxOf(a);
      const bmin = minOf(b);
      const bmax = maxOf(b);
      for (let i = 0; i < n.min.length; i++) {
        n.min[i] = Math.min(amin[i] as number, bmin[i] as number);
        n.max[i] = Math.max(amax[i] as number, bmax[i] as number);
      }
    }
  }

  /**
   * The score split by dimension and side: `below[d]` is the part owed to the point lying below the
   * sample in dimension d, `above[d]` above it. Both sum to score(point) (the same recursion, with the
   * probability of a cut apportioned to the dimension and side it would separate the point on).
   */
  attribution(point: Float64Array): { below: Float64Array; above: Float64Array } {
    const dims = point.length;
    const below = new Float64Array(dims);
    const above = new Float64Array(dims);
    if (!this.root) return { below, above };
    const path = this.path;
    path.length = 0;
    let node: TreeNode = this.root;
    while (!node.leaf) {
      path.push(node);
      node = (point[node.dim] as number) <= node.cut ? node.left : node.right;
    }
    const depth = path.length;
    const treeMass = this.root.mass;
    if (samePoint(node.point, point)) {
      const share = (1 - node.mass / (2 * treeMass)) / (depth + Math.log2(node.mass + 1)) / (2 * dims);
      below.fill(share);
      above.fill(share);
    } else {
      let ext = 0;
      for (let i = 0; i < dims; i++) ext += Math.abs((point[i] as number) - (node.point[i] as number));
      const s = 1 / (depth + 1);
      for (let i = 0; i < dims; i++) {
        const diff = (point[i] as number) - (node.point[i] as number);
        if (diff < 0) below[i] = (s * -diff) / ext;
        else above[i] = (s * diff) / ext;
      }
    }
    for (let d = depth - 1; d >= 0; d--) {
      const b = path[d] as Branch;
      let ext = 0;
      let range = 0;
      for (let i = 0; i < dims; i++) {
        const v = point[i] as number;
        const lo = b.min[i] as number;
        const hi = b.max[i] as number;
        ext += v < lo ? lo - v : v > hi ? v - hi : 0;
        range += hi - lo;
      }
      if (ext === 0) continue;
      const newRange = range + ext;
      const keep = 1 - ext / newRange;
      const unseen = 1 / (d + 1);
      for (let i = 0; i < dims; i++) {
        const v = point[i] as number;
        const lo = b.min[i] as number;
        const hi = b.max[i] as number;
        below[i] = (v < lo ? ((lo - v) / newRange) * unseen : 0) + keep * (below[i] as number);
        above[i] = (v > hi ? ((v - hi) / newRange) * unseen : 0) + keep * (above[i] as number);
      }
    }
    const norm = Math.log2(1 + treeMass);
    for (let i = 0; i < dims; i++) {
      below[i] = (below[i] as number) * norm;
      above[i] = (above[i] as number) * norm;
    }
    return { below, above };
  }

  /** Anomaly score of a point against the current tree (the point is not inserted). */
  score(point: Float64Array): number {
    if (!this.root) return 0;
    const path = this.path;
    path.length = 0;
    let node: TreeNode = this.root;
    while (!node.leaf) {
      path.push(node);
      node = (point[node.dim] as number) <= node.cut ? node.left : node.right;
    }
    const depth = path.length;
    const treeMass = this.root.mass;
    let s: number;
    if (samePoint(node.point, point)) {
      const damp = 1 - node.mass / (2 * treeMass);
      s = damp / (depth + Math.log2(node.mass + 1));
    } else s = 1 / (depth + 1);
    for (let d = depth - 1; d >= 0; d--) {
      const b = path[d] as Branch;
      const p = probabilityOfCut(b.min, b.max, point);
      if (p > 0) s = p / (d + 1) + (1 - p) * s;
    }
    return s * Math.log2(1 + treeMass);
  }
}
